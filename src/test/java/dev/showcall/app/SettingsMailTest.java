package dev.showcall.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.showcall.mail.MailSettings;
import dev.showcall.mail.MailSettings.Security;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The email settings from the environment")
class SettingsMailTest {

    private static final String FROM = "calls@maison-verre.example.com";

    @Test
    @DisplayName("leave email off when SHOWCALL_SMTP_URL is not set")
    void offByDefault() {
        // when nothing is set
        Settings settings = Settings.from(Map.of());

        // then there is no mail
        assertThat(settings.mail()).isEmpty();
    }

    @Test
    @DisplayName("read the server, user, password and sender")
    void readsEverything() {
        // given a submission server with STARTTLS and a login
        Settings settings = Settings.from(Map.of(
                Settings.SMTP_URL, "smtp+starttls://smtp.example.org:587",
                Settings.SMTP_USER, "calls",
                Settings.SMTP_PASSWORD, " s3cret ",
                Settings.SMTP_FROM, FROM));

        // then every part is there, the password as given, with the 10-second timeout
        assertThat(settings.mail()).contains(new MailSettings(Security.STARTTLS, "smtp.example.org", 587,
                Optional.of("calls"), Optional.of(" s3cret "), FROM, Duration.ofSeconds(10)));
    }

    @Test
    @DisplayName("know plain SMTP, STARTTLS and SMTPS, each with its usual port when none is given")
    void schemes() {
        // when each scheme is given without a port
        Optional<MailSettings> plain = Settings.from(Map.of(Settings.SMTP_URL, "smtp://relay.local", Settings.SMTP_FROM, FROM)).mail();
        Optional<MailSettings> starttls = Settings.from(Map.of(Settings.SMTP_URL, "smtp+starttls://smtp.example.org",
                Settings.SMTP_FROM, FROM)).mail();
        Optional<MailSettings> smtps = Settings.from(Map.of(Settings.SMTP_URL, "smtps://smtp.example.org",
                Settings.SMTP_FROM, FROM)).mail();

        // then each is read with its security and port
        assertThat(plain).hasValueSatisfying(m -> assertThat(m.url()).isEqualTo("smtp://relay.local:25"));
        assertThat(starttls).hasValueSatisfying(m -> assertThat(m.url()).isEqualTo("smtp+starttls://smtp.example.org:587"));
        assertThat(smtps).hasValueSatisfying(m -> assertThat(m.url()).isEqualTo("smtps://smtp.example.org:465"));
    }

    @Test
    @DisplayName("refuse a server URL without its sender, naming SHOWCALL_SMTP_FROM")
    void fromRequired() {
        assertThatThrownBy(() -> Settings.from(Map.of(Settings.SMTP_URL, "smtp://relay.local:25")))
                .isInstanceOf(Settings.InvalidSettingException.class)
                .hasMessageContaining("SHOWCALL_SMTP_FROM is not set");
    }

    @Test
    @DisplayName("refuse a sender that is not an email address")
    void badFrom() {
        assertThatThrownBy(() -> Settings.from(Map.of(Settings.SMTP_URL, "smtp://relay.local:25",
                Settings.SMTP_FROM, "calls at example")))
                .isInstanceOf(Settings.InvalidSettingException.class)
                .hasMessageContaining("SHOWCALL_SMTP_FROM must be an email address");
    }

    @Test
    @DisplayName("refuse a URL that is not SMTP, naming the schemes it may have")
    void badScheme() {
        assertThatThrownBy(() -> Settings.from(Map.of(Settings.SMTP_URL, "http://smtp.example.org", Settings.SMTP_FROM, FROM)))
                .isInstanceOf(Settings.InvalidSettingException.class)
                .hasMessageContaining("SHOWCALL_SMTP_URL must be smtp://host:port, smtp+starttls://host:port or smtps://host:port");
    }

    @Test
    @DisplayName("refuse a password in the URL without repeating it")
    void passwordInUrl() {
        assertThatThrownBy(() -> Settings.from(Map.of(Settings.SMTP_URL, "smtp://calls:hunter2@smtp.example.org",
                Settings.SMTP_FROM, FROM)))
                .isInstanceOf(Settings.InvalidSettingException.class)
                .hasMessageContaining("SHOWCALL_SMTP_USER")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    @DisplayName("never show the SMTP password when printed")
    void passwordNeverPrinted() {
        // given a password
        Settings settings = Settings.from(Map.of(Settings.SMTP_URL, "smtps://smtp.example.org:465",
                Settings.SMTP_USER, "calls", Settings.SMTP_PASSWORD, "hunter2", Settings.SMTP_FROM, FROM));

        // then printing the settings does not show it
        assertThat(settings.toString()).doesNotContain("hunter2").contains("smtps://smtp.example.org:465")
                .contains("password=(set)");
    }
}

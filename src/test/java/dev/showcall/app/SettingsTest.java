package dev.showcall.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Settings from the environment")
class SettingsTest {

    @Test
    @DisplayName("have defaults that work on a fresh machine")
    void defaults() {
        Settings settings = Settings.from(Map.of());

        assertThat(settings.discordToken()).isEmpty();
        assertThat(settings.shows()).isEqualTo(Path.of("config/shows"));
        assertThat(settings.databaseUrl()).startsWith("jdbc:h2:file:./data/showcall;");
        assertThat(settings.databaseUser()).isEmpty();
        assertThat(settings.databasePassword()).isEmpty();
        assertThat(settings.discordApi()).isEmpty();
        assertThat(settings.discordGateway()).isEmpty();
    }

    @Test
    @DisplayName("read every variable the README lists")
    void readsEveryVariable() {
        Settings settings = Settings.from(Map.of(
                "DISCORD_TOKEN", "secret-token",
                "SHOWCALL_SHOWS", "shows/lfw.yaml",
                "SHOWCALL_DB_URL", "jdbc:postgresql://db.example:5432/showcall",
                "SHOWCALL_DB_USER", "showcall",
                "SHOWCALL_DB_PASSWORD", "s3cret",
                "SHOWCALL_DISCORD_API", "http://127.0.0.1:8080/api/v10/",
                "SHOWCALL_DISCORD_GATEWAY", "ws://127.0.0.1:8080/gateway"));

        assertThat(settings.discordToken()).contains("secret-token");
        assertThat(settings.shows()).isEqualTo(Path.of("shows/lfw.yaml"));
        assertThat(settings.databaseUrl()).isEqualTo("jdbc:postgresql://db.example:5432/showcall");
        assertThat(settings.databaseUser()).contains("showcall");
        assertThat(settings.databasePassword()).contains("s3cret");
        assertThat(settings.discordApi()).contains(URI.create("http://127.0.0.1:8080/api/v10/"));
        assertThat(settings.discordGateway()).contains(URI.create("ws://127.0.0.1:8080/gateway"));
    }

    @Test
    @DisplayName("treat a blank variable as unset")
    void blankIsUnset() {
        Settings settings = Settings.from(Map.of("DISCORD_TOKEN", "  ", "SHOWCALL_SHOWS", ""));

        assertThat(settings.discordToken()).isEmpty();
        assertThat(settings.shows()).isEqualTo(Path.of("config/shows"));
    }

    @Test
    @DisplayName("never show the token when printed")
    void tokenNeverPrinted() {
        Settings settings = Settings.from(Map.of("DISCORD_TOKEN", "MTE5MDAw.secret.token"));

        assertThat(settings.toString()).doesNotContain("MTE5MDAw").doesNotContain("secret").contains("(set)");
    }

    @Test
    @DisplayName("never show the database password when printed, nor settings in the database URL")
    void databasePasswordNeverPrinted() {
        Settings settings = Settings.from(Map.of(
                "SHOWCALL_DB_URL", "jdbc:postgresql://db.example/showcall?password=in-the-url",
                "SHOWCALL_DB_PASSWORD", "s3cret"));

        assertThat(settings.toString())
                .doesNotContain("s3cret")
                .doesNotContain("in-the-url")
                .contains("jdbc:postgresql://db.example/showcall")
                .contains("databasePassword=(set)");
    }

    @Test
    @DisplayName("refuse a database other than H2 or PostgreSQL, naming the variable")
    void otherDatabaseRefused() {
        assertThatThrownBy(() -> Settings.from(Map.of("SHOWCALL_DB_URL", "jdbc:mysql://db.example/showcall?password=x")))
                .isInstanceOf(Settings.InvalidSettingException.class)
                .hasMessageContaining("SHOWCALL_DB_URL")
                .hasMessageContaining("PostgreSQL")
                .hasMessageNotContaining("password=x");
    }

    @Test
    @DisplayName("refuse a gateway that is not a WebSocket URL, naming the variable")
    void badGateway() {
        assertThatThrownBy(() -> Settings.from(Map.of("SHOWCALL_DISCORD_GATEWAY", "http://127.0.0.1/gateway")))
                .isInstanceOf(Settings.InvalidSettingException.class)
                .hasMessageContaining("SHOWCALL_DISCORD_GATEWAY")
                .hasMessageContaining("ws or wss");
    }

    @Test
    @DisplayName("refuse a database URL that is not JDBC")
    void badDatabaseUrl() {
        assertThatThrownBy(() -> Settings.from(Map.of("SHOWCALL_DB_URL", "./data/showcall")))
                .isInstanceOf(Settings.InvalidSettingException.class)
                .hasMessageContaining("SHOWCALL_DB_URL");
    }

    @Test
    @DisplayName("serve the web pages on 8080 by default, on a port given, or not at all when off, and refuse any other")
    void webPort() {
        assertThat(Settings.from(Map.of()).web().port()).hasValue(8080);
        assertThat(Settings.from(Map.of(Settings.WEB_PORT, "0")).web().port()).hasValue(0);
        assertThat(Settings.from(Map.of(Settings.WEB_PORT, "OFF")).web().on()).isFalse();
        assertThat(Settings.from(Map.of(Settings.WEB_URL, "https://screens.example.org/")).web().url())
                .hasValue(java.net.URI.create("https://screens.example.org/"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Settings.from(Map.of(Settings.WEB_PORT, "eighty")))
                .isInstanceOf(Settings.InvalidSettingException.class).hasMessageContaining(Settings.WEB_PORT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Settings.from(Map.of(Settings.WEB_PORT, "70000")))
                .isInstanceOf(Settings.InvalidSettingException.class).hasMessageContaining("'off'");
    }

    @Test
    @DisplayName("never show the web links' secret when printed")
    void webSecretNeverPrinted() {
        Settings settings = Settings.from(Map.of(Settings.WEB_SECRET, "hunter2-links"));

        assertThat(settings.toString()).doesNotContain("hunter2").contains("links from " + Settings.WEB_SECRET);
    }
}

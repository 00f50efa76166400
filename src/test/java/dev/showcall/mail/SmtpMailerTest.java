package dev.showcall.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Sending mails over SMTP")
class SmtpMailerTest {

    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("calls@example.org", "calls", "s3cret"));

    private static final String SUBJECT = "Your call for Maison Verre — Autumn/Winter 2027: 15:15, Sunday 21 February";
    private static final byte[] ICS = "BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);

    private static MailSettings settings(int port) {
        return new MailSettings(MailSettings.Security.PLAIN, "127.0.0.1", port, Optional.of("calls"),
                Optional.of("s3cret"), "calls@example.org", Duration.ofSeconds(2));
    }

    private static Mail mail() {
        return new Mail("ping:call:lena", List.of("lena.hoffmann@example.com"), List.of("bookings@elite.example.com"),
                SUBJECT, "Hello Lena Hoffmann,\n\nYour call is at 15:15. Zoë says hi.\n",
                Optional.of(new Mail.Attachment("call.ics", CallMails.CALENDAR_TYPE, ICS)));
    }

    private static MimeMessage sentAndReceived(Mail mail) throws Exception {
        try (SmtpMailer mailer = new SmtpMailer(settings(SERVER.getSmtp().getPort()))) {
            mailer.send(mail).get(10, TimeUnit.SECONDS);
        }
        assertThat(SERVER.waitForIncomingEmail(5_000, 1)).isTrue();
        return SERVER.getReceivedMessages()[0];
    }

    @Test
    @DisplayName("a mail arrives with its own Message-ID, its sender, To and Cc, and its UTF-8 subject")
    void headers() throws Exception {
        // when a mail is sent through the server
        MimeMessage received = sentAndReceived(mail());

        // then its headers are as composed
        assertThat(received.getMessageID()).isEqualTo(Mail.messageIdOf("ping:call:lena"));
        assertThat(received.getFrom()).extracting(Object::toString).containsExactly("calls@example.org");
        assertThat(received.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("lena.hoffmann@example.com");
        assertThat(received.getRecipients(Message.RecipientType.CC)).extracting(Object::toString)
                .containsExactly("bookings@elite.example.com");
        assertThat(received.getSubject()).isEqualTo(SUBJECT);
    }

    @Test
    @DisplayName("both the person and the one copied get the mail")
    void everyRecipient() throws Exception {
        // when a mail with a Cc is sent
        sentAndReceived(mail());

        // then the server delivered it to both mailboxes
        assertThat(SERVER.waitForIncomingEmail(5_000, 2)).isTrue();
        assertThat(SERVER.getReceivedMessages()).hasSize(2);
    }

    @Test
    @DisplayName("a mail arrives with its plain UTF-8 text and the calendar attached as call.ics")
    void body() throws Exception {
        // when a mail with a calendar is sent
        MimeMessage received = sentAndReceived(mail());

        // then the text comes first, plain and UTF-8, then the calendar as a text/calendar attachment
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        Part text = parts.getBodyPart(0);
        assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat((String) text.getContent()).contains("Zoë says hi.");
        Part calendar = parts.getBodyPart(1);
        assertThat(calendar.getContentType()).startsWith("text/calendar").contains("method=PUBLISH")
                .containsIgnoringCase("charset=UTF-8");
        assertThat(calendar.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(calendar.getFileName()).isEqualTo("call.ics");
        try (InputStream in = calendar.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(ICS);
        }
    }

    @Test
    @DisplayName("a mail without a calendar is one text/plain part in UTF-8")
    void textOnly() throws Exception {
        // when a mail without a calendar is sent
        Mail plain = new Mail("ping:esc:lena", List.of("lena.hoffmann@example.com"), List.of(), "Please confirm",
                "Zoë asks you to confirm.\n", Optional.empty());
        MimeMessage received = sentAndReceived(plain);

        // then it is plain text
        assertThat(received.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat((String) received.getContent()).contains("Zoë asks you to confirm.");
        assertThat(received.getHeader("Cc")).isNull();
    }

    @Test
    @DisplayName("sends on its own thread, never on the caller's")
    void notOnTheCallersThread() throws Exception {
        // given a mailer whose sends record their thread
        String caller = Thread.currentThread().getName();
        try (SmtpMailer mailer = new SmtpMailer(settings(SERVER.getSmtp().getPort()))) {
            // when a mail is sent
            String sender = mailer.send(mail()).thenApply(v -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS);

            // then the network was used from the mailer's thread
            assertThat(sender).startsWith("showcall-mail-").isNotEqualTo(caller);
        }
    }

    @Test
    @DisplayName("a send to a server that is down fails its future instead of hanging")
    void serverDown() throws Exception {
        // given a port nothing listens on
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }

        // when a mail is sent there, then the future fails within the timeout
        try (SmtpMailer mailer = new SmtpMailer(settings(port))) {
            assertThatThrownBy(() -> mailer.send(mail()).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SmtpMailer.SendFailed.class)
                    .hasMessageContaining("ping:call:lena");
        }
    }

    @Test
    @DisplayName("a send to a server that takes the connection and never answers fails after the timeout")
    void serverSilent() throws Exception {
        // given a server that accepts and says nothing
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread accepting = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    Thread.sleep(10_000);
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            accepting.setDaemon(true);
            accepting.start();

            // when a mail is sent there with a timeout of half a second
            long started = System.nanoTime();
            try (SmtpMailer mailer = new SmtpMailer(settings(silent.getLocalPort()).withTimeout(Duration.ofMillis(500)))) {
                // then it fails well before the test would give up
                assertThatThrownBy(() -> mailer.send(mail()).get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SmtpMailer.SendFailed.class);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            accepting.interrupt();
        }
    }

    @Test
    @DisplayName("a login the server refuses fails the future")
    void wrongPassword() {
        // given the wrong password
        MailSettings wrong = new MailSettings(MailSettings.Security.PLAIN, "127.0.0.1", SERVER.getSmtp().getPort(),
                Optional.of("calls"), Optional.of("wrong"), "calls@example.org", Duration.ofSeconds(2));

        // when a mail is sent, then it fails
        try (SmtpMailer mailer = new SmtpMailer(wrong)) {
            assertThatThrownBy(() -> mailer.send(mail()).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SmtpMailer.SendFailed.class);
        }
    }

    @Test
    @DisplayName("STARTTLS is required, not only tried, and every protocol gets the timeouts")
    void properties() {
        // when the session's properties are made for STARTTLS and for SMTPS
        Properties starttls = SmtpMailer.properties(new MailSettings(MailSettings.Security.STARTTLS, "smtp.example.org",
                587, Optional.empty(), Optional.empty(), "calls@example.org"));
        Properties smtps = SmtpMailer.properties(new MailSettings(MailSettings.Security.SMTPS, "smtp.example.org",
                465, Optional.empty(), Optional.empty(), "calls@example.org"));

        // then a server that does not offer TLS is refused, and nothing waits longer than 10 s
        assertThat(starttls).containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.connectiontimeout", "10000").containsEntry("mail.smtp.timeout", "10000")
                .containsEntry("mail.smtp.writetimeout", "10000");
        assertThat(smtps).containsEntry("mail.transport.protocol", "smtps").containsEntry("mail.smtps.ssl.enable", "true")
                .containsEntry("mail.smtps.timeout", "10000");
    }

    @Test
    @DisplayName("never shows the password when printed")
    void passwordNeverPrinted() {
        // when the settings are printed
        String printed = settings(25).toString();

        // then the password is not there
        assertThat(printed).doesNotContain("s3cret").contains("password=(set)");
    }
}

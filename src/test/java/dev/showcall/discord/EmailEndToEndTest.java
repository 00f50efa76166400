package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.CALLS;
import static dev.showcall.discord.ShowcallOnStub.GUILD;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER_ROLE;
import static dev.showcall.discord.ShowcallOnStub.PR_ROLE;
import static dev.showcall.discord.ShowcallOnStub.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.showcall.app.Settings;
import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.discord.commands.CallsCommand;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.Database;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model with only an email, called by showcall through a real SMTP server in this JVM (GreenMail) while the real JDA
 * client talks to the Discord stub: her call and reminder by email, her page to answer on, what producers see.
 */
@DisplayName("People not on Discord, end to end: their call by email through a real SMTP server, and their page")
class EmailEndToEndTest {

    private static final long AISHA = 1190000000000000201L;
    private static final String SHOW = "mail-show";
    private static final String LENA = "lena.hoffmann@example.org";
    private static final String BOOKER = "bookings@agency.example.org";
    private static final String LENA_KEY = "model:Lena Hoffmann";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern PAGE = Pattern.compile("https?://\\S+/me/[A-Za-z0-9_-]+");

    /** Kept when a test fails: it holds the processes' logs. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private GreenMail smtp;
    private DiscordStub stub;
    private ShowcallOnStub bot;
    private ShowcallProcess process;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void stop() {
        try {
            if (stub != null) {
                assertThat(stub.violations()).as("requests that break Discord's limits or schemas").isEmpty();
            }
        } finally {
            if (bot != null) {
                bot.close();
            }
            if (process != null) {
                process.close();
            }
            if (stub != null && bot == null) {
                stub.close();
            }
            if (smtp != null) {
                smtp.stop();
            }
        }
    }

    @Test
    @DisplayName("a model with only an email gets her reminder and call once, opens her page, presses On my way, and "
            + "/calls shows it")
    void callByEmailAnsweredOnHerPage() throws Exception {
        // given showcall with an SMTP server, its web pages, and a show whose models are called 14 s from now
        smtp = smtp(freePort());
        int web = freePort();
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(4);
        stub = DiscordStub.start(guild());
        bot = ShowcallOnStub.withSettings(dir, java.time.Clock.systemUTC(), stub, showYaml(base), Map.of(
                Settings.SMTP_URL, "smtp://127.0.0.1:" + smtp.getSmtp().getPort(),
                Settings.SMTP_FROM, "calls@example.org",
                Settings.WEB_PORT, Integer.toString(web),
                Settings.WEB_URL, "http://127.0.0.1:" + web + "/"));

        // when her reminder and her call have gone out
        await("her call by email", () -> !mails(LENA, "Your call for").isEmpty());
        Thread.sleep(1500);

        // then her call sheet, her reminder and her call each went once, to her, and her booker was copied on the
        // call sheet and the call only
        List<MimeMessage> sheets = mails(LENA, "Your call sheet");
        List<MimeMessage> reminders = mails(LENA, "Reminder");
        List<MimeMessage> calls = mails(LENA, "Your call for");
        assertThat(sheets).hasSize(1);
        assertThat(mails(BOOKER, "Your call sheet")).hasSize(1);
        assertThat(reminders).hasSize(1);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).getRecipients(Message.RecipientType.CC)).extracting(Object::toString)
                .containsExactly(BOOKER);
        assertThat(reminders.get(0).getRecipients(Message.RecipientType.CC)).isNull();
        assertThat(attachments(calls.get(0))).contains("call.ics");
        Optional<CallPing> sent = bot.database().inTransaction(c -> new CallPingRepository().find(c, SHOW, LENA_KEY,
                CallPing.CALL));
        assertThat(sent).hasValueSatisfying(p -> assertThat(p.outcome()).contains(PingOutcome.EMAIL));

        // and a mail scanner opening her link changes nothing
        URI page = pageIn(calls.get(0));
        HttpResponse<String> opened = http.send(HttpRequest.newBuilder(page).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(calls()).contains("Lena Hoffmann — called, no answer yet · ✉️ email");

        // when she presses On my way on her page
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(page + "/answer"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://127.0.0.1:" + web)
                .POST(HttpRequest.BodyPublishers.ofString("answer=on-my-way")).build(),
                HttpResponse.BodyHandlers.ofString());

        // then producers see her on the way, reached by email
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(calls()).contains("Lena Hoffmann — on the way · ✉️ email");
    }

    @Test
    @DisplayName("a mail claimed while the SMTP server was down, and showcall killed before it went, goes once after "
            + "a restart")
    void claimedThenKilledGoesOnce() throws Exception {
        // given the SMTP server down as her call falls due, with showcall in a JVM of its own
        int port = freePort();
        Instant call = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(25);
        stub = DiscordStub.start(guild());
        Path showFile = dir.resolve("show.yaml");
        Files.writeString(showFile, showYaml(call.minusSeconds(14)));
        String databaseUrl = "jdbc:h2:file:" + dir.resolve("data").resolve("showcall").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE";
        Map<String, String> settings = Map.of(Settings.SMTP_URL, "smtp://127.0.0.1:" + port,
                Settings.SMTP_FROM, "calls@example.org");
        process = ShowcallProcess.start(stub, dir, showFile, databaseUrl, "first", settings);
        await("her call claimed and not sent", () -> process.logText().contains(LENA_KEY + " call not delivered"));

        // when showcall is killed with the mail claimed and unsent, the server comes up, and showcall starts again
        process.kill();
        smtp = smtp(port);
        process = ShowcallProcess.start(stub, dir, showFile, databaseUrl, "second", settings);
        await("her call by email", () -> !mails(LENA, "Your call for").isEmpty());
        Thread.sleep(2000);

        // then it went once, and is recorded sent by email
        assertThat(mails(LENA, "Your call for")).hasSize(1);
        process.stop();
        try (Database database = Database.open(databaseUrl)) {
            Optional<CallPing> sent = database.inTransaction(c -> new CallPingRepository().find(c, SHOW, LENA_KEY,
                    CallPing.CALL));
            assertThat(sent).hasValueSatisfying(p -> {
                assertThat(p.sentAt()).isPresent();
                assertThat(p.outcome()).contains(PingOutcome.EMAIL);
            });
        }
    }

    private static StubGuild guild() {
        return StubGuild.builder(GUILD, "Backstage")
                .role(PRODUCER_ROLE, "Producers", 0)
                .role(PR_ROLE, "PR", 0)
                .textChannel(TIMELINE, "timeline")
                .textChannel(CALLS, "calls")
                .member(AISHA, "aisha")
                .member(PRODUCER, "producer", PRODUCER_ROLE)
                .build();
    }

    /**
     * The call sheet at +3 s; hair at +6 s; the models' wave at +14 s with a reminder 5 s before; Lena has only an email
     * and a booker.
     */
    private static String showYaml(Instant base) {
        return """
                id: %s
                name: Mail Show
                time-zone: UTC
                start: %s
                call-sheet: T-9m57s
                discord:
                  guild: "%d"
                  timeline-channel: "%d"
                  calls-channel: "%d"
                  producer-role: "%d"
                  pr-role: "%d"
                departments:
                  - id: hair
                    name: Hair
                    call: %s
                    members:
                      - { user: "%d", name: Aisha }
                models:
                  - { name: Lena Hoffmann, email: "%s", agency-email: "%s" }
                model-calls:
                  chairs: 2
                  prep: 5s
                  buffer: 9m40s
                  check-in: 1s
                  reminders: [5s]
                looks:
                  - { number: 1, model: Lena Hoffmann, description: Coat }
                """.formatted(SHOW, local(base.plus(Duration.ofMinutes(10))), GUILD, TIMELINE, CALLS, PRODUCER_ROLE,
                PR_ROLE, local(base.plusSeconds(6)), AISHA, LENA, BOOKER);
    }

    private static GreenMail smtp(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The mails in {@code to}'s mailbox whose subject starts with {@code subject}. */
    private List<MimeMessage> mails(String to, String subject) {
        if (smtp == null) {
            return List.of();
        }
        com.icegreen.greenmail.user.GreenMailUser user = smtp.getUserManager().getUserByEmail(to);
        if (user == null) {
            return List.of();
        }
        try {
            return smtp.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                    .map(com.icegreen.greenmail.store.StoredMessage::getMimeMessage)
                    .filter(m -> subject(m).startsWith(subject))
                    .toList();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return Optional.ofNullable(m.getSubject()).orElse("");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage m) throws MessagingException, IOException {
        Object content = m.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain") && part.getFileName() == null) {
                    return part.getContent().toString();
                }
            }
        }
        return content.toString();
    }

    private static List<String> attachments(MimeMessage m) throws MessagingException, IOException {
        List<String> names = new java.util.ArrayList<>();
        if (m.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                Optional.ofNullable(multipart.getBodyPart(i).getFileName()).ifPresent(names::add);
            }
        }
        return names;
    }

    private static URI pageIn(MimeMessage m) throws MessagingException, IOException {
        Matcher link = PAGE.matcher(text(m));
        assertThat(link.find()).as("a link to her page in the mail").isTrue();
        return URI.create(link.group());
    }

    private String calls() {
        return stub.slash(SlashCommandInvocation.of(CallsCommand.NAME).by(PRODUCER).in(TIMELINE))
                .awaitResponse(Duration.ofSeconds(10)).message().embeds().get(0).path("description").asText();
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}

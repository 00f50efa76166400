package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.CREW;
import static dev.showcall.discord.ShowcallOnStub.PR;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER;
import static dev.showcall.discord.ShowcallOnStub.SHOW_ID;
import static dev.showcall.discord.ShowcallOnStub.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.discord.commands.ArrivedCommand;
import dev.showcall.discord.commands.DelayCommand;
import dev.showcall.discord.commands.MyCallCommand;
import dev.showcall.discord.commands.ReportSlashCommand;
import dev.showcall.discord.stub.InteractionResponse;
import dev.showcall.discord.stub.RecordedRequest;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.discord.stub.StubAttachment;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.discord.stub.StubMessage;
import dev.showcall.report.ReportCharts;
import dev.showcall.report.ReportMessage;
import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.ShowReader;
import dev.showcall.store.AfterShowReportRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.TimelineEvent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import net.dv8tion.jda.api.Permission;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The after-show report and /mycall, end to end with the real JDA client against the Discord stub")
class ReportEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Discord's limits on one message's files (a server without boosts). */
    private static final int MAX_FILES = 10;
    private static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final long BOT_ROLE = 1190000000000000008L;

    @TempDir
    Path dir;

    /** The crew's server: a timeline private to producers and PR, where showcall may post, pin and attach files. */
    static StubGuild guild() {
        long view = Permission.VIEW_CHANNEL.getRawValue();
        long bot = view | Permission.MESSAGE_SEND.getRawValue() | Permission.MESSAGE_EMBED_LINKS.getRawValue()
                | Permission.MESSAGE_HISTORY.getRawValue() | Permission.PIN_MESSAGES.getRawValue()
                | Permission.MESSAGE_ATTACH_FILES.getRawValue();
        return StubGuild.builder(ShowcallOnStub.GUILD, "Maison Verre backstage")
                .botRole(BOT_ROLE, "showcall", 0)
                .role(ShowcallOnStub.PRODUCER_ROLE, "Producers", 0)
                .role(ShowcallOnStub.PR_ROLE, "PR", 0)
                .textChannel(TIMELINE, "timeline", StubGuild.Overwrite.role(ShowcallOnStub.GUILD, 0, view),
                        StubGuild.Overwrite.role(ShowcallOnStub.PRODUCER_ROLE, view, 0),
                        StubGuild.Overwrite.role(ShowcallOnStub.PR_ROLE, view, 0),
                        StubGuild.Overwrite.role(BOT_ROLE, bot, 0))
                .textChannel(ShowcallOnStub.CALLS, "calls")
                .textChannel(ShowcallOnStub.LOBBY, "lobby")
                .member(PRODUCER, "producer", ShowcallOnStub.PRODUCER_ROLE)
                .member(PR, "pr-lead", ShowcallOnStub.PR_ROLE)
                .member(ShowcallOnStub.OTHER_PR, "pr-second", ShowcallOnStub.PR_ROLE)
                .member(CREW, "dresser")
                .build();
    }

    private static ShowcallOnStub startOn(Path dir, Instant now) {
        return ShowcallOnStub.start(dir, now, guild());
    }

    private ShowcallOnStub bot;

    @AfterEach
    void everyRequestKeptDiscordsRules() {
        if (bot == null) {
            return;
        }
        try {
            assertThat(bot.stub.violations()).as("requests that break Discord's limits or schemas").isEmpty();
            assertThat(bot.stub.tooManyRequestsSent()).as("429 answers").isZero();
        } finally {
            bot.close();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(25);
        }
    }

    /** The show whose reports {@link #reports} looks for. */
    private String showName = "Stub Show";

    /** The automatic reports in the timeline channel, or those producers asked for. */
    private List<StubMessage> reports(boolean automatic) {
        String auto = ReportMessage.headline(showName, true);
        String asked = ReportMessage.headline(showName, false);
        return bot.stub.messages(TIMELINE).stream()
                .filter(m -> automatic ? m.content().startsWith(auto)
                        : m.content().startsWith(asked) && !m.content().startsWith(auto))
                .toList();
    }

    private InteractionResponse slash(SlashCommandInvocation invocation) {
        return bot.stub.slash(invocation.in(TIMELINE)).awaitResponse(WAIT);
    }

    private Optional<AfterShowReportRepository.Claim> claim(String showId) {
        return bot.database().inTransaction(c -> new AfterShowReportRepository().find(c, showId));
    }

    @Nested
    @DisplayName("asked for")
    class AskedFor {

        /** 15:00 London (GMT) on the show day: the PR department's call, 14:00, has gone out. */
        private static final Instant NOW = Instant.parse("2027-02-21T15:00:00Z");

        @Test
        @DisplayName("/report by a producer posts one message in the timeline channel with the report's files, within Discord's limits")
        void reportPosted() throws Exception {
            // given showcall running the day, a model marked in
            bot = startOn(dir, NOW);
            slash(SlashCommandInvocation.of(ArrivedCommand.NAME).option(ArrivedCommand.MODEL_OPTION, "Anya Petrova")
                    .by(PR));

            // when a producer asks for the report
            InteractionResponse reply = slash(SlashCommandInvocation.of(ReportSlashCommand.NAME).by(PRODUCER));

            // then one message holds it, with the Markdown, the CSV and four pictures 800 pixels wide
            assertThat(reply.ephemeral()).isTrue();
            assertThat(reply.message().content()).contains("The report is posted in <#" + TIMELINE + ">");
            List<StubMessage> posted = reports(false);
            assertThat(posted).hasSize(1);
            StubMessage report = posted.get(0);
            assertThat(report.pingsAnyone()).isFalse();
            assertThat(report.attachments()).extracting(StubAttachment::filename)
                    .startsWith(SHOW_ID + "-report.md", SHOW_ID + "-report.csv").hasSize(6);
            assertThat(report.attachments()).hasSizeLessThanOrEqualTo(MAX_FILES);
            assertThat(report.attachments().stream().mapToLong(StubAttachment::size).sum()).isLessThanOrEqualTo(MAX_BYTES);
            assertThat(new String(report.attachment(SHOW_ID + "-report.csv").orElseThrow().data(), StandardCharsets.UTF_8))
                    .contains("Anya Petrova");
            for (StubAttachment picture : report.attachments().subList(2, 6)) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.data()));
                assertThat(image).as(picture.filename()).isNotNull();
                assertThat(image.getWidth()).as(picture.filename()).isEqualTo(ReportCharts.WIDTH);
            }
        }

        @Test
        @DisplayName("/report by someone who is not a producer is refused, only to them, and posts nothing")
        void reportRefused() {
            bot = startOn(dir, NOW);

            InteractionResponse reply = slash(SlashCommandInvocation.of(ReportSlashCommand.NAME).by(PR));

            assertThat(reply.ephemeral()).isTrue();
            assertThat(reply.message().content()).contains("Only producers");
            assertThat(bot.stub.requestsTo("POST", "channels/" + TIMELINE + "/messages"))
                    .noneMatch(r -> r.body() != null && r.body().path("content").asText().contains("After-show report"));
        }

        @Test
        @DisplayName("/mycall answers only the caller with their call moved by /delay, and an .ics file that parses")
        void myCall() throws Exception {
            // given the show running 15 minutes late
            bot = startOn(dir, NOW.minus(Duration.ofHours(2)));
            slash(SlashCommandInvocation.of(DelayCommand.NAME).option(DelayCommand.MINUTES_OPTION, 15L)
                    .option(DelayCommand.REASON_OPTION, "The rig is late").by(PRODUCER));
            Call planned = CallPlanner.plan(ShowReader.read("show.yaml", ShowcallOnStub.showYaml()).show().orElseThrow())
                    .calls().stream().filter(c -> c.userId().isPresent() && c.userId().getAsLong() == PR)
                    .findFirst().orElseThrow();
            Instant moved = planned.at().plus(Duration.ofMinutes(15));

            // when a PR member asks for their call
            InteractionResponse reply = slash(SlashCommandInvocation.of(MyCallCommand.NAME).by(PR));

            // then only they see it, at the moved time, with one calendar event there under the call's UID
            assertThat(reply.ephemeral()).isTrue();
            assertThat(reply.message().content()).contains("<t:" + moved.getEpochSecond() + ":t>")
                    .contains("15 min later");
            StubAttachment ics = reply.message().attachments().stream().filter(a -> a.filename().endsWith(".ics"))
                    .findFirst().orElseThrow();
            Calendar calendar = new CalendarBuilder().build(new StringReader(new String(ics.data(), StandardCharsets.UTF_8)));
            List<VEvent> events = calendar.getComponents("VEVENT");
            assertThat(events).singleElement().satisfies(event -> {
                assertThat(((ZonedDateTime) event.getDateTimeStart().getDate()).toInstant()).isEqualTo(moved);
                assertThat(event.getUid().orElseThrow().getValue()).endsWith("@" + SHOW_ID + ".showcall");
            });
        }

        @Test
        @DisplayName("/mycall by someone not on the call sheet tells them so, only them, without a file")
        void notOnTheSheet() {
            bot = startOn(dir, NOW);

            InteractionResponse reply = slash(SlashCommandInvocation.of(MyCallCommand.NAME).by(CREW));

            assertThat(reply.ephemeral()).isTrue();
            assertThat(reply.message().content()).contains("not on the call sheet");
            assertThat(reply.message().attachments()).isEmpty();
        }
    }

    @Nested
    @DisplayName("by itself")
    class ByItself {

        private static final String AUTO_SHOW = "report-show";
        /** Discord's window on a channel's message writes: 5 in 5 s. */
        private static final Duration WINDOW = Duration.ofSeconds(5);

        private final MutableClock clock = new MutableClock();
        private Instant debrief;

        /**
         * A show whose debrief is {@code debriefIn} from now; it starts two hours from now, so that no
         * call falls due meanwhile.
         */
        private void start(Duration debriefIn) {
            showName = "Report Show";
            Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Instant showStart = base.plus(Duration.ofHours(2));
            debrief = base.plus(debriefIn);
            String yaml = """
                    id: %s
                    name: Report Show
                    time-zone: UTC
                    start: %s
                    discord:
                      guild: "%d"
                      timeline-channel: "%d"
                      calls-channel: "%d"
                      producer-role: "%d"
                      pr-role: "%d"
                    departments:
                      - id: pr
                        name: PR
                        call: 5m
                        members: ["%d"]
                    models:
                      - name: Anya Petrova
                    model-calls:
                      chairs: 1
                      prep: 5s
                    looks:
                      - { number: 1, model: Anya Petrova, description: Coat }
                    milestones:
                      - { name: Debrief, at: T-%ds }
                    """.formatted(AUTO_SHOW, LocalDateTime.ofInstant(showStart, ZoneOffset.UTC),
                    ShowcallOnStub.GUILD, TIMELINE, ShowcallOnStub.CALLS, ShowcallOnStub.PRODUCER_ROLE,
                    ShowcallOnStub.PR_ROLE, PR, Duration.between(debrief, showStart).toSeconds());
            bot = ShowcallOnStub.start(dir, clock, guild(), yaml, stub -> stub.limitChannelMessageWrites(5, WINDOW));
        }

        private void awaitChannelWindowPassed() throws InterruptedException {
            Instant lastWrite = bot.stub.requestsTo("*", "channels/" + TIMELINE + "/messages.*").stream()
                    .filter(r -> !r.method().equals("GET")).map(RecordedRequest::at).max(Instant::compareTo)
                    .orElseThrow();
            Instant windowPassed = lastWrite.plus(WINDOW);
            await("Discord's window on the channel's writes to pass", () -> Instant.now().isAfter(windowPassed));
        }

        /** Stops showcall once its timeline has published what it had, so that what comes after the restart is new. */
        private void stopOnceTheTimelineIsPublished() throws InterruptedException {
            await("every timeline event published", () -> bot.database().inTransaction(
                    c -> new TimelineEventRepository().forShow(c, AUTO_SHOW)).stream().allMatch(TimelineEvent::isPublished));
            bot.stopShowcall();
        }

        @Test
        @DisplayName("comes once at the debrief milestone, and not again after a restart on the same database")
        void onceAtTheDebrief() throws Exception {
            // given a show whose debrief is a few seconds away
            start(Duration.ofSeconds(4));

            // when the debrief comes
            await("the automatic report", () -> !reports(true).isEmpty());

            // then it is posted once, not before the debrief, with its files, and marked sent with its message
            StubMessage report = reports(true).get(0);
            assertThat(report.createdAt()).isAfterOrEqualTo(debrief);
            assertThat(report.attachments()).hasSize(6);
            await("the report marked sent", () -> claim(AUTO_SHOW).filter(AfterShowReportRepository.Claim::sent).isPresent());
            assertThat(claim(AUTO_SHOW).orElseThrow().messageId()).hasValue(report.id());

            // and when showcall restarts on the same database, once Discord's window on the channel's writes has
            // passed (a new showcall does not know the writes of the one before), and a producer asks for the report
            awaitChannelWindowPassed();
            bot.stopShowcall();
            bot.startShowcall();
            slash(SlashCommandInvocation.of(ReportSlashCommand.NAME).by(PRODUCER));

            // then the producer's report is there, and the automatic one still once
            assertThat(reports(false)).hasSize(1);
            assertThat(reports(true)).extracting(StubMessage::id).containsExactly(report.id());
        }

        @Test
        @DisplayName("claimed before a stop and never taken by Discord, comes once at the next start, trying again while Discord fails")
        void owedAfterRestart() throws Exception {
            // given a report claimed before showcall stopped, and Discord failing the next post in the channel
            start(Duration.ofMinutes(5));
            stopOnceTheTimelineIsPublished();
            bot.stub.failNext("POST", "channels/" + TIMELINE + "/messages", 500, 1);

            // when showcall starts again
            bot.startShowcallWith(database -> database.runInTransaction(
                    c -> new AfterShowReportRepository().claim(c, AUTO_SHOW, clock.instant())));

            // then the report is posted once, after one refused try, and marked sent with its message
            await("the report marked sent", () -> claim(AUTO_SHOW).filter(AfterShowReportRepository.Claim::sent).isPresent());
            assertThat(reports(true)).singleElement().satisfies(m ->
                    assertThat(claim(AUTO_SHOW).orElseThrow().messageId()).hasValue(m.id()));
            List<RecordedRequest> tries = bot.stub.requestsTo("POST", "channels/" + TIMELINE + "/messages").stream()
                    .filter(r -> r.body() != null && r.body().path("nonce").asText()
                            .equals(AfterShowReports.nonce(AUTO_SHOW)))
                    .toList();
            assertThat(tries).extracting(RecordedRequest::status).containsExactly(500, 200);
        }

        @Test
        @DisplayName("taken by Discord just before a stop, is not posted twice: the same nonce gets the same message")
        void answerLostBeforeStop() throws Exception {
            // given Discord took the report, but showcall stopped before it marked it
            start(Duration.ofMinutes(5));
            stopOnceTheTimelineIsPublished();
            StubMessage taken = bot.stub.postedEarlierByBotWithNonce(TIMELINE, "(the report, as Discord took it)",
                    AfterShowReports.nonce(AUTO_SHOW));

            // when showcall starts again
            bot.startShowcallWith(database -> database.runInTransaction(
                    c -> new AfterShowReportRepository().claim(c, AUTO_SHOW, clock.instant())));

            // then the report is marked sent as the message Discord already held, and no second one is posted
            await("the report marked sent", () -> claim(AUTO_SHOW).filter(AfterShowReportRepository.Claim::sent).isPresent());
            assertThat(claim(AUTO_SHOW).orElseThrow().messageId()).hasValue(taken.id());
            assertThat(reports(true)).isEmpty();
        }

        @Test
        @DisplayName("posted long before a restart and never marked, is found in the channel and not posted again")
        void foundInTheChannel() throws Exception {
            // given the automatic report in the channel (too long ago for its nonce), never marked sent
            start(Duration.ofMinutes(5));
            stopOnceTheTimelineIsPublished();
            StubMessage earlier = bot.stub.postedEarlierByBot(TIMELINE,
                    ReportMessage.headline("Report Show", true) + "\nStart planned 19:00.");

            // when showcall starts again
            bot.startShowcallWith(database -> database.runInTransaction(
                    c -> new AfterShowReportRepository().claim(c, AUTO_SHOW, clock.instant())));

            // then it is marked sent as that message, and nothing is posted
            await("the report marked sent", () -> claim(AUTO_SHOW).filter(AfterShowReportRepository.Claim::sent).isPresent());
            assertThat(claim(AUTO_SHOW).orElseThrow().messageId()).hasValue(earlier.id());
            assertThat(reports(true)).extracting(StubMessage::id).containsExactly(earlier.id());
            assertThat(bot.stub.requestsTo("POST", "channels/" + TIMELINE + "/messages"))
                    .noneMatch(r -> r.body() != null && r.body().path("nonce").asText()
                            .equals(AfterShowReports.nonce(AUTO_SHOW)));
        }
    }
}

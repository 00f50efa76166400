package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.PR;
import static dev.showcall.discord.ShowcallOnStub.SHOW_ID;
import static dev.showcall.discord.ShowcallOnStub.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.showcall.discord.commands.ArrivedCommand;
import dev.showcall.discord.commands.StatusCommand;
import dev.showcall.discord.stub.InteractionHandle;
import dev.showcall.discord.stub.InteractionResponse;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.discord.stub.StubMessage;
import net.dv8tion.jda.api.Permission;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.LogBatcher;
import dev.showcall.timeline.TimelineEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The timeline, end to end: the board and the log in the show's channel, within Discord's write limit")
class TimelineEndToEndTest {

    private static final long BOT_ROLE = 1190000000000000008L;
    private static final Instant NOW = Instant.parse("2027-02-21T13:57:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The show's 33 models, in the order the bursts mark them. */
    private static final List<String> MODELS = models();

    @TempDir
    Path dir;

    private ShowcallOnStub bot;

    private static List<String> models() {
        List<String> names = new ArrayList<>(List.of("Anya Petrova", "Anja Berg", ShowcallOnStub.EVERYONE_MODEL));
        IntStream.rangeClosed(1, 30).mapToObj(i -> String.format("%s%02d", ShowcallOnStub.MANY_PREFIX, i))
                .forEach(names::add);
        return names;
    }

    /** The crew's server with the timeline private to PR, producers and the bot. */
    static StubGuild guild() {
        long view = Permission.VIEW_CHANNEL.getRawValue();
        long bot = view | Permission.MESSAGE_SEND.getRawValue() | Permission.MESSAGE_EMBED_LINKS.getRawValue()
                | Permission.MESSAGE_HISTORY.getRawValue() | Permission.PIN_MESSAGES.getRawValue();
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
                .member(ShowcallOnStub.PRODUCER, "producer", ShowcallOnStub.PRODUCER_ROLE)
                .member(PR, "pr-lead", ShowcallOnStub.PR_ROLE)
                .member(ShowcallOnStub.CREW, "dresser")
                .build();
    }

    private void start() {
        bot = ShowcallOnStub.start(dir, Clock.fixed(NOW, ZoneOffset.UTC), guild(),
                ShowcallOnStub.showYaml(), stub -> stub.limitChannelMessageWrites(5, Duration.ofSeconds(5)));
    }

    @AfterEach
    void keptDiscordsRules() {
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

    /** The {@code n}-th change of a burst: rounds that mark every model arrived, then take it back. */
    private InteractionHandle change(int n) {
        String model = MODELS.get(n % MODELS.size());
        boolean undo = (n / MODELS.size()) % 2 == 1;
        return bot.stub.slash(SlashCommandInvocation.of(ArrivedCommand.NAME)
                .option(ArrivedCommand.MODEL_OPTION, model).option(ArrivedCommand.UNDO_OPTION, undo)
                .by(PR).in(TIMELINE));
    }

    /** {@code count} changes, {@code spacing} apart; waits for every answer. */
    private void burst(int from, int count, Duration spacing) throws InterruptedException {
        List<InteractionHandle> handles = new ArrayList<>();
        for (int n = from; n < from + count; n++) {
            handles.add(change(n));
            Thread.sleep(spacing.toMillis());
        }
        handles.forEach(h -> h.awaitResponse(Duration.ofSeconds(10)));
    }

    private List<TimelineEvent> events() {
        return bot.database().inTransaction(c -> new TimelineEventRepository().forShow(c, SHOW_ID));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private List<StubMessage> boards() {
        return bot.stub.messages(TIMELINE).stream().filter(m -> !m.embeds().isEmpty()).toList();
    }

    private List<StubMessage> logMessages() {
        return bot.stub.messages(TIMELINE).stream().filter(m -> m.embeds().isEmpty()).toList();
    }

    private JsonNode statusEmbed() {
        InteractionResponse reply = bot.stub.slash(SlashCommandInvocation.of(StatusCommand.NAME)
                .by(ShowcallOnStub.CREW).in(TIMELINE)).awaitResponse(Duration.ofSeconds(5));
        return reply.message().embeds().get(0);
    }

    private static String shown(JsonNode embed) {
        StringBuilder text = new StringBuilder(embed.path("title").asText()).append('\n')
                .append(embed.path("description").asText());
        embed.path("fields").forEach(f -> text.append('\n').append(f.path("name").asText()).append(": ")
                .append(f.path("value").asText()));
        return text.toString();
    }

    /** The board as the channel shows it, once it stops changing and equals a fresh render of the database. */
    private void awaitBoardMatchesDatabase() throws InterruptedException {
        String expected = shown(statusEmbed());
        await("the board to show the database's state",
                () -> boards().size() == 1 && shown(boards().get(0).embeds().get(0)).equals(expected));
    }

    private void awaitAllPublished() throws InterruptedException {
        await("every event published", () -> events().stream().allMatch(TimelineEvent::isPublished));
    }

    /** Each event's line is in the log as often as there are events with that line, in the message it is marked in. */
    private void assertEveryEventInTheLogOnce() {
        List<TimelineEvent> events = events();
        Map<Long, StubMessage> log = logMessages().stream().collect(Collectors.toMap(StubMessage::id, m -> m));
        Map<String, Long> linesInLog = log.values().stream().flatMap(m -> m.content().lines())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map<String, Long> linesOfEvents = events.stream().map(LogBatcher::line)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(linesInLog).isEqualTo(linesOfEvents);
        List<Long> inTheirMessage = bot.database().inTransaction(c -> messageIds(c));
        assertThat(inTheirMessage).hasSameSizeAs(events).allSatisfy(id -> assertThat(log).containsKey(id));
    }

    private static List<Long> messageIds(java.sql.Connection c) throws java.sql.SQLException {
        try (var ps = c.prepareStatement("SELECT message_id FROM timeline_event WHERE show_id = ? ORDER BY id")) {
            ps.setString(1, SHOW_ID);
            try (var rs = ps.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids;
            }
        }
    }

    @Test
    @DisplayName("a burst of 300 changes in 30 seconds ends with the board equal to the database, each event logged once, no 429")
    void burst() throws InterruptedException {
        // given showcall on a stub that allows 5 message writes per 5 s in a channel
        start();

        // when PR marks models arrived and takes it back 300 times in 30 s
        burst(0, 300, Duration.ofMillis(100));

        // then every event is published once, in few messages, and the board shows the final state
        awaitAllPublished();
        assertEveryEventInTheLogOnce();
        awaitBoardMatchesDatabase();
        List<TimelineEvent> events = events();
        assertThat(logMessages()).hasSizeLessThan(events.size() / 5);
        assertThat(boards().get(0).pinned()).isTrue();
    }

    @Test
    @DisplayName("injected 500s and a restart in the middle of a burst lose nothing and post nothing twice")
    void failuresAndRestart() throws InterruptedException {
        // given showcall whose first log posts and board edits Discord fails with a 500
        start();
        bot.stub.failNext("POST", "channels/" + TIMELINE + "/messages", 500, 2);
        bot.stub.failNext("PATCH", "channels/" + TIMELINE + "/messages/\\d+", 500, 2);

        // when a burst is cut by a restart of showcall
        burst(0, 40, Duration.ofMillis(50));
        bot.stopShowcall();
        bot.startShowcall();
        burst(40, 40, Duration.ofMillis(50));

        // then every event is in the log once and the one board shows the final state
        awaitAllPublished();
        assertEveryEventInTheLogOnce();
        awaitBoardMatchesDatabase();
        long failed = bot.stub.requestsTo("*", "channels/" + TIMELINE + "/messages.*").stream()
                .filter(r -> r.status() == 500).count();
        assertThat(failed).as("writes Discord failed with a 500").isEqualTo(4);
    }

    @Test
    @DisplayName("a deleted board is posted again, pinned, and edited from then on")
    void deletedBoard() throws InterruptedException {
        // given a board in the channel
        start();
        await("the board", () -> boards().size() == 1);
        StubMessage first = boards().get(0);

        // when someone deletes it, and PR marks a model arrived
        bot.stub.deleteMessage(TIMELINE, first.id());
        burst(0, 1, Duration.ZERO);

        // then a new board shows the arrival, pinned (the pin is a request of its own, after the post)
        awaitBoardMatchesDatabase();
        StubMessage second = boards().get(0);
        assertThat(second.id()).isNotEqualTo(first.id());
        await("the new board pinned", () -> boards().get(0).pinned());
        assertThat(shown(second.embeds().get(0))).contains("**1 / 33** arrived");
    }

    @Test
    @DisplayName("/status shows anyone in the server the board, only to them")
    void status() throws InterruptedException {
        // given showcall with a board
        start();
        await("the board", () -> boards().size() == 1);

        // when a dresser, neither PR nor producer, asks for the status
        InteractionResponse reply = bot.stub.slash(SlashCommandInvocation.of(StatusCommand.NAME)
                .by(ShowcallOnStub.CREW).in(ShowcallOnStub.LOBBY)).awaitResponse(Duration.ofSeconds(5));

        // then the board is shown to them alone
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.firstCallbackAfter()).isLessThan(Duration.ofSeconds(3));
        assertThat(shown(reply.message().embeds().get(0))).isEqualTo(shown(boards().get(0).embeds().get(0)))
                .contains("Stub Show").contains("**0 / 33** arrived");
    }
}

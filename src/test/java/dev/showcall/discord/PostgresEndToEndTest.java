package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.PR;
import static dev.showcall.discord.ShowcallOnStub.SHOW_ID;
import static dev.showcall.discord.ShowcallOnStub.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.app.Settings;
import dev.showcall.backstage.Arrival;
import dev.showcall.discord.commands.ArrivedCommand;
import dev.showcall.discord.stub.InteractionResponse;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.discord.stub.StubMessage;
import dev.showcall.show.CallPlanner;
import dev.showcall.store.ArrivalRepository;
import dev.showcall.store.Dialect;
import dev.showcall.store.FreshDatabase;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.TimelineEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("showcall on PostgreSQL, end to end with the real JDA client against the Discord stub")
class PostgresEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Instant NOW = Instant.parse("2027-02-21T13:57:00Z");

    @TempDir
    Path dir;

    @RegisterExtension
    final FreshDatabase postgres = new FreshDatabase(Dialect.POSTGRESQL);

    private ShowcallOnStub bot;

    @BeforeEach
    void startShowcall() {
        // showcall pointed at PostgreSQL the way a producer does it: the URL, and the user apart from it;
        // in a server where it may post in the timeline channel
        bot = ShowcallOnStub.start(dir, NOW, TimelineEndToEndTest.guild(), Map.of(
                Settings.DB_URL, postgres.url(),
                Settings.DB_USER, postgres.user().orElseThrow()));
    }

    @AfterEach
    void everyRequestKeptDiscordsRules() {
        try {
            assertThat(bot.stub.violations()).as("requests that break Discord's limits or schemas").isEmpty();
        } finally {
            bot.close();
        }
    }

    @Test
    @DisplayName("keeps an arrival in PostgreSQL, logs it on the timeline once, and keeps the same board after a restart")
    void arrivalOnPostgres() throws InterruptedException {
        // given showcall running on PostgreSQL, with its board in the timeline channel
        await("the board", () -> boards().size() == 1);
        long board = boards().get(0).id();

        // when PR marks a model arrived
        InteractionResponse reply = arrived("Anya Petrova");

        // then she is answered, stored in PostgreSQL, and logged once when the event is published
        assertThat(reply.message().content()).contains("Anya Petrova").contains("arrived");
        Optional<Arrival> stored = bot.database().inTransaction(c -> new ArrivalRepository()
                .find(c, SHOW_ID, CallPlanner.modelKey("Anya Petrova")));
        assertThat(stored).hasValueSatisfying(a -> assertThat(a.markedBy()).hasValue(PR));
        await("the arrival published", () -> events().stream().allMatch(TimelineEvent::isPublished));
        assertThat(logLinesWith("Anya Petrova")).hasSize(1);

        // and when showcall restarts on the same database and another model arrives
        bot.stopShowcall();
        int edits = boardEdits(board);
        bot.startShowcall();
        arrived("Anja Berg");

        // then the board it kept in PostgreSQL is edited, no other is posted, and nothing is logged twice
        await("the board edited after the restart", () -> boardEdits(board) > edits);
        await("the second arrival published", () -> events().stream().allMatch(TimelineEvent::isPublished));
        assertThat(boards()).singleElement().satisfies(b -> assertThat(b.id()).isEqualTo(board));
        assertThat(logLinesWith("Anja Berg")).hasSize(1);
        assertThat(logLinesWith("Anya Petrova")).hasSize(1);
    }

    private InteractionResponse arrived(String model) {
        return bot.stub.slash(SlashCommandInvocation.of(ArrivedCommand.NAME)
                .option(ArrivedCommand.MODEL_OPTION, model).by(PR).in(TIMELINE)).awaitResponse(WAIT);
    }

    private int boardEdits(long board) {
        return bot.stub.requestsTo("PATCH", "channels/" + TIMELINE + "/messages/" + board).size();
    }

    private List<StubMessage> boards() {
        return bot.stub.messages(TIMELINE).stream().filter(m -> !m.embeds().isEmpty()).toList();
    }

    private List<StubMessage> logLinesWith(String text) {
        return bot.stub.messages(TIMELINE).stream()
                .filter(m -> m.embeds().isEmpty() && m.content().contains(text)).toList();
    }

    private List<TimelineEvent> events() {
        return bot.database().inTransaction(c -> new TimelineEventRepository().forShow(c, SHOW_ID));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(25);
        }
    }
}

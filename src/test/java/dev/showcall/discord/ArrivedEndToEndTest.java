package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.CREW;
import static dev.showcall.discord.ShowcallOnStub.EVERYONE_MODEL;
import static dev.showcall.discord.ShowcallOnStub.GUILD;
import static dev.showcall.discord.ShowcallOnStub.LOBBY;
import static dev.showcall.discord.ShowcallOnStub.MANY_PREFIX;
import static dev.showcall.discord.ShowcallOnStub.OTHER_PR;
import static dev.showcall.discord.ShowcallOnStub.PR;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER;
import static dev.showcall.discord.ShowcallOnStub.SHOW_ID;
import static dev.showcall.discord.ShowcallOnStub.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.showcall.backstage.Arrival;
import dev.showcall.discord.commands.ArrivedCommand;
import dev.showcall.discord.stub.AutocompleteInvocation;
import dev.showcall.discord.stub.ButtonClick;
import dev.showcall.discord.stub.InteractionResponse;
import dev.showcall.discord.stub.RecordedRequest;
import dev.showcall.discord.stub.RegisteredCommand;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.show.CallPlanner;
import dev.showcall.store.ArrivalRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("/arrived, end to end with the real JDA client against the Discord stub")
class ArrivedEndToEndTest {

    /** Discord's limit for the first answer to an interaction. */
    private static final Duration DISCORD_DEADLINE = Duration.ofSeconds(3);
    private static final Duration WAIT = Duration.ofSeconds(5);
    /** Anya walks look 1, so she is in the first of six waves, called at 13:45 London (GMT): 12 minutes ago. */
    private static final Instant NOW = Instant.parse("2027-02-21T13:57:00Z");

    @TempDir
    Path dir;

    private ShowcallOnStub bot;

    @BeforeEach
    void startShowcall() {
        bot = ShowcallOnStub.start(dir, NOW);
    }

    @AfterEach
    void everyRequestKeptDiscordsRules() {
        try {
            assertThat(bot.stub.violations()).as("requests that break Discord's limits or schemas").isEmpty();
        } finally {
            bot.close();
        }
    }

    private InteractionResponse arrived(long by, String model) {
        return bot.stub.slash(SlashCommandInvocation.of(ArrivedCommand.NAME)
                .option(ArrivedCommand.MODEL_OPTION, model).by(by).in(TIMELINE)).awaitResponse(WAIT);
    }

    private Optional<Arrival> storedArrival(String model) {
        return bot.database().inTransaction(c -> new ArrivalRepository().find(c, SHOW_ID, CallPlanner.modelKey(model)));
    }

    private List<TimelineEvent> events() {
        return bot.database().inTransaction(c -> new TimelineEventRepository().forShow(c, SHOW_ID));
    }

    private List<TimelineEvent> eventsOf(EventKind kind) {
        return events().stream().filter(e -> e.kind() == kind).toList();
    }

    @Test
    @DisplayName("connects, becomes ready and registers its commands in the show's guild")
    void registersCommands() {
        List<RegisteredCommand> commands = bot.stub.commands(GUILD);

        assertThat(commands).extracting(RegisteredCommand::name).contains(ArrivedCommand.NAME);
        List<RecordedRequest> registrations = bot.stub.requestsTo("PUT", ".*/guilds/" + GUILD + "/commands");
        assertThat(registrations).singleElement().satisfies(r -> {
            JsonNode arrived = java.util.stream.StreamSupport.stream(r.body().spliterator(), false)
                    .filter(c -> c.path("name").asText().equals(ArrivedCommand.NAME)).findFirst().orElseThrow();
            assertThat(arrived.path("name").asText()).isEqualTo("arrived");
            assertThat(arrived.path("options").get(0).path("name").asText()).isEqualTo(ArrivedCommand.MODEL_OPTION);
            assertThat(arrived.path("options").get(0).path("autocomplete").asBoolean()).isTrue();
        });
    }

    @Test
    @DisplayName("marks a model arrived for PR within 3 seconds, ephemerally, with how late she is")
    void marksArrival() {
        InteractionResponse reply = arrived(PR, "Anya Petrova");

        assertThat(reply.firstCallbackAfter()).isLessThan(DISCORD_DEADLINE);
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.message().content()).contains("Anya Petrova").contains("arrived").contains("12 min late");
        assertThat(storedArrival("Anya Petrova")).hasValueSatisfying(a -> assertThat(a.markedBy()).hasValue(PR));
        assertThat(eventsOf(EventKind.ARRIVAL)).singleElement()
                .satisfies(e -> assertThat(e.actorUserId()).hasValue(PR));
    }

    @Test
    @DisplayName("lets producers mark arrivals too")
    void producersToo() {
        arrived(PRODUCER, "Anja Berg");

        assertThat(storedArrival("Anja Berg")).isPresent();
    }

    @Test
    @DisplayName("refuses a member without the PR or producer role, and stores nothing")
    void refusesOthers() {
        InteractionResponse reply = arrived(CREW, "Anya Petrova");

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.message().content()).contains("Only PR and producers");
        assertThat(storedArrival("Anya Petrova")).isEmpty();
        assertThat(eventsOf(EventKind.ARRIVAL)).isEmpty();
    }

    @Test
    @DisplayName("answers a misspelt name with the closest names, and stores nothing")
    void suggestsNames() {
        InteractionResponse reply = arrived(PR, "Anya Petrva");

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.message().content()).contains("No model called").contains("Anya Petrova");
        assertThat(eventsOf(EventKind.ARRIVAL)).isEmpty();
    }

    @Test
    @DisplayName("does not count a second mark, and says who marked her first")
    void secondMark() {
        arrived(PR, "Anya Petrova");

        InteractionResponse second = arrived(OTHER_PR, "Anya Petrova");

        assertThat(second.message().content()).contains("already marked arrived").contains("<@" + PR + ">");
        assertThat(second.message().pingsAnyone()).isFalse();
        assertThat(storedArrival("Anya Petrova")).hasValueSatisfying(a -> assertThat(a.markedBy()).hasValue(PR));
        assertThat(eventsOf(EventKind.ARRIVAL)).hasSize(1);
    }

    @Test
    @DisplayName("undoes a mark with undo:true")
    void undoOption() {
        arrived(PR, "Anya Petrova");

        InteractionResponse reply = bot.stub.slash(SlashCommandInvocation.of(ArrivedCommand.NAME)
                .option(ArrivedCommand.MODEL_OPTION, "Anya Petrova").option(ArrivedCommand.UNDO_OPTION, true)
                .by(PR).in(TIMELINE)).awaitResponse(WAIT);

        assertThat(reply.message().content()).contains("no longer marked arrived");
        assertThat(storedArrival("Anya Petrova")).isEmpty();
        assertThat(eventsOf(EventKind.ARRIVAL_UNDONE)).hasSize(1);
    }

    @Test
    @DisplayName("undoes a mark with the Undo button on the confirmation")
    void undoButton() {
        InteractionResponse confirmation = arrived(PR, "Anya Petrova");
        String undoId = confirmation.message().customIds().get(0);

        InteractionResponse clicked = bot.stub.click(ButtonClick.of(undoId).on(confirmation.message().id()).by(PR))
                .awaitResponse(WAIT);

        assertThat(clicked.firstCallbackAfter()).isLessThan(DISCORD_DEADLINE);
        assertThat(clicked.message().content()).contains("no longer marked arrived");
        assertThat(clicked.message().customIds()).as("the button is gone").isEmpty();
        assertThat(storedArrival("Anya Petrova")).isEmpty();
    }

    @Test
    @DisplayName("autocompletes a partial name with the closest models first")
    void autocomplete() {
        InteractionResponse reply = bot.stub.autocomplete(AutocompleteInvocation.of(ArrivedCommand.NAME)
                .typing(ArrivedCommand.MODEL_OPTION, "anya").by(PR).in(TIMELINE)).awaitResponse(WAIT);

        assertThat(reply.callbackType()).isEqualTo(InteractionResponse.AUTOCOMPLETE_RESULT);
        assertThat(reply.choices()).extracting(InteractionResponse.Choice::name).first().isEqualTo("Anya Petrova");
    }

    @Test
    @DisplayName("never offers more than 25 choices")
    void autocompleteLimit() {
        InteractionResponse reply = bot.stub.autocomplete(AutocompleteInvocation.of(ArrivedCommand.NAME)
                .typing(ArrivedCommand.MODEL_OPTION, MANY_PREFIX).by(PR).in(TIMELINE)).awaitResponse(WAIT);

        assertThat(reply.choices()).hasSize(25).allSatisfy(c -> assertThat(c.name()).startsWith(MANY_PREFIX));
    }

    @Test
    @DisplayName("echoes a name containing @everyone as text, escaped, without pinging anyone")
    void everyoneIsNotPinged() {
        InteractionResponse reply = arrived(PR, EVERYONE_MODEL);

        assertThat(reply.message().content()).contains("\\" + EVERYONE_MODEL);
        assertThat(reply.message().pingsAnyone()).isFalse();
        assertThat(reply.message().allowedMentions()).isNotNull();
        assertThat(reply.message().allowedMentions().path("parse")).isEmpty();
    }

    @Test
    @DisplayName("finds the show from the guild when used outside the show's channels")
    void outsideShowChannels() {
        InteractionResponse reply = bot.stub.slash(SlashCommandInvocation.of(ArrivedCommand.NAME)
                .option(ArrivedCommand.MODEL_OPTION, "Anya Petrova").by(PR).in(LOBBY)).awaitResponse(WAIT);

        assertThat(reply.message().content()).contains("arrived");
        assertThat(storedArrival("Anya Petrova")).isPresent();
    }
}

package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.CREW;
import static dev.showcall.discord.ShowcallOnStub.OTHER_PR;
import static dev.showcall.discord.ShowcallOnStub.PR;
import static dev.showcall.discord.ShowcallOnStub.SHOW_ID;
import static dev.showcall.discord.ShowcallOnStub.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.NoShow;
import dev.showcall.discord.commands.ArrivedCommand;
import dev.showcall.discord.commands.NoShowCommand;
import dev.showcall.discord.stub.InteractionResponse;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.show.CallPlanner;
import dev.showcall.store.NoShowRepository;
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

@DisplayName("/noshow, end to end with the real JDA client against the Discord stub")
class NoShowEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private ShowcallOnStub bot;

    @BeforeEach
    void startShowcall() {
        bot = ShowcallOnStub.start(dir, Instant.parse("2027-02-21T14:10:00Z"));
    }

    @AfterEach
    void stop() {
        try {
            assertThat(bot.stub.violations()).isEmpty();
        } finally {
            bot.close();
        }
    }

    private InteractionResponse noShow(long by, String model, boolean undo) {
        SlashCommandInvocation invocation = SlashCommandInvocation.of(NoShowCommand.NAME)
                .option(NoShowCommand.MODEL_OPTION, model).by(by).in(TIMELINE);
        if (undo) {
            invocation.option(NoShowCommand.UNDO_OPTION, true);
        }
        return bot.stub.slash(invocation).awaitResponse(WAIT);
    }

    private Optional<NoShow> stored(String model) {
        return bot.database().inTransaction(c -> new NoShowRepository().find(c, SHOW_ID, CallPlanner.modelKey(model)));
    }

    private List<TimelineEvent> noShowEvents() {
        return bot.database().inTransaction(c -> new TimelineEventRepository().forShow(c, SHOW_ID)).stream()
                .filter(e -> e.kind() == EventKind.NO_SHOW).toList();
    }

    @Test
    @DisplayName("marks a model a no-show for PR, with a timeline event")
    void marks() {
        InteractionResponse reply = noShow(PR, "Anja Berg", false);

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.message().content()).contains("Anja Berg").contains("no-show");
        assertThat(stored("Anja Berg")).hasValueSatisfying(n -> assertThat(n.markedBy()).isEqualTo(PR));
        assertThat(noShowEvents()).singleElement().satisfies(e -> assertThat(e.actorUserId()).hasValue(PR));
        InteractionResponse calls = bot.stub.slash(SlashCommandInvocation.of("calls").option("department", "Models")
                .by(ShowcallOnStub.PRODUCER).in(TIMELINE)).awaitResponse(WAIT);
        assertThat(calls.message().embeds().get(0).path("description").asText()).contains("Anja Berg — 🚫 no-show");
    }

    @Test
    @DisplayName("refuses a member without the PR or producer role, and stores nothing")
    void refusesOthers() {
        InteractionResponse reply = noShow(CREW, "Anja Berg", false);

        assertThat(reply.message().content()).contains("Only PR and producers");
        assertThat(stored("Anja Berg")).isEmpty();
    }

    @Test
    @DisplayName("answers a misspelt name with the closest names")
    void unknownName() {
        InteractionResponse reply = noShow(PR, "Anja Bergg", false);

        assertThat(reply.message().content()).contains("No model called").contains("Anja Berg");
        assertThat(noShowEvents()).isEmpty();
    }

    @Test
    @DisplayName("does not count a second mark, and says who marked her first")
    void secondMark() {
        noShow(PR, "Anja Berg", false);

        InteractionResponse second = noShow(OTHER_PR, "Anja Berg", false);

        assertThat(second.message().content()).contains("already marked a no-show").contains("<@" + PR + ">");
        assertThat(noShowEvents()).hasSize(1);
    }

    @Test
    @DisplayName("takes a no-show back with undo:true")
    void undo() {
        noShow(PR, "Anja Berg", false);

        InteractionResponse reply = noShow(PR, "Anja Berg", true);

        assertThat(reply.message().content()).contains("no longer marked a no-show");
        assertThat(stored("Anja Berg")).isEmpty();
        assertThat(noShowEvents()).hasSize(2);
    }

    @Test
    @DisplayName("refuses to mark a model who is marked arrived, and changes nothing")
    void arrivedModel() {
        bot.stub.slash(SlashCommandInvocation.of(ArrivedCommand.NAME).option(ArrivedCommand.MODEL_OPTION, "Anya Petrova")
                .by(PR).in(TIMELINE)).awaitResponse(WAIT);

        InteractionResponse reply = noShow(PR, "Anya Petrova", false);

        assertThat(reply.message().content()).contains("is marked arrived").contains("Nothing was changed");
        assertThat(stored("Anya Petrova")).isEmpty();
    }
}

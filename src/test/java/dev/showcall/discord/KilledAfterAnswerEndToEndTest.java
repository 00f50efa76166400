package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.CALLS;
import static dev.showcall.discord.ShowcallOnStub.GUILD;
import static dev.showcall.discord.ShowcallOnStub.PR;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER_ROLE;
import static dev.showcall.discord.ShowcallOnStub.PR_ROLE;
import static dev.showcall.discord.ShowcallOnStub.SHOW_ID;
import static dev.showcall.discord.ShowcallOnStub.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.Arrival;
import dev.showcall.backstage.ModelStep;
import dev.showcall.discord.commands.ArrivedCommand;
import dev.showcall.discord.commands.LookCommand;
import dev.showcall.discord.commands.StatusCommand;
import dev.showcall.discord.stub.ButtonClick;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.InteractionResponse;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Step;
import dev.showcall.store.ArrivalRepository;
import dev.showcall.store.Database;
import dev.showcall.store.ModelStepRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.store.TransactionWork;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * showcall in a JVM of its own, killed with SIGKILL the moment its answer to an interaction reaches Discord, then
 * started again on the same database file: whatever it answered must still be so.
 */
@DisplayName("What showcall answered survives a SIGKILL right after the answer, end to end with a real process")
class KilledAfterAnswerEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Kept when a test fails: it holds each process's log. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private DiscordStub stub;
    private Path showFile;
    private String databaseUrl;
    private ShowcallProcess showcall;

    /** Two models with a look each; the show is two days off, so no call goes out while the test runs. */
    static String showYaml() {
        LocalDate day = LocalDate.now(ZoneId.of("Europe/London")).plusDays(2);
        return """
                id: %s
                name: Stub Show
                time-zone: Europe/London
                start: %sT19:00
                discord:
                  guild: "%d"
                  timeline-channel: "%d"
                  calls-channel: "%d"
                  producer-role: "%d"
                  pr-role: "%d"
                departments:
                  - id: pr
                    name: PR
                    call: 5h
                    members: ["%d"]
                models:
                  - name: Anya Petrova
                  - name: Anja Berg
                model-calls:
                  chairs: 6
                  prep: 45m
                look-steps: [hair, makeup, nails, dressed]
                looks:
                  - { number: 1, model: Anya Petrova, description: Coat }
                  - { number: 2, model: Anja Berg, description: Slip dress }
                """.formatted(SHOW_ID, day, GUILD, TIMELINE, CALLS, PRODUCER_ROLE, PR_ROLE, PR);
    }

    @BeforeEach
    void setUp() throws IOException {
        stub = DiscordStub.start(TimelineEndToEndTest.guild());
        showFile = dir.resolve("show.yaml");
        Files.writeString(showFile, showYaml());
        // the default settings, on a file of the test's own
        databaseUrl = "jdbc:h2:file:" + dir.resolve("data").resolve("showcall").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE";
    }

    @AfterEach
    void tearDown() {
        try {
            assertThat(stub.violations()).as("requests that break Discord's limits or schemas").isEmpty();
        } finally {
            try {
                if (showcall != null) {
                    showcall.close();
                }
            } finally {
                stub.close();
            }
        }
    }

    private void startShowcall(String name) {
        showcall = ShowcallProcess.start(stub, dir, showFile, databaseUrl, name);
    }

    /** The next answer showcall gives is its last: SIGKILL as soon as Discord has it. */
    private void killOnNextAnswer() {
        ShowcallProcess dying = showcall;
        stub.onNextAnswer(dying::kill);
    }

    private InteractionResponse slash(SlashCommandInvocation invocation) {
        return stub.slash(invocation.in(TIMELINE)).awaitResponse(WAIT);
    }

    private InteractionResponse arrived(long by, String model, boolean undo) {
        return slash(SlashCommandInvocation.of(ArrivedCommand.NAME).option(ArrivedCommand.MODEL_OPTION, model)
                .option(ArrivedCommand.UNDO_OPTION, undo).by(by));
    }

    private InteractionResponse look(long by, int look, Step step) {
        return slash(SlashCommandInvocation.of(LookCommand.NAME).option(LookCommand.LOOK_OPTION, look)
                .option(LookCommand.STEP_OPTION, step.label()).by(by));
    }

    /** The board as {@code /status} shows it: its embed's fields, one text. */
    private String board() {
        InteractionResponse status = slash(SlashCommandInvocation.of(StatusCommand.NAME).by(PRODUCER));
        return status.message().embed(0).orElseThrow().path("fields").toString();
    }

    /** Stops showcall as an operator does, then reads its database. */
    private <T> T afterStopping(TransactionWork<T> read) {
        showcall.stop();
        try (Database database = Database.open(databaseUrl)) {
            return database.inTransaction(read);
        }
    }

    private static List<TimelineEvent> events(Connection c, EventKind kind) {
        return new TimelineEventRepository().forShow(c, SHOW_ID).stream().filter(e -> e.kind() == kind).toList();
    }

    @Test
    @DisplayName("/arrived: the model stays arrived, on the board, and marking her again says who marked her first")
    void arrival() {
        startShowcall("first");
        ShowcallProcess first = showcall;
        killOnNextAnswer();

        InteractionResponse answer = arrived(PR, "Anya Petrova", false);

        assertThat(answer.message().content()).contains("✅").contains("Anya Petrova").contains("arrived");
        assertThat(first.alive()).as("killed right after its answer").isFalse();

        startShowcall("second");

        assertThat(arrived(PRODUCER, "Anya Petrova", false).message().content())
                .contains("already marked arrived").contains("<@" + PR + ">");
        assertThat(board()).contains("**1 / 2** arrived");
        List<TimelineEvent> arrivals = afterStopping(c -> events(c, EventKind.ARRIVAL));
        assertThat(arrivals).as("one arrival event").hasSize(1);
    }

    @Test
    @DisplayName("/look: the step stays done, counted on the board, and marking it again says it was already done")
    void lookStep() {
        startShowcall("first");
        ShowcallProcess first = showcall;
        arrived(PR, "Anya Petrova", false);
        killOnNextAnswer();

        InteractionResponse answer = look(PR, 1, Step.NAILS);

        assertThat(answer.message().content()).contains("✅ Look 1").contains("nails done");
        assertThat(first.alive()).as("killed right after its answer").isFalse();

        startShowcall("second");

        assertThat(look(PRODUCER, 1, Step.NAILS).message().content())
                .contains("already marked done").contains("<@" + PR + ">");
        assertThat(board()).contains("nails 1").doesNotContain("nails 2");
        List<ModelStep> steps = afterStopping(c -> new ModelStepRepository().forShow(c, SHOW_ID));
        assertThat(steps).as("the step, stored once").singleElement()
                .satisfies(step -> assertThat(step.step()).isEqualTo(Step.NAILS));
    }

    @Test
    @DisplayName("the Undo button: the arrival stays taken back, off the board, and undoing it again changes nothing")
    void undoButton() {
        // given Anja marked arrived, and showcall stopped and started since: her arrival is on disk whatever follows
        startShowcall("first");
        InteractionResponse confirmation = arrived(PR, "Anja Berg", false);
        String undo = confirmation.message().customIds().get(0);
        showcall.stop();
        startShowcall("second");
        ShowcallProcess second = showcall;
        killOnNextAnswer();

        InteractionResponse answer = stub.click(ButtonClick.of(undo).on(confirmation.message().id()).by(PR))
                .awaitResponse(WAIT);

        assertThat(answer.callbackType()).isEqualTo(InteractionResponse.UPDATE_MESSAGE);
        assertThat(answer.message().content()).contains("no longer marked arrived");
        assertThat(second.alive()).as("killed right after its answer").isFalse();

        startShowcall("third");

        assertThat(arrived(PR, "Anja Berg", true).message().content()).contains("not marked arrived; nothing to undo");
        assertThat(board()).contains("**0 / 2** arrived");
        Optional<Arrival> stored = afterStopping(c -> new ArrivalRepository().find(c, SHOW_ID,
                CallPlanner.modelKey("Anja Berg")));
        assertThat(stored).isEmpty();
    }
}

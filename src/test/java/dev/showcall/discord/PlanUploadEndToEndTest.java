package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.CALLS;
import static dev.showcall.discord.ShowcallOnStub.CREW;
import static dev.showcall.discord.ShowcallOnStub.GUILD;
import static dev.showcall.discord.ShowcallOnStub.OTHER_PR;
import static dev.showcall.discord.ShowcallOnStub.PR;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER_ROLE;
import static dev.showcall.discord.ShowcallOnStub.PR_ROLE;
import static dev.showcall.discord.ShowcallOnStub.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.PlanMove;
import dev.showcall.backstage.PlanUpload;
import dev.showcall.discord.commands.PlanButtons;
import dev.showcall.discord.commands.ShowCommand;
import dev.showcall.discord.commands.ShowReloadCommand;
import dev.showcall.discord.commands.ShowUploadCommand;
import dev.showcall.discord.stub.ButtonClick;
import dev.showcall.discord.stub.InteractionHandle;
import dev.showcall.discord.stub.InteractionResponse;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.discord.stub.StubMessage;
import dev.showcall.show.Call;
import dev.showcall.show.Problem;
import dev.showcall.show.ShowFiles;
import dev.showcall.show.ShowReader;
import dev.showcall.store.PlanUploadRepository;
import dev.showcall.store.ShowRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("/show upload and /show reload, end to end with the real JDA client against the Discord stub")
class PlanUploadEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Long before the calls: nothing fires but the notices, which go out at once. */
    private static final Instant NOW = Instant.parse("2027-02-21T10:00:00Z");
    private static final String SHOW = "plan-show";
    private static final String DRESSER_CALL = "crew:dressers:" + CREW;
    private static final String APPLIED = "✅ Plan updated";

    @TempDir
    Path dir;

    private ShowcallOnStub bot;

    /** PR at 14:00 (two people), the dresser at 16:00, three looks; 19:00 London is 19:00 UTC in February. */
    private static String original() {
        return """
                id: %s
                name: Plan Show
                time-zone: Europe/London
                start: 2027-02-21T19:00
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
                    members: ["%d", "%d"]
                  - id: dressers
                    name: Dressers
                    call: 3h
                    members:
                      - { user: "%d", name: Dresser }
                models:
                  - name: Anya Petrova
                  - name: Anja Berg
                model-calls:
                  chairs: 6
                  prep: 45m
                looks:
                  - { number: 1, model: Anya Petrova, description: Coat }
                  - { number: 2, model: Anja Berg, description: Dress }
                  - { number: 3, model: Anya Petrova, description: Cape }
                """.formatted(SHOW, GUILD, TIMELINE, CALLS, PRODUCER_ROLE, PR_ROLE, PR, OTHER_PR, CREW);
    }

    /** The dresser called half an hour later, look 3 cut. */
    private static String changed() {
        return original().replace("call: 3h", "call: 2h30m")
                .replace("  - { number: 3, model: Anya Petrova, description: Cape }\n", "");
    }

    private static Instant at(String utc) {
        return Instant.parse("2027-02-21T" + utc + ":00Z");
    }

    private static String time(Instant at) {
        return "<t:" + at.getEpochSecond() + ":t>";
    }

    @BeforeEach
    void startShowcall() {
        bot = ShowcallOnStub.start(dir, Clock.fixed(NOW, ZoneOffset.UTC), guild(), original());
    }

    /** The crew's server, its timeline open to the bot. */
    private static StubGuild guild() {
        return StubGuild.builder(GUILD, "Backstage")
                .role(PRODUCER_ROLE, "Producers", 0)
                .role(PR_ROLE, "PR", 0)
                .textChannel(TIMELINE, "timeline")
                .textChannel(CALLS, "calls")
                .member(PRODUCER, "producer", PRODUCER_ROLE)
                .member(PR, "pr-lead", PR_ROLE)
                .member(OTHER_PR, "pr-second", PR_ROLE)
                .member(CREW, "dresser")
                .build();
    }

    @AfterEach
    void everyRequestKeptDiscordsRules() {
        try {
            assertThat(bot.stub.violations()).as("requests that break Discord's limits or schemas").isEmpty();
        } finally {
            bot.close();
        }
    }

    private InteractionResponse upload(String fileName, byte[] data, long by) {
        return bot.stub.slash(SlashCommandInvocation.of(ShowCommand.NAME + " " + ShowUploadCommand.NAME)
                .attachment(ShowUploadCommand.FILE_OPTION, fileName, "application/x-yaml; charset=utf-8", data)
                .by(by).in(TIMELINE)).awaitResponse(WAIT);
    }

    private InteractionResponse upload(String yaml) {
        return upload("show.yaml", yaml.getBytes(StandardCharsets.UTF_8), PRODUCER);
    }

    private InteractionResponse reload(long by) {
        return bot.stub.slash(SlashCommandInvocation.of(ShowCommand.NAME + " " + ShowReloadCommand.NAME)
                .by(by).in(TIMELINE)).awaitResponse(WAIT);
    }

    private InteractionResponse click(InteractionResponse reply, String prefix, long by) {
        return bot.stub.click(ButtonClick.of(button(reply, prefix)).on(reply.message().id()).by(by)).awaitResponse(WAIT);
    }

    private static String button(InteractionResponse reply, String prefix) {
        return reply.message().customIds().stream().filter(id -> id.startsWith(prefix + ":")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " button on " + reply.message().content()));
    }

    /** Every Quartz trigger of the show's plan, by name, with when it fires next; one-off notices left out. */
    private Map<String, Long> triggers() {
        return bot.database().inTransaction(c -> {
            Map<String, Long> found = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT TRIGGER_NAME, NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = ?")) {
                ps.setString(1, SHOW);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!rs.getString(1).contains("|replanned:")) {
                            found.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                }
            }
            return found;
        });
    }

    private List<Call> storedPlan() {
        return bot.database().inTransaction(c -> new ShowRepository().plannedCalls(c, SHOW));
    }

    private List<TimelineEvent> events(EventKind kind) {
        return bot.database().inTransaction(c -> new TimelineEventRepository().forShow(c, SHOW)).stream()
                .filter(e -> e.kind() == kind).toList();
    }

    private Path showFile() {
        return dir.resolve("show.yaml");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(25);
        }
    }

    private List<StubMessage> movedNotices(long user) {
        return bot.stub.dms(user).stream().filter(m -> m.content().contains("moved from")).toList();
    }

    @Test
    @DisplayName("a valid file answers what it changes, with Apply and Cancel, and changes nothing yet")
    void answersTheChange() throws IOException {
        Map<String, Long> before = triggers();
        List<Call> planned = storedPlan();

        InteractionResponse reply = upload(changed());

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.message().content())
                .contains("What **show.yaml** changes in the plan of **Plan Show**")
                .contains("**Calls moved** (1):\n• Dresser (Dressers): " + time(at("16:00")) + " → " + time(at("16:30")))
                .contains("**Looks cut** (1):\n• 3: Cape, Anya Petrova")
                .doesNotContain("PR (");
        assertThat(reply.message().customIds()).hasSize(2)
                .anySatisfy(id -> assertThat(id).startsWith(PlanButtons.APPLY + ":"))
                .anySatisfy(id -> assertThat(id).startsWith(PlanButtons.CANCEL + ":"));
        assertThat(bot.stub.attachmentDownloads()).isEqualTo(1);
        assertThat(triggers()).isEqualTo(before);
        assertThat(storedPlan()).isEqualTo(planned);
        assertThat(Files.readString(showFile())).isEqualTo(original());
        assertThat(ShowFiles.previousOf(showFile())).doesNotExist();
    }

    @Test
    @DisplayName("Apply moves exactly the changed calls' jobs, tells only their people by DM, once, and says so on the "
            + "timeline; the file is kept with the previous version beside it")
    void applyMovesExactlyTheChangedCalls() throws Exception {
        Map<String, Long> before = triggers();
        InteractionResponse proposed = upload(changed());

        // when the producer clicks Apply twice, the second click before the first is answered
        InteractionHandle first = bot.stub.click(ButtonClick.of(button(proposed, PlanButtons.APPLY))
                .on(proposed.message().id()).by(PRODUCER));
        InteractionHandle second = bot.stub.click(ButtonClick.of(button(proposed, PlanButtons.APPLY))
                .on(proposed.message().id()).by(PRODUCER));
        List<InteractionResponse> answers = List.of(first.awaitResponse(WAIT), second.awaitResponse(WAIT));

        // then it was applied once: the message with the buttons says so, and the other click is told apart
        assertThat(answers).filteredOn(a -> a.callbackType() == InteractionResponse.CHANNEL_MESSAGE_WITH_SOURCE)
                .singleElement().satisfies(a -> assertThat(a.message().content())
                        .contains("was already applied by <@" + PRODUCER + ">"));
        assertThat(bot.stub.message(proposed.message().id()).orElseThrow()).satisfies(m -> {
            assertThat(m.content()).isEqualTo(APPLIED + " from **show.yaml**: 1 call moved, look 3 cut, Dressers now"
                    + " called at " + time(at("16:30")) + ". 1 person whose call moved is being told by DM.");
            assertThat(m.customIds()).isEmpty();
        });

        // and only the dresser's call and her department's announcement moved, to 16:30
        Map<String, Long> after = triggers();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        Map<String, Long> moved = new TreeMap<>(after);
        moved.entrySet().removeIf(e -> e.getValue().equals(before.get(e.getKey())));
        assertThat(moved).isEqualTo(Map.of(
                DRESSER_CALL + "|call", at("16:30").toEpochMilli(),
                "department:dressers|call", at("16:30").toEpochMilli()));

        // and the dresser is told once, the PR people not at all
        await("the dresser's notice", () -> !movedNotices(CREW).isEmpty());
        assertThat(movedNotices(CREW)).singleElement().satisfies(m -> assertThat(m.content())
                .contains("moved from " + time(at("16:00")) + " to " + time(at("16:30")))
                .contains("the show's plan was updated"));
        assertThat(bot.stub.dms(PR)).isEmpty();
        assertThat(bot.stub.dms(OTHER_PR)).isEmpty();

        // and the timeline tells who updated the plan and how
        assertThat(events(EventKind.PLAN_UPDATED)).singleElement().satisfies(e -> {
            assertThat(e.actorUserId()).isEqualTo(OptionalLong.of(PRODUCER));
            assertThat(e.text()).isEqualTo("Plan updated: 1 call moved, look 3 cut, Dressers now called at "
                    + time(at("16:30")));
        });
        await("the log line", () -> bot.stub.messages(TIMELINE).stream()
                .anyMatch(m -> m.content().contains("📝 Plan updated: 1 call moved, look 3 cut")));

        // and the shows folder has the new file, the one it replaces beside it
        assertThat(Files.readString(showFile())).isEqualTo(changed());
        assertThat(Files.readString(ShowFiles.previousOf(showFile()))).isEqualTo(original());
        assertThat(storedPlan()).filteredOn(c -> c.key().equals(DRESSER_CALL)).singleElement()
                .extracting(Call::at).isEqualTo(at("16:30"));

        // and a notice is never sent twice: the next reconciliation finds it recorded
        Thread.sleep(300);
        assertThat(movedNotices(CREW)).hasSize(1);
    }

    @Test
    @DisplayName("Cancel changes nothing, and the upload can no longer be applied")
    void cancelChangesNothing() throws IOException {
        Map<String, Long> before = triggers();
        InteractionResponse proposed = upload(changed());

        String apply = button(proposed, PlanButtons.APPLY);

        click(proposed, PlanButtons.CANCEL, PRODUCER);
        // the Apply button as another of the producer's screens still shows it
        StubMessage stillShown = bot.stub.postedEarlierByBot(TIMELINE, "the changes", apply);
        InteractionResponse late = bot.stub.click(ButtonClick.of(apply).on(stillShown.id()).by(PRODUCER))
                .awaitResponse(WAIT);

        StubMessage cancelled = bot.stub.message(proposed.message().id()).orElseThrow();
        assertThat(cancelled.content()).startsWith("Cancelled: **show.yaml** was not applied");
        assertThat(cancelled.customIds()).isEmpty();
        assertThat(late.message().content()).contains("was already cancelled by <@" + PRODUCER + ">");
        assertThat(triggers()).isEqualTo(before);
        assertThat(Files.readString(showFile())).isEqualTo(original());
        assertThat(events(EventKind.PLAN_UPDATED)).isEmpty();
        assertThat(bot.stub.dms(CREW)).isEmpty();
    }

    @Test
    @DisplayName("a file that does not validate is answered with every problem, its line and field, and changes nothing")
    void invalidFile() throws IOException {
        Map<String, Long> before = triggers();
        String broken = original().replace("call: 3h", "call: soon")
                .replace("{ number: 2, model: Anja Berg,", "{ number: 2, model: Nobody,");
        List<Problem> errors = ShowReader.read("show.yaml", broken).errors();

        InteractionResponse reply = upload(broken);

        assertThat(errors).hasSizeGreaterThanOrEqualTo(2);
        assertThat(reply.message().content()).contains("**show.yaml** does not validate: " + errors.size() + " problems."
                + " Nothing was changed.");
        assertThat(errors).allSatisfy(p -> assertThat(reply.message().content()).contains(p.toString()));
        assertThat(reply.message().content()).contains("show.yaml:").contains("departments[1].call")
                .contains("looks[1].model");
        assertThat(reply.message().customIds()).isEmpty();
        assertThat(triggers()).isEqualTo(before);
        assertThat(Files.readString(showFile())).isEqualTo(original());
    }

    @Test
    @DisplayName("refuses a file of another show, a file that is not YAML and one too large, without downloading the last two")
    void refusedFiles() {
        InteractionResponse otherShow = upload(original().replace("id: " + SHOW, "id: another-show"));
        InteractionResponse pdf = upload("show.pdf", new byte[] {'%', 'P', 'D', 'F'}, PRODUCER);
        InteractionResponse large = upload("show.yaml", new byte[300 * 1024], PRODUCER);

        assertThat(otherShow.message().content()).contains("This file is for the show another-show, not plan-show")
                .contains("Nothing was changed");
        assertThat(pdf.message().content()).contains("**show.pdf** is not a show file");
        assertThat(large.message().content()).contains("larger than 256 KiB");
        assertThat(List.of(otherShow, pdf, large)).allSatisfy(r -> {
            assertThat(r.ephemeral()).isTrue();
            assertThat(r.message().customIds()).isEmpty();
        });
        assertThat(bot.stub.attachmentDownloads()).as("only the file of another show was downloaded").isEqualTo(1);
    }

    @Test
    @DisplayName("is for producers only: PR and crew are refused, and their file is not even downloaded")
    void producersOnly() {
        InteractionResponse byPr = upload("show.yaml", changed().getBytes(StandardCharsets.UTF_8), PR);
        InteractionResponse reloadByCrew = reload(CREW);

        assertThat(byPr.message().content()).contains("Only producers");
        assertThat(reloadByCrew.message().content()).contains("Only producers");
        assertThat(bot.stub.attachmentDownloads()).isZero();
        assertThat(byPr.message().customIds()).isEmpty();
    }

    @Test
    @DisplayName("/show reload reads the file edited on disk and applies it the same way")
    void reloadFromDisk() throws Exception {
        Files.writeString(showFile(), changed());

        InteractionResponse proposed = reload(PRODUCER);
        InteractionResponse applied = click(proposed, PlanButtons.APPLY, PRODUCER);

        assertThat(proposed.message().content()).contains("What **show.yaml** changes")
                .contains("**Calls moved** (1)");
        assertThat(applied.message().content()).startsWith(APPLIED);
        assertThat(storedPlan()).filteredOn(c -> c.key().equals(DRESSER_CALL)).singleElement()
                .extracting(Call::at).isEqualTo(at("16:30"));
        assertThat(Files.readString(showFile())).isEqualTo(changed());
        assertThat(Files.readString(ShowFiles.previousOf(showFile()))).isEqualTo(original());
        await("the dresser's notice", () -> !movedNotices(CREW).isEmpty());
        assertThat(reload(PRODUCER).message().content()).contains("is the file Plan Show runs already");
    }

    @Test
    @DisplayName("Apply refuses changes worked out against a plan that has changed since")
    void staleUpload() {
        InteractionResponse lookCut = upload(original().replace(
                "  - { number: 3, model: Anya Petrova, description: Cape }\n", ""));
        InteractionResponse dresserLater = upload(original().replace("call: 3h", "call: 2h30m"));

        InteractionResponse first = click(dresserLater, PlanButtons.APPLY, PRODUCER);
        InteractionResponse stale = click(lookCut, PlanButtons.APPLY, PRODUCER);

        assertThat(first.message().content()).startsWith(APPLIED);
        assertThat(stale.message().content()).contains("The plan changed since these changes were worked out")
                .contains("nothing was changed");
        assertThat(storedPlan()).extracting(Call::key).contains(DRESSER_CALL);
        assertThat(events(EventKind.PLAN_UPDATED)).hasSize(1);
    }

    @Test
    @DisplayName("an upload can be applied after a restart, and the next start runs the file it put in the shows folder")
    void acrossRestarts() throws Exception {
        InteractionResponse proposed = upload(changed());
        bot.stopShowcall();
        bot.startShowcall();

        InteractionResponse applied = click(proposed, PlanButtons.APPLY, PRODUCER);
        await("the dresser's notice", () -> !movedNotices(CREW).isEmpty());
        int loadedBefore = events(EventKind.SHOW_LOADED).size();
        bot.stopShowcall();
        bot.startShowcall();

        assertThat(applied.message().content()).startsWith(APPLIED);
        assertThat(events(EventKind.SHOW_LOADED)).as("the file the restart read is the plan stored").hasSize(loadedBefore);
        assertThat(triggers()).containsEntry(DRESSER_CALL + "|call", at("16:30").toEpochMilli());
        assertThat(movedNotices(CREW)).hasSize(1);
    }

    @Test
    @DisplayName("a notice a stored plan update still owes, as after a crash before it was scheduled, goes out at the "
            + "next start, once")
    void owedNoticeResumed() throws Exception {
        bot.stopShowcall();

        // given an update applied, with the dresser's notice recorded as owed, and showcall stopped before sending it
        bot.startShowcallWith(database -> database.runInTransaction(c -> {
            PlanUploadRepository uploads = new PlanUploadRepository();
            long id = uploads.add(c, SHOW, "0".repeat(64), "show.yaml", changed(), PRODUCER, NOW);
            uploads.decide(c, id, PlanUpload.Status.APPLIED, PRODUCER, NOW);
            uploads.addMoves(c, List.of(new PlanMove(id, SHOW, DRESSER_CALL, at("16:00"), at("16:30"))));
        }));

        // then the start's reconciliation sends it, and the next one finds it sent
        await("the dresser's notice", () -> !movedNotices(CREW).isEmpty());
        assertThat(movedNotices(CREW)).singleElement().satisfies(m -> assertThat(m.content())
                .contains("moved from " + time(at("16:00")) + " to " + time(at("16:30"))));
        bot.stopShowcall();
        bot.startShowcall();
        Thread.sleep(300);
        assertThat(movedNotices(CREW)).hasSize(1);
        assertThat(bot.stub.dms(PR)).isEmpty();
    }
}

package dev.showcall.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.showcall.backstage.Arrival;
import dev.showcall.backstage.Lineup;
import dev.showcall.backstage.LookState;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.Replacement;
import dev.showcall.backstage.Walk;
import dev.showcall.calls.PingPlan;
import dev.showcall.calls.PlannedPing;
import dev.showcall.discord.commands.ArrivedCommand;
import dev.showcall.discord.commands.CallsCommand;
import dev.showcall.discord.commands.LineupCommand;
import dev.showcall.discord.commands.LookCommand;
import dev.showcall.discord.commands.NoShowCommand;
import dev.showcall.discord.commands.ReplaceCommand;
import dev.showcall.discord.commands.WalkedCommand;
import dev.showcall.discord.stub.InteractionResponse;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.discord.stub.StubMessage;
import dev.showcall.looks.Lineups;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Department;
import dev.showcall.show.DiscordBinding;
import dev.showcall.show.Look;
import dev.showcall.show.Member;
import dev.showcall.show.Model;
import dev.showcall.show.Show;
import dev.showcall.show.ShowFiles;
import dev.showcall.show.Step;
import dev.showcall.store.ArrivalRepository;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole show day of the example show file, played through slash commands by the people who
 * would type them, against the Discord stub with the real JDA client.
 *
 * <p>Quartz fires on the machine's clock, so the show is moved to today: its start is set so that
 * the finale model's own call plus the no-show grace falls a few seconds after showcall starts.
 * Everything the plan owed before that moment goes out at once when showcall starts, as after
 * an outage; nothing else the plan holds falls due while the test runs. From there on the
 * {@link MutableClock} is moved forward through the afternoon and the show, and every arrival,
 * step and walk is stored at the show's time.
 *
 * <p>The stub's guild is built from the ids the show file names (guild, channels, roles, crew,
 * dressers and models with an account), so those need no rewriting; the producer, whom the file
 * knows by role only, is added with that role.
 */
@DisplayName("A whole show, end to end: 24 models and 40 looks from arrivals to the last look walked")
class ShowScenarioEndToEndTest {

    private static final Path EXAMPLE = Path.of("config/shows/maison-verre-aw27.yaml");
    /** Not in the show file: producers are known by their role only. */
    private static final long PRODUCER = 1190000000000000301L;
    private static final long VIEW_CHANNEL = 1L << 10;
    /**
     * How long after showcall's start the late model's alert is due: room for a start on a machine busy with the
     * other test JVMs, a few of which run showcall in processes of their own.
     */
    private static final Duration LATE_ALERT_AFTER_START = Duration.ofSeconds(15);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration DISCORD_DEADLINE = Duration.ofSeconds(3);

    private static final String LATE_MODEL = "Adut Garang";
    private static final String NO_SHOW = "Mei Lin Zhou";
    private static final String STANDBY = "Jade Nguyen";
    private static final String OTHER_STANDBY = "Greta Kowalski";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private ShowcallOnStub bot;
    private PlannedShow show;
    private DiscordBinding discord;
    private int commandsSent;

    @AfterEach
    void stop() {
        if (bot == null) {
            return;
        }
        try {
            assertThat(bot.stub.violations()).as("requests that break Discord's limits or schemas").isEmpty();
        } finally {
            bot.close();
        }
    }

    @Test
    @DisplayName("plays arrivals, a late model, a no-show replaced by a standby, every step and every look walked, "
            + "and leaves every model and look in the state the day put them in")
    void wholeShow() throws Exception {
        // given the example show, moved to today so that Adut Garang's late alert is due seconds after the start
        Show example = ShowFiles.load(EXAMPLE).show();
        Model lateModel = example.model(LATE_MODEL).orElseThrow();
        Duration lateCheckBeforeStart = Duration.between(
                example.resolve(lateModel.call().orElseThrow()).plus(example.noShowGrace()), example.startInstant());
        Instant lateAlertDue = Instant.now().plus(LATE_ALERT_AFTER_START).truncatedTo(ChronoUnit.SECONDS);
        Instant start = lateAlertDue.plus(lateCheckBeforeStart);
        String yaml = movedTo(Files.readString(EXAMPLE), example, start);
        discord = example.discord();
        Instant startedAt = Instant.now();
        bot = ShowcallOnStub.start(dir, clock, guild(example), yaml);
        assertThat(Instant.now()).as("showcall started before the late alert is due, so that Quartz fires it on time")
                .isBefore(lateAlertDue.minusSeconds(1));
        Show today = ShowFiles.load(dir.resolve("show.yaml")).show();
        show = new PlannedShow(today, CallPlanner.plan(today));
        assertThat(today.startInstant()).isEqualTo(start);
        assertThat(show.callOf(lateModel).orElseThrow().at().plus(today.noShowGrace())).isEqualTo(lateAlertDue);
        Backlog backlog = backlog(startedAt, lateAlertDue);

        playUntilTheLateAlert(lateAlertDue, backlog);
        replaceTheNoShow();
        Instant lateArrival = lateAlertDue.plus(Duration.ofMinutes(3));
        arriveLate(lateArrival);
        playTheWaves();
        checkTheLineupBeforeDressing();
        dressEveryLook();
        walkTheShow();

        // then every model, every look and the timeline are as the day left them
        checkModels(lateArrival);
        checkLooks();
        checkTimeline(backlog);
        checkNothingElseFellDue(backlog);
        assertThat(commandsSent).as("slash commands played").isGreaterThan(200);
    }

    // --- the day -------------------------------------------------------------------------------------------------

    private void playUntilTheLateAlert(Instant lateAlertDue, Backlog backlog) throws InterruptedException {
        // given showcall started just before Adut Garang's call plus the grace, owing what fell due earlier
        assertThat(events(EventKind.LATE)).as("no late alert before her call plus the grace").isEmpty();
        await("the calls, announcements and checks that fell due before showcall started",
                () -> events(EventKind.ALERT).size() == backlog.unconfirmedAlerts()
                        && events(EventKind.CALL).size() == backlog.announcements());

        // when hair wants to start on her finale look before she is here
        Look finale = show.show().looksOf(LATE_MODEL).get(show.show().looksOf(LATE_MODEL).size() - 1);
        InteractionResponse refused = look(hair().get(0), finale.number(), Step.HAIR);

        // then it is refused with the reason, and nothing is stored
        assertThat(refused.message().content()).contains("Cannot mark hair on look " + finale.number())
                .contains(LATE_MODEL + ", who wears look " + finale.number() + ", is not marked arrived yet")
                .contains("Nothing was changed");
        assertThat(lineup().look(finale.number()).orElseThrow().done()).isEmpty();

        // when her call plus the grace passes without her, Quartz raises one alert for PR
        await("the late alert for " + LATE_MODEL, () -> !events(EventKind.LATE).isEmpty());
        TimelineEvent late = events(EventKind.LATE).get(0);
        assertThat(late.subject()).hasValue(CallPlanner.modelKey(LATE_MODEL));
        assertThat(late.text()).contains("<@&" + discord.prRoleId() + ">").contains(LATE_MODEL + " is late");
        assertThat(late.occurredAt()).isAfterOrEqualTo(lateAlertDue.minusSeconds(1));
        assertThat(Duration.between(lateAlertDue, late.occurredAt())).isLessThan(Duration.ofSeconds(3));
        InteractionResponse calls = slash(SlashCommandInvocation.of(CallsCommand.NAME)
                .option(CallsCommand.DEPARTMENT_OPTION, CallPlanner.MODELS_DEPARTMENT_NAME).by(PRODUCER));
        assertThat(calls.message().embeds().get(0).path("description").asText())
                .as("/calls shows her late, as the alert says")
                .contains(LATE_MODEL + " — ⚠️ late, not marked arrived");
    }

    private void replaceTheNoShow() throws InterruptedException {
        // given Mei Lin Zhou's agency calls in: she is ill and will not come. The clock is not moved
        // before this: notices are scheduled for showcall's now, and Quartz fires on the machine's time
        List<Look> herLooks = show.show().looksOf(NO_SHOW);
        Set<Long> herDressers = herLooks.stream().map(l -> l.dresserUserId().orElseThrow()).collect(Collectors.toSet());
        long standbyUser = show.show().model(STANDBY).orElseThrow().userId().orElseThrow();
        long pr = prs().get(1);

        // when PR marks her a no-show and gives her looks to the standby Jade Nguyen
        InteractionResponse noShow = slash(SlashCommandInvocation.of(NoShowCommand.NAME)
                .option(NoShowCommand.MODEL_OPTION, NO_SHOW).by(pr));
        InteractionResponse replaced = slash(SlashCommandInvocation.of(ReplaceCommand.NAME)
                .option(ReplaceCommand.MODEL_OPTION, NO_SHOW).option(ReplaceCommand.WITH_OPTION, STANDBY).by(pr));

        // then Jade Nguyen wears her looks, their dressers are told by DM and Jade is called at once
        assertThat(noShow.message().content()).contains(NO_SHOW).contains("no-show");
        String looks = herLooks.stream().map(l -> String.valueOf(l.number())).collect(Collectors.joining(", "));
        assertThat(replaced.message().content())
                .contains("**" + STANDBY + "** replaces **" + NO_SHOW + "** in looks " + looks)
                .contains("Not called yet: calling her now.");
        herDressers.forEach(d -> assertThat(replaced.message().content()).contains("<@" + d + ">"));
        for (long dresser : herDressers) {
            await("the replacement notice to dresser " + dresser, () -> !bot.stub.dms(dresser).isEmpty());
            assertThat(bot.stub.dms(dresser)).singleElement().satisfies(dm -> {
                assertThat(dm.content()).contains(STANDBY + " replaces " + NO_SHOW);
                herLooks.forEach(l -> assertThat(dm.content()).contains(l.number() + " (" + l.description() + ")"));
                assertThat(dm.pingsAnyone()).isFalse();
            });
        }
        await("the standby's notice and call", () -> bot.stub.dms(standbyUser).size() >= 2);
        List<StubMessage> standbyDms = bot.stub.dms(standbyUser);
        assertThat(standbyDms).hasSize(2);
        assertThat(standbyDms).anySatisfy(dm -> assertThat(dm.content()).contains("you walk in place of " + NO_SHOW));
        assertThat(standbyDms).anySatisfy(dm -> assertThat(dm.embeds()).singleElement()
                .satisfies(e -> assertThat(e.path("title").asText()).isEqualTo("Your call for " + show.show().name())));
        boolean standbyCalled = bot.database().inTransaction(c -> new CallPingRepository()
                .isCallSent(c, show.id(), CallPlanner.modelKey(STANDBY)));
        assertThat(standbyCalled).as("the standby's call is recorded sent").isTrue();

        // and her looks wait for her: a step on them is refused until she is here
        InteractionResponse early = look(makeup().get(0), herLooks.get(0).number(), Step.MAKEUP);
        assertThat(early.message().content())
                .contains(STANDBY + ", who wears look " + herLooks.get(0).number() + ", is not marked arrived yet");
    }

    private void arriveLate(Instant at) {
        // given the clock three minutes past her late alert
        clockTo(at);

        // when PR marks Adut Garang arrived
        InteractionResponse arrived = arrived(prs().get(0), LATE_MODEL);

        // then she is marked, eighteen minutes after her call
        assertThat(arrived.message().content()).contains("**" + LATE_MODEL + "** arrived").contains("18 min late");
        prepare(LATE_MODEL, 0);
    }

    /** Every other model is called by her wave; they arrive around their call and go through the chairs. */
    private void playTheWaves() {
        Map<Instant, List<Model>> byCall = new TreeMap<>();
        for (Model m : show.show().models()) {
            if (!m.name().equals(LATE_MODEL)) {
                byCall.computeIfAbsent(show.callOf(m).orElseThrow().at(), at -> new ArrayList<>()).add(m);
            }
        }
        int index = 1;
        for (Map.Entry<Instant, List<Model>> wave : byCall.entrySet()) {
            // given the wave's call, a few minutes away
            clockTo(wave.getKey().minus(Duration.ofMinutes(5)));
            List<String> here = new ArrayList<>();
            for (Model m : wave.getValue()) {
                if (m.name().equals(NO_SHOW)) {
                    continue;
                }
                // when PR marks each one in as she signs in, a minute apart
                InteractionResponse arrived = arrived(prs().get(index % prs().size()), m.name());
                // then she is marked, within the grace
                assertThat(arrived.message().content()).contains("**" + m.name() + "** arrived");
                here.add(m.name());
                clock.moveForward(Duration.ofMinutes(1));
                index++;
            }
            // when hair, makeup and nails are done on each of them
            for (String model : here) {
                if (!lineup().looksOf(model).isEmpty()) {
                    prepare(model, index++);
                }
            }
        }
    }

    /** Hair, makeup and nails on the model, marked on one of her looks (which one varies), by the department. */
    private void prepare(String model, int turn) {
        List<LookState> herLooks = lineup().looksOf(model);
        int on = herLooks.get(turn % herLooks.size()).number();
        List<Integer> numbers = herLooks.stream().map(LookState::number).toList();
        mark(hair().get(turn % hair().size()), on, Step.HAIR, model, numbers);
        clock.moveForward(Duration.ofMinutes(2));
        mark(makeup().get(turn % makeup().size()), on, Step.MAKEUP, model, numbers);
        clock.moveForward(Duration.ofMinutes(2));
        mark(nails().get(turn % nails().size()), on, Step.NAILS, model, numbers);
        clock.moveForward(Duration.ofMinutes(1));
    }

    private void mark(long by, int number, Step step, String model, List<Integer> herLooks) {
        InteractionResponse reply = look(by, number, step);
        assertThat(reply.message().content()).as("/look %d %s", number, step.label())
                .contains("✅ Look " + number + " · **" + model + "**: " + step.label() + " done");
        if (herLooks.size() > 1) {
            assertThat(reply.message().content()).contains("(counts for looks "
                    + herLooks.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
    }

    private void checkTheLineupBeforeDressing() {
        // given every model who walks is in and done in the chairs, and no look is dressed yet
        clockTo(show.show().startInstant().minus(Duration.ofMinutes(40)));

        // when the producer asks for the lineup
        InteractionResponse reply = slash(SlashCommandInvocation.of(LineupCommand.NAME).by(PRODUCER));

        // then one embed, inside Discord's limits, lists the running order and what the next looks miss
        assertThat(reply.message().embeds()).hasSize(1);
        JsonNode embed = reply.message().embeds().get(0);
        String description = embed.path("description").asText();
        assertThat(embed.path("title").asText()).isEqualTo("Lineup · " + show.show().name());
        assertThat(description).startsWith("`1` ⏳ **Anya Petrova**");
        Map<String, String> fields = fields(embed);
        assertThat(fields.get("Missing for the next looks")).contains("Look 1 · Anya Petrova: missing dressed, accessories")
                .contains("Look 5 · Yasmin Haddad: missing dressed, accessories")
                .doesNotContain("Look 6 ");
        assertThat(fields.get("Quick changes to come")).contains("⚠️ Kofi Asante: looks 24 → 28, 2m")
                .contains("⚠️ " + STANDBY + ": looks 27 → 34, 4m");
        assertThat(embed.path("footer").path("text").asText()).isEqualTo("0 of 40 looks ready · 0 walked");
        assertWithinEmbedLimits(embed);

        // when the running order does not fit, the list says where it goes on, and from there it does
        java.util.regex.Matcher more = java.util.regex.Pattern.compile("… and (\\d+) more: `/lineup from:(\\d+)`$")
                .matcher(description);
        assertThat(more.find()).as("the lineup says where it goes on: %s", description).isTrue();
        int from = Integer.parseInt(more.group(2));
        assertThat(Integer.parseInt(more.group(1))).isEqualTo(40 - from + 1);
        InteractionResponse rest = slash(SlashCommandInvocation.of(LineupCommand.NAME)
                .option(LineupCommand.FROM_OPTION, from).by(PRODUCER));
        JsonNode restEmbed = rest.message().embeds().get(0);
        String restDescription = restEmbed.path("description").asText();
        assertThat(restDescription).startsWith((from - 1) + " looks before " + from + " (0 walked): `/lineup from:1` lists them.\n`"
                + from + "` ⏳").contains("**" + STANDBY + "** (for " + NO_SHOW + ")").contains("`40` ⏳ **" + LATE_MODEL + "**");
        assertWithinEmbedLimits(restEmbed);
    }

    private void dressEveryLook() {
        // when each look's dresser marks it dressed, then accessorised, in running order
        clockTo(show.show().startInstant().minus(Duration.ofMinutes(35)));
        for (Look look : show.show().runningOrder()) {
            long dresser = look.dresserUserId().orElseThrow();
            String model = lineup().look(look.number()).orElseThrow().model();
            mark(dresser, look.number(), Step.DRESSED, model, List.of(look.number()));
            InteractionResponse accessorised = look(dresser, look.number(), Step.ACCESSORIES);
            // then the last step makes the look ready
            assertThat(accessorised.message().content()).contains("accessories done")
                    .contains("Look " + look.number() + " is ready.");
            clock.moveForward(Duration.ofSeconds(30));
        }
        assertThat(lineup().readyCount()).isEqualTo(40);
    }

    private void walkTheShow() {
        // given the show starting, every look ready
        clockTo(show.show().startInstant());
        List<Look> order = show.show().runningOrder();
        long caller = prs().get(0);
        for (int i = 0; i < order.size(); i++) {
            Look look = order.get(i);
            // when PR records the next look going out, without a number
            InteractionResponse reply = slash(SlashCommandInvocation.of(WalkedCommand.NAME).by(caller));
            // then it is the next look of the running order, and the one after it is ready
            String model = lineup().look(look.number()).orElseThrow().model();
            assertThat(reply.message().content()).as("walk %d", look.number())
                    .startsWith("🚶 Look " + look.number() + " · **" + model + "** is out.");
            if (i + 1 < order.size()) {
                Look next = order.get(i + 1);
                assertThat(reply.message().content()).contains("Next: look " + next.number() + " · **"
                        + lineup().look(next.number()).orElseThrow().model() + "**, ready.");
            } else {
                assertThat(reply.message().content()).contains("That was the last look.");
            }
            clock.moveForward(show.show().lookDuration(look));
            if (i == 0) {
                refuseAStepOnAWalkedLook(look);
            }
            if (i == order.size() / 2 - 1) {
                checkTheLineupHalfWay(order.get(i + 1).number());
            }
        }
        InteractionResponse more = slash(SlashCommandInvocation.of(WalkedCommand.NAME).by(PRODUCER));
        assertThat(more.message().content()).isEqualTo("Every look has walked; nothing to record.");
    }

    private void refuseAStepOnAWalkedLook(Look walked) {
        // when its dresser marks a step on the look that has just walked
        InteractionResponse reply = look(walked.dresserUserId().orElseThrow(), walked.number(), Step.ACCESSORIES);

        // then it is refused with the reason
        assertThat(reply.message().content()).isEqualTo("⚠️ Cannot mark accessories on look " + walked.number()
                + ": look " + walked.number() + " walked already. Nothing was changed.");
    }

    private void checkTheLineupHalfWay(int next) {
        // when a dresser asks for the lineup half-way through the show
        InteractionResponse reply = slash(SlashCommandInvocation.of(LineupCommand.NAME)
                .by(show.show().look(next).orElseThrow().dresserUserId().orElseThrow()));

        // then it starts at the next look to walk, which is ready, as are the ones after it
        JsonNode embed = reply.message().embeds().get(0);
        assertThat(embed.path("description").asText()).startsWith("Looks before " + next + " have walked.\n`" + next + "` ✅");
        assertThat(fields(embed).get("Missing for the next looks")).startsWith("Nothing: the next 5 looks are ready.");
        assertThat(embed.path("footer").path("text").asText())
                .isEqualTo("40 of 40 looks ready · " + (next - 1) + " walked · out: look " + (next - 1));
        assertWithinEmbedLimits(embed);
    }

    // --- the final state -----------------------------------------------------------------------------------------

    private void checkModels(Instant lateArrival) {
        Lineup lineup = lineup();
        Map<String, Arrival> arrivals = bot.database().inTransaction(c -> new ArrivalRepository().forShow(c, show.id()))
                .stream().collect(Collectors.toMap(a -> a.subjectKey(), a -> a));
        List<Replacement> replacements = lineup.floor().replacements();
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        for (Model m : show.show().models()) {
            expected.put(m.name(), m.name().equals(NO_SHOW) ? "no-show, replaced by " + STANDBY : "arrived");
            boolean arrived = lineup.floor().arrived().contains(m.name());
            boolean noShow = lineup.floor().noShows().contains(m.name());
            String state = arrived && !noShow ? "arrived" : noShow && !arrived ? "no-show" : "arrived=" + arrived
                    + " no-show=" + noShow;
            state += lineup.replacementOf(m.name()).map(r -> ", replaced by " + r.replacedBy()).orElse("");
            actual.put(m.name(), state);
        }
        assertThat(actual).as("every model's state").containsExactlyEntriesOf(expected);
        assertThat(show.show().models()).hasSize(24);

        assertThat(replacements).singleElement().satisfies(r -> {
            assertThat(r.model()).isEqualTo(NO_SHOW);
            assertThat(r.replacedBy()).isEqualTo(STANDBY);
            assertThat(r.looks()).isEqualTo(show.show().looksOf(NO_SHOW).stream().map(Look::number).toList());
        });
        assertThat(lineup.looksOf(OTHER_STANDBY)).as("the other standby walked nothing").isEmpty();

        Arrival late = arrivals.get(CallPlanner.modelKey(LATE_MODEL));
        assertThat(late.arrivedAt()).isBetween(lateArrival, lateArrival.plusSeconds(5));
        for (Model m : show.show().models()) {
            Arrival arrival = arrivals.get(CallPlanner.modelKey(m.name()));
            if (m.name().equals(NO_SHOW)) {
                assertThat(arrival).isNull();
                continue;
            }
            assertThat(prs()).contains(arrival.markedBy().getAsLong());
            if (!m.name().equals(LATE_MODEL)) {
                Instant call = show.callOf(m).orElseThrow().at();
                assertThat(arrival.arrivedAt()).as("%s arrived within the grace", m.name())
                        .isBefore(call.plus(show.show().noShowGrace()));
            }
        }
    }

    private void checkLooks() {
        Lineup lineup = lineup();
        List<LookState> looks = lineup.looks();
        assertThat(looks).hasSize(40);
        Instant previous = Instant.MIN;
        for (LookState look : looks) {
            String model = look.look().model().equals(NO_SHOW) ? STANDBY : look.look().model();
            assertThat(look.model()).as("who wears look %d", look.number()).isEqualTo(model);
            assertThat(look.done()).as("steps done on look %d", look.number())
                    .containsAll(show.show().lookSteps()).doesNotContain(Step.READY);
            assertThat(look.missing()).as("missing on look %d", look.number()).isEmpty();
            assertThat(look.ready()).isTrue();
            Walk walk = look.walk().orElseThrow(() -> new AssertionError("look " + look.number() + " did not walk"));
            assertThat(walk.model()).isEqualTo(model);
            assertThat(walk.walkedBy()).isEqualTo(prs().get(0));
            assertThat(walk.walkedAt()).as("look %d walked after the one before it", look.number()).isAfter(previous)
                    .isAfterOrEqualTo(show.show().startInstant());
            previous = walk.walkedAt();
        }
        assertThat(show.show().lookSteps()).containsExactly(Step.HAIR, Step.MAKEUP, Step.NAILS, Step.DRESSED,
                Step.ACCESSORIES);
        assertThat(lineup.next()).isEmpty();
        assertThat(lineup.out()).hasValueSatisfying(l -> assertThat(l.number()).isEqualTo(40));
        assertThat(lineup.floor().lookSteps()).hasSize(2 * 40);
        long walkingModels = looks.stream().map(LookState::model).distinct().count();
        assertThat(walkingModels).isEqualTo(22);
        assertThat(lineup.floor().modelSteps()).hasSize(3 * 22);
    }

    private void checkTimeline(Backlog backlog) {
        Map<EventKind, Long> counts = new EnumMap<>(EventKind.class);
        timeline().forEach(e -> counts.merge(e.kind(), 1L, Long::sum));
        Map<EventKind, Long> expected = new EnumMap<>(EventKind.class);
        expected.put(EventKind.SHOW_LOADED, 1L);
        expected.put(EventKind.CALL, (long) backlog.announcements());
        expected.put(EventKind.ALERT, (long) backlog.unconfirmedAlerts());
        expected.put(EventKind.LATE, 1L);
        expected.put(EventKind.NO_SHOW, 1L);
        expected.put(EventKind.REPLACEMENT, 1L);
        expected.put(EventKind.ARRIVAL, 23L);
        // the models' steps come first, so each look becomes ready at the second of its own two steps
        expected.put(EventKind.LOOK_STEP, 3L * 22 + 40);
        expected.put(EventKind.LOOK_READY, 40L);
        expected.put(EventKind.WALKED, 40L);
        assertThat(counts).as("timeline events by kind").isEqualTo(expected);

        assertThat(events(EventKind.REPLACEMENT)).singleElement().satisfies(e -> assertThat(e.text())
                .contains(STANDBY + " replaces " + NO_SHOW + " in looks").contains("Called now."));
        List<String> walked = events(EventKind.WALKED).stream().map(e -> e.subject().orElseThrow()).toList();
        assertThat(walked).as("looks walked in running order")
                .isEqualTo(show.show().runningOrder().stream().map(l -> "look:" + l.number()).toList());
        assertThat(events(EventKind.WALKED)).noneMatch(e -> e.text().contains("NOT ready"));
        assertThat(events(EventKind.WALKED).get(39).text()).endsWith("That was the last look.");
    }

    /** The assertions on counts hold only if nothing more of the plan fell due while the test ran. */
    private void checkNothingElseFellDue(Backlog backlog) {
        assertThat(Instant.now()).as("the next planned ping after the late alert (%s) is still to come",
                backlog.nextAfterLateAlert()).isBefore(backlog.nextAfterLateAlert());
    }

    // --- the show file and the guild -----------------------------------------------------------------------------

    /**
     * The example show moved to {@code start}: the start line is rewritten, and the late model's
     * wall-clock call becomes the same offset before the start. Nothing else changes.
     */
    private static String movedTo(String yaml, Show example, Instant start) {
        Model late = example.model(LATE_MODEL).orElseThrow();
        Duration callBefore = Duration.between(example.resolve(late.call().orElseThrow()), example.startInstant());
        String startLine = "start: " + example.start();
        String callLine = "call: \"" + late.call().orElseThrow() + "\"";
        assertThat(yaml).containsOnlyOnce(startLine).containsOnlyOnce(callLine);
        LocalDateTime local = LocalDateTime.ofInstant(start, example.zone());
        // the ladders follow Quartz's clock, which this day does not move: EscalationEndToEndTest climbs them
        return yaml.replace(startLine, "start: " + local)
                .replace(callLine, "call: " + callBefore.toString().substring(2).toLowerCase())
                .replaceAll("(?m)^( *)escalation:\n(?:\\1 .*\n|\n)*", "");
    }

    /**
     * The crew's server as the show file names it: its channels and roles, PR holding the PR
     * role, a producer, every department member and every model with an account.
     */
    private static StubGuild guild(Show show) {
        DiscordBinding d = show.discord();
        StubGuild.Builder guild = StubGuild.builder(d.guildId(), "Maison Verre backstage")
                .role(d.producerRoleId(), "Producer", 0)
                .role(d.prRoleId(), "PR", 0);
        show.departments().forEach(dep -> dep.roleId().ifPresent(role -> guild.role(role, dep.name(), 0)));
        guild.textChannel(d.timelineChannelId(), "mv-aw27-timeline",
                        StubGuild.Overwrite.role(d.guildId(), 0, VIEW_CHANNEL),
                        StubGuild.Overwrite.role(d.producerRoleId(), VIEW_CHANNEL, 0),
                        StubGuild.Overwrite.role(d.prRoleId(), VIEW_CHANNEL, 0))
                .textChannel(d.callsChannelId(), "mv-aw27-calls")
                .member(PRODUCER, "producer", d.producerRoleId());
        Map<Long, List<Long>> roles = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (Department dep : show.departments()) {
            for (Member m : dep.members()) {
                List<Long> held = roles.computeIfAbsent(m.userId().getAsLong(), id -> new ArrayList<>());
                dep.roleId().ifPresent(held::add);
                if (dep.id().equals("pr")) {
                    held.add(d.prRoleId());
                }
                names.put(m.userId().getAsLong(), m.displayName());
            }
        }
        show.models().forEach(m -> m.userId().ifPresent(id -> {
            roles.computeIfAbsent(id, k -> new ArrayList<>());
            names.put(id, m.name());
        }));
        show.looks().forEach(l -> l.dresserUserId().ifPresent(id -> assertThat(roles).containsKey(id)));
        roles.forEach((id, held) -> guild.member(id, "user" + id, names.get(id),
                held.stream().mapToLong(Long::longValue).toArray()));
        return guild.build();
    }

    /**
     * What the plan owed before showcall started (sent at once then) and when it next owes
     * something after the late alert.
     *
     * @param unconfirmedAlerts the confirmation checks due before the start: nobody had confirmed, so each alerts
     * @param announcements     department and wave announcements due before the start
     */
    private record Backlog(int unconfirmedAlerts, int announcements, Instant nextAfterLateAlert) {
    }

    private Backlog backlog(Instant startedAt, Instant lateAlertDue) {
        List<PlannedPing> plan = PingPlan.of(show);
        List<PlannedPing> due = plan.stream().filter(p -> p.due().isBefore(startedAt)).toList();
        Instant next = plan.stream().map(PlannedPing::due).filter(at -> at.isAfter(lateAlertDue)).min(Instant::compareTo)
                .orElseThrow();
        assertThat(plan.stream().filter(p -> !p.due().isBefore(startedAt) && !p.due().isAfter(lateAlertDue)))
                .as("between showcall's start and the late alert, only the late alert is due")
                .singleElement().satisfies(p -> assertThat(p.isLateCheck()).isTrue());
        return new Backlog((int) due.stream().filter(PlannedPing::isCheck).count(),
                (int) due.stream().filter(PlannedPing::isAnnouncement).count(), next);
    }

    // --- people --------------------------------------------------------------------------------------------------

    private List<Long> membersOf(String departmentId) {
        return show.show().departments().stream().filter(d -> d.id().equals(departmentId)).findFirst().orElseThrow()
                .members().stream().map(m -> m.userId().getAsLong()).toList();
    }

    private List<Long> prs() {
        return membersOf("pr");
    }

    private List<Long> hair() {
        return membersOf("hair");
    }

    /** The nail technicians work in the makeup department; the file names them in its comments. */
    private static final Set<String> NAIL_TECHNICIANS = Set.of("Thao Pham", "Beatriz Santos");

    private List<Long> nails() {
        return makeupDepartment().stream().filter(m -> NAIL_TECHNICIANS.contains(m.displayName()))
                .map(m -> m.userId().getAsLong()).toList();
    }

    private List<Long> makeup() {
        return makeupDepartment().stream().filter(m -> !NAIL_TECHNICIANS.contains(m.displayName()))
                .map(m -> m.userId().getAsLong()).toList();
    }

    private List<Member> makeupDepartment() {
        return show.show().departments().stream().filter(d -> d.id().equals("makeup")).findFirst().orElseThrow()
                .members();
    }

    // --- commands ------------------------------------------------------------------------------------------------

    /** Sends a slash command in the timeline channel and waits for the answer, private and in time. */
    private InteractionResponse slash(SlashCommandInvocation invocation) {
        InteractionResponse reply = bot.stub.slash(invocation.in(discord.timelineChannelId())).awaitResponse(WAIT);
        commandsSent++;
        assertThat(reply.ephemeral()).as("%s answered privately", invocation).isTrue();
        assertThat(reply.firstCallbackAfter()).as("%s acknowledged in time", invocation).isLessThan(DISCORD_DEADLINE);
        assertThat(reply.message().pingsAnyone()).as("%s pings nobody", invocation).isFalse();
        return reply;
    }

    private InteractionResponse arrived(long by, String model) {
        return slash(SlashCommandInvocation.of(ArrivedCommand.NAME).option(ArrivedCommand.MODEL_OPTION, model).by(by));
    }

    private InteractionResponse look(long by, int number, Step step) {
        return slash(SlashCommandInvocation.of(LookCommand.NAME).option(LookCommand.LOOK_OPTION, number)
                .option(LookCommand.STEP_OPTION, step.label()).by(by));
    }

    // --- reading the state ---------------------------------------------------------------------------------------

    private Lineup lineup() {
        return new Lineups(bot.database()).of(show);
    }

    private List<TimelineEvent> timeline() {
        return bot.database().inTransaction(c -> new TimelineEventRepository().forShow(c, show.id()));
    }

    private List<TimelineEvent> events(EventKind kind) {
        return timeline().stream().filter(e -> e.kind() == kind).toList();
    }

    private void clockTo(Instant showTime) {
        Duration by = Duration.between(clock.instant(), showTime);
        assertThat(by).as("the clock only moves forward").isPositive();
        clock.moveForward(by);
    }

    private static Map<String, String> fields(JsonNode embed) {
        Map<String, String> fields = new LinkedHashMap<>();
        embed.path("fields").forEach(f -> fields.put(f.path("name").asText(), f.path("value").asText()));
        return fields;
    }

    private static void assertWithinEmbedLimits(JsonNode embed) {
        String title = embed.path("title").asText();
        String description = embed.path("description").asText();
        String footer = embed.path("footer").path("text").asText();
        assertThat(title.length()).isLessThanOrEqualTo(256);
        assertThat(description.length()).isLessThanOrEqualTo(4096);
        assertThat(footer.length()).isLessThanOrEqualTo(2048);
        assertThat(embed.path("fields").size()).isLessThanOrEqualTo(25);
        int total = title.length() + description.length() + footer.length();
        for (JsonNode f : embed.path("fields")) {
            assertThat(f.path("name").asText().length()).isLessThanOrEqualTo(256);
            assertThat(f.path("value").asText().length()).isLessThanOrEqualTo(1024);
            total += f.path("name").asText().length() + f.path("value").asText().length();
        }
        assertThat(total).as("characters in the embed").isLessThanOrEqualTo(6000);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(25);
        }
    }
}

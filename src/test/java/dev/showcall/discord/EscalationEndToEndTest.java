package dev.showcall.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.discord.commands.CallsCommand;
import dev.showcall.discord.commands.StatusCommand;
import dev.showcall.discord.stub.ButtonClick;
import dev.showcall.discord.stub.InteractionResponse;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.discord.stub.StubMessage;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.ReplacementRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Escalation ladders, end to end: Quartz takes each step at its time, the real JDA client delivers it")
class EscalationEndToEndTest {

    private static final long GUILD = ShowcallOnStub.GUILD;
    private static final long CALLS = ShowcallOnStub.CALLS;
    private static final long PRODUCER = ShowcallOnStub.PRODUCER;
    private static final long AISHA = 1190000000000000201L;
    private static final long BEN = 1190000000000000202L;
    private static final long CLEO = 1190000000000000203L;
    private static final long LENA = 1190000000000000204L;
    private static final long ANYA = 1190000000000000301L;
    private static final String SHOW = "ladder-show";
    private static final String AISHA_KEY = "crew:hair:" + AISHA;
    /** The last step falls 20 s after the base; on a busy machine give it more. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration ON_TIME = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private Instant base;
    private ShowcallOnStub bot;

    @BeforeEach
    void startShowcall() {
        base = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(4);
        StubGuild guild = StubGuild.builder(GUILD, "Backstage")
                .role(ShowcallOnStub.PRODUCER_ROLE, "Producers", 0)
                .role(ShowcallOnStub.PR_ROLE, "PR", 0)
                .textChannel(ShowcallOnStub.TIMELINE, "timeline")
                .textChannel(CALLS, "calls")
                .member(AISHA, "aisha").member(BEN, "ben").member(CLEO, "cleo").member(LENA, "lena")
                .member(ANYA, "anya")
                .member(PRODUCER, "producer", ShowcallOnStub.PRODUCER_ROLE)
                .build();
        bot = ShowcallOnStub.start(dir, clock, guild, showYaml());
    }

    @AfterEach
    void stop() {
        try {
            assertThat(bot.stub.violations()).as("requests that break Discord's limits or schemas").isEmpty();
        } finally {
            bot.close();
        }
    }

    /**
     * Hair is called at +4 s, with its own not-confirmed ladder 2, 4, 6 and 8 s after the call; its lead, Lena, is
     * not called herself. The models' wave is called at +14 s, with a not-arrived ladder 2, 4 and 6 s after it.
     */
    private String showYaml() {
        return """
                id: %s
                name: Ladder Show
                time-zone: UTC
                start: %s
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
                      - { user: "%d", name: Ben }
                      - { user: "%d", name: Cleo }
                    lead: "%d"
                    escalation:
                      not-confirmed:
                        - { after: 2s, do: dm-again }
                        - { after: 4s, do: dm-lead }
                        - { after: 6s, do: calls-channel }
                        - { after: 8s, do: producers }
                      not-arrived: []
                models:
                  - { name: Anya Petrova, user: "%d" }
                  - { name: Gia Sol, standby: true }
                model-calls:
                  chairs: 2
                  prep: 5s
                  buffer: 9m40s
                  check-in: 1s
                  escalation:
                    not-arrived:
                      - { after: 2s, do: dm-again }
                      - { after: 4s, do: calls-channel }
                      - { after: 6s, do: producers }
                looks:
                  - { number: 1, model: Anya Petrova, description: Coat }
                no-show-grace: 1m
                """.formatted(SHOW, local(base.plus(Duration.ofMinutes(10))), GUILD, ShowcallOnStub.TIMELINE, CALLS,
                ShowcallOnStub.PRODUCER_ROLE, ShowcallOnStub.PR_ROLE, local(at(4)), AISHA, BEN, CLEO, LENA, ANYA);
    }

    @Test
    @DisplayName("takes every step for someone who never answers, each once and at its time, and shows it in /calls")
    void climbsEveryStep() throws InterruptedException {
        // given Aisha never answers her call, and Ben answers his at once
        await("Ben's call", () -> !bot.stub.dms(BEN).isEmpty());
        click(bot.stub.dms(BEN).get(0).customIds().get(0), bot.stub.dms(BEN).get(0), BEN);

        // and the DM channels of her lead and the producer, whom her ladder will DM, are opened ahead of their steps
        await("the lead's and the producer's DM channels", () -> bot.stub.dmChannelOf(LENA).isPresent()
                && bot.stub.dmChannelOf(PRODUCER).isPresent());
        assertThat(Instant.now()).as("opened before the lead's step").isBefore(at(8));

        // when every step of hair's ladder has come
        await("the producers' DM about Aisha", () -> !about("Aisha", bot.stub.dms(PRODUCER)).isEmpty());
        Thread.sleep(1500);

        // then she was DMed again, her lead DMed, she was mentioned in the calls channel, the producer DMed: once each
        List<StubMessage> toAisha = bot.stub.dms(AISHA);
        assertThat(toAisha).hasSize(2);
        assertThat(toAisha.get(1).embeds().get(0).path("title").asText()).startsWith("⏫ Please confirm your call");
        assertThat(toAisha.get(1).customIds()).hasSize(3).allSatisfy(id -> assertThat(id).startsWith("confirm:"));
        assertOnTime(toAisha.get(1), at(6));
        // Cleo never answers either: her lead is told about each once, with a button for each, in one message or two
        StubMessage toLead = about("Aisha", bot.stub.dms(LENA)).stream().collect(single());
        assertThat(about("Cleo", bot.stub.dms(LENA))).hasSize(1);
        assertThat(bot.stub.dms(LENA)).hasSizeBetween(1, 2);
        assertThat(toLead.content()).contains("has not confirmed their call").contains("step 2 of 4");
        assertThat(toLead.customIds()).allSatisfy(id -> assertThat(id).startsWith("reached:c:" + SHOW));
        assertThat(toLead.buttonLabelled("I reached Aisha")).isPresent();
        assertThat(about("Cleo", bot.stub.dms(LENA)).get(0).buttonLabelled("I reached Cleo")).isPresent();
        assertOnTime(toLead, at(8));
        StubMessage inCalls = bot.stub.messages(CALLS).stream()
                .filter(m -> m.mentionedUserIds().contains(AISHA)).collect(single());
        assertThat(inCalls.content()).contains("has not confirmed their call").contains("step 3 of 4");
        assertOnTime(inCalls, at(10));
        StubMessage toProducer = about("Aisha", bot.stub.dms(PRODUCER)).stream().collect(single());
        assertThat(toProducer.customIds()).as("Offer standby is for a model").isEmpty();
        assertOnTime(toProducer, at(12));
        assertThat(steps(AISHA_KEY)).extracting(p -> p.outcome().orElseThrow())
                .containsExactly(PingOutcome.DM, PingOutcome.DM, PingOutcome.CHANNEL, PingOutcome.DM);
        assertThat(events(EventKind.ESCALATION)).filteredOn(e -> e.text().contains("Aisha")).hasSize(4)
                .last().satisfies(e -> assertThat(e.text())
                        .startsWith("<@&" + ShowcallOnStub.PRODUCER_ROLE + "> ⏫ Aisha (Hair) has not confirmed")
                        .endsWith("step 4 of 4: producers told"));

        // and producers see her escalated, and not Ben, who answered
        String escalated = calls(CallsCommand.ESCALATED);
        assertThat(escalated).contains("Aisha — called, no answer yet · ⏫ step 4 of 4: producers told")
                .doesNotContain("Ben");
        InteractionResponse status = bot.stub.slash(SlashCommandInvocation.of(StatusCommand.NAME).by(PRODUCER)
                .in(ShowcallOnStub.TIMELINE)).awaitResponse(Duration.ofSeconds(5));
        assertThat(status.message().embed(0).orElseThrow().path("description").asText())
                .containsPattern("⏫ Escalated \\(\\d\\): .*Aisha").doesNotContain("Ben");
    }

    @Test
    @DisplayName("stops the not-confirmed ladder when they answer On my way, and takes no step of it after")
    void onMyWayStopsIt() throws InterruptedException {
        // given Ben's call
        await("Ben's call", () -> !bot.stub.dms(BEN).isEmpty());

        // when he answers On my way before the first step
        StubMessage call = bot.stub.dms(BEN).get(0);
        click(call.customIds().get(0), call, BEN);
        await("Aisha's last step", () -> !about("Aisha", bot.stub.dms(PRODUCER)).isEmpty());

        // then he got his call only, nobody was told about him, and every step of his is recorded as not taken
        assertThat(bot.stub.dms(BEN)).hasSize(1);
        assertThat(about("Ben", bot.stub.dms(LENA))).isEmpty();
        assertThat(about("Ben", bot.stub.dms(PRODUCER))).isEmpty();
        assertThat(steps("crew:hair:" + BEN)).hasSize(4).allSatisfy(p -> {
            assertThat(p.outcome()).contains(PingOutcome.DROPPED);
            assertThat(p.detail()).contains("they answered their call");
        });
    }

    @Test
    @DisplayName("stops the ladder once when the lead presses I reached them, twice, and logs who pressed it")
    void leadReachedThem() throws InterruptedException {
        // given the lead's DM about Cleo
        await("the lead's DM about Cleo", () -> !about("Cleo", bot.stub.dms(LENA)).isEmpty());
        StubMessage toLead = about("Cleo", bot.stub.dms(LENA)).get(0);

        // when Lena presses I reached them, and again
        String reachedCleo = toLead.buttonLabelled("I reached Cleo").orElseThrow();
        InteractionResponse first = click(reachedCleo, toLead, LENA);
        InteractionResponse second = click(reachedCleo, toLead, LENA);
        await("Aisha's last step", () -> !about("Aisha", bot.stub.dms(PRODUCER)).isEmpty());
        Thread.sleep(500);

        // then the ladder stopped once: no calls-channel mention or producers' DM about Cleo
        assertThat(first.message().content()).startsWith("✅ Thanks: nobody else will be asked to chase Cleo");
        assertThat(second.message().content()).startsWith("Already noted: <@" + LENA + "> reached Cleo");
        assertThat(bot.stub.messages(CALLS)).noneMatch(m -> m.mentionedUserIds().contains(CLEO)
                && m.content().contains("has not confirmed"));
        assertThat(about("Cleo", bot.stub.dms(PRODUCER))).isEmpty();
        assertThat(events(EventKind.ESCALATION)).filteredOn(e -> e.text().contains("reached Cleo")).singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("✅ <@" + LENA + "> reached Cleo (Hair): the not "
                        + "confirmed ladder stops"));
        assertThat(steps("crew:hair:" + CLEO)).extracting(p -> p.outcome().orElseThrow())
                .containsExactly(PingOutcome.DM, PingOutcome.DM, PingOutcome.DROPPED, PingOutcome.DROPPED);
        assertThat(calls(CallsCommand.EVERYONE)).contains("Cleo — called, no answer yet · ✅ reached by <@" + LENA + ">");
    }

    @Test
    @DisplayName("ends a model's not-arrived ladder with the producers, whose Offer standby gives her looks to a standby")
    void modelLadderOffersStandby() throws InterruptedException {
        // given Anya never arrives: the producers are DMed at the top of her ladder
        await("the producers' DM about Anya", () -> !about("Anya", bot.stub.dms(PRODUCER)).isEmpty());
        StubMessage toProducer = about("Anya", bot.stub.dms(PRODUCER)).get(0);
        assertThat(toProducer.content()).contains("has not arrived").contains("step 3 of 3");
        assertThat(bot.stub.dms(ANYA)).hasSize(2).last().satisfies(m -> assertThat(m.embeds().get(0).path("title")
                .asText()).startsWith("⏫ You are not marked arrived"));

        // when the producer presses Offer standby, then the standby offered
        InteractionResponse offer = click(toProducer.buttonLabelled("Offer standby for Anya Petrova").orElseThrow(),
                toProducer, PRODUCER);
        assertThat(offer.message().content()).contains("Who walks **Anya Petrova**'s looks instead?");
        InteractionResponse replaced = click(offer.message().customIds().get(0), offer.message(), PRODUCER);

        // then Gia Sol walks Anya's look, as /replace would have it
        assertThat(replaced.message().content()).startsWith("🔁 **Gia Sol** replaces **Anya Petrova** in look 1.");
        List<dev.showcall.backstage.Replacement> replacements = bot.database().inTransaction(c ->
                new ReplacementRepository().forShow(c, SHOW));
        assertThat(replacements).singleElement().satisfies(r -> assertThat(r.replacedBy()).isEqualTo("Gia Sol"));
    }

    @Test
    @DisplayName("takes only the highest step due when showcall comes back after the steps fell due")
    void afterAnOutageOnlyTheHighestStep() throws InterruptedException {
        // given Aisha's call went out, then showcall stopped
        await("Aisha's call", () -> !bot.stub.dms(AISHA).isEmpty());
        bot.stopShowcall();

        // when it is back after three steps of her ladder fell due
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), at(11)).toMillis()));
        bot.startShowcall();
        await("a step taken for Aisha after the restart", () -> steps(AISHA_KEY).stream()
                .anyMatch(p -> p.outcome().filter(o -> o != PingOutcome.DROPPED).isPresent()));
        Thread.sleep(500);

        // then the steps below the highest one due were not taken: no DM again, no DM to her lead
        assertThat(bot.stub.dms(AISHA)).hasSize(1);
        assertThat(about("Aisha", bot.stub.dms(LENA))).isEmpty();
        assertThat(steps(AISHA_KEY)).filteredOn(p -> p.ping().endsWith(":1") || p.ping().endsWith(":2"))
                .hasSize(2).allSatisfy(p -> assertThat(p.detail()).contains("a later step of the ladder was due as well"));
    }

    private Instant at(int seconds) {
        return base.plusSeconds(seconds);
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static void assertOnTime(StubMessage message, Instant due) {
        assertThat(Duration.between(due, message.createdAt()).abs()).as("sent at " + due).isLessThan(ON_TIME);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(25);
        }
    }

    private static List<StubMessage> about(String name, List<StubMessage> messages) {
        return messages.stream().filter(m -> m.content().contains("**" + name)).toList();
    }

    private static java.util.stream.Collector<StubMessage, ?, StubMessage> single() {
        return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.get(0);
        });
    }

    /** The steps of someone's ladders recorded in the ping table, in step order. */
    private List<CallPing> steps(String callKey) {
        return bot.database().inTransaction(c -> new CallPingRepository().forShow(c, SHOW)).stream()
                .filter(p -> p.callKey().equals(callKey) && p.ping().startsWith("escalate:"))
                .sorted(java.util.Comparator.comparing(CallPing::dueAt))
                .toList();
    }

    private List<TimelineEvent> events(EventKind kind) {
        return bot.database().inTransaction(c -> new TimelineEventRepository().forShow(c, SHOW)).stream()
                .filter(e -> e.kind() == kind).toList();
    }

    private String calls(String filter) {
        InteractionResponse reply = bot.stub.slash(SlashCommandInvocation.of(CallsCommand.NAME)
                .by(PRODUCER).in(ShowcallOnStub.TIMELINE).option(CallsCommand.FILTER_OPTION, filter))
                .awaitResponse(Duration.ofSeconds(5));
        return reply.message().embeds().get(0).path("description").asText();
    }

    private InteractionResponse click(String customId, StubMessage on, long by) {
        return bot.stub.click(ButtonClick.of(customId).on(on.id()).by(by)).awaitResponse(Duration.ofSeconds(5));
    }
}

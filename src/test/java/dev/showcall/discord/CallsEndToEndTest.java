package dev.showcall.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.showcall.backstage.Arrival;
import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.Confirmation;
import dev.showcall.backstage.ConfirmationState;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.calls.Lateness;
import dev.showcall.discord.commands.CallsCommand;
import dev.showcall.discord.commands.DelayCommand;
import dev.showcall.discord.stub.ButtonClick;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.discord.stub.InteractionResponse;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.discord.stub.StubMessage;
import dev.showcall.store.ArrivalRepository;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.ConfirmationRepository;
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
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Calls, end to end: Quartz fires, the real JDA client delivers to the Discord stub")
class CallsEndToEndTest {

    private static final long GUILD = ShowcallOnStub.GUILD;
    private static final long CALLS = ShowcallOnStub.CALLS;
    private static final long RUNNERS_ROLE = 1190000000000000006L;
    private static final long AISHA = 1190000000000000201L;
    private static final long BEN = 1190000000000000202L;
    private static final long CLEO = 1190000000000000203L;
    private static final long ANYA = 1190000000000000301L;
    private static final String SHOW = "calls-show";
    /** The last call falls 14 s after the base; on a busy machine give it twice that. */
    private static final Duration WAIT = Duration.ofSeconds(30);

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
                .role(RUNNERS_ROLE, "Runners", 0)
                .textChannel(ShowcallOnStub.TIMELINE, "timeline")
                .textChannel(CALLS, "calls")
                .member(AISHA, "aisha").member(BEN, "ben").member(CLEO, "cleo").member(ANYA, "anya")
                .member(ShowcallOnStub.PRODUCER, "producer", ShowcallOnStub.PRODUCER_ROLE)
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
     * Calls a few seconds apart: hair at +6 s (reminder at +1 s, unconfirmed alert at +4 s),
     * dressers and runners at +12 s, the models' wave at +14 s; the show starts ten minutes later.
     */
    private String showYaml() {
        return """
                id: %s
                name: Calls Show
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
                    meeting-point: Salon, level -1
                    reminders: [5s]
                  - id: dressers
                    name: Dressers
                    call: %s
                    members:
                      - { user: "%d", name: Cleo }
                  - id: runners
                    name: Runners
                    call: %s
                    role: "%d"
                models:
                  - { name: Anya Petrova, user: "%d" }
                  - { name: Bea Moss }
                model-calls:
                  chairs: 2
                  prep: 5s
                  buffer: 9m40s
                  check-in: 1s
                looks:
                  - { number: 1, model: Anya Petrova, description: Coat }
                  - { number: 2, model: Bea Moss, description: Dress }
                confirm-by: 2s
                no-show-grace: 2s
                """.formatted(SHOW, local(base.plus(Duration.ofMinutes(10))), GUILD, ShowcallOnStub.TIMELINE, CALLS,
                ShowcallOnStub.PRODUCER_ROLE, ShowcallOnStub.PR_ROLE, local(at(6)), AISHA, BEN, local(at(12)), CLEO,
                local(at(12)), RUNNERS_ROLE, ANYA);
    }

    private Instant at(int seconds) {
        return base.plusSeconds(seconds);
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(25);
        }
    }

    private List<StubMessage> inCalls(String text) {
        return bot.stub.messages(CALLS).stream().filter(m -> m.content().contains(text)).toList();
    }

    private List<TimelineEvent> events(EventKind kind) {
        return bot.database().inTransaction(c -> new TimelineEventRepository().forShow(c, SHOW)).stream()
                .filter(e -> e.kind() == kind).toList();
    }

    private static String field(StubMessage dm, String name) {
        for (JsonNode f : dm.embeds().get(0).path("fields")) {
            if (f.path("name").asText().equals(name)) {
                return f.path("value").asText();
            }
        }
        return "";
    }

    @Test
    @DisplayName("DMs each person a reminder and then their call at its time, with the details and three buttons")
    void dmsArriveInOrder() throws InterruptedException {
        await("Aisha's call", () -> bot.stub.dms(AISHA).size() >= 2);

        List<StubMessage> dms = bot.stub.dms(AISHA);
        assertThat(dms).hasSize(2);
        StubMessage reminder = dms.get(0);
        StubMessage call = dms.get(1);
        assertThat(reminder.embeds().get(0).path("title").asText()).startsWith("Reminder: your call");
        assertThat(call.embeds().get(0).path("title").asText()).isEqualTo("Your call for Calls Show");
        assertThat(field(call, "Department")).isEqualTo("Hair");
        assertThat(field(call, "Call")).contains("<t:" + at(6).getEpochSecond() + ":t>")
                .contains("<t:" + at(6).getEpochSecond() + ":R>");
        assertThat(field(call, "Meeting point")).isEqualTo("Salon, level -1");
        assertThat(call.customIds()).hasSize(3).allSatisfy(id -> assertThat(id).startsWith("confirm:"));
        assertThat(Duration.between(at(1), reminder.createdAt()).abs()).isLessThan(Duration.ofSeconds(2));
        assertThat(Duration.between(at(6), call.createdAt()).abs()).isLessThan(Duration.ofSeconds(2));
        assertThat(call.pingsAnyone()).isFalse();
    }

    @Test
    @DisplayName("announces each department once in the calls channel, mentioning a role called as a whole")
    void announcesDepartmentsOnce() throws InterruptedException {
        await("the runners' announcement", () -> !inCalls("**Runners**").isEmpty());
        await("the models' wave", () -> !inCalls("**Models, wave 1**").isEmpty() && !bot.stub.dms(ANYA).isEmpty());

        assertThat(inCalls("**Hair**")).singleElement()
                .satisfies(m -> assertThat(m.content()).contains("2 people"));
        assertThat(inCalls("**Dressers**")).hasSize(1);
        assertThat(inCalls("**Runners**")).singleElement()
                .satisfies(m -> assertThat(m.mentionedRoleIds()).containsExactly(RUNNERS_ROLE));
        assertThat(inCalls("**Hair**").get(0).mentionsEveryone()).isFalse();
        assertThat(events(EventKind.CALL)).extracting(TimelineEvent::text)
                .anySatisfy(t -> assertThat(t).startsWith("Hair called: 2 calls"));
        assertThat(bot.stub.dms(ANYA)).as("a model with Discord is called by DM too").isNotEmpty();
    }

    @Test
    @DisplayName("mentions a person whose DMs are closed in the calls channel, and records them as unreachable")
    void unreachableByDm() throws InterruptedException {
        bot.stub.closeDmsOf(CLEO);

        await("Cleo's call recorded", () -> cleosCall().flatMap(CallPing::outcome).isPresent());

        assertThat(cleosCall().flatMap(CallPing::outcome)).contains(PingOutcome.CHANNEL);
        assertThat(inCalls("could not send you a DM")).singleElement()
                .satisfies(m -> assertThat(m.mentionedUserIds()).containsExactly(CLEO));
        assertThat(events(EventKind.ALERT)).anySatisfy(e -> assertThat(e.text()).contains("Cleo")
                .contains("cannot be reached by DM"));
        assertThat(bot.stub.dms(CLEO)).isEmpty();
        assertThat(calls(Optional.empty()).message().embeds().get(0).path("description").asText())
                .contains("Cleo — ⚠️ unreachable by DM");
    }

    @Test
    @DisplayName("records the buttons: on my way, how late, I'm here; a second click changes nothing")
    void confirmations() throws InterruptedException {
        await("Aisha's call", () -> bot.stub.dms(AISHA).size() >= 2);
        StubMessage call = bot.stub.dms(AISHA).get(1);
        String onMyWay = call.customIds().get(0);
        String late = call.customIds().get(1);
        String here = call.customIds().get(2);

        click(onMyWay, call);
        InteractionResponse again = click(onMyWay, call);
        assertThat(again.message().content()).contains("Already noted");
        assertThat(confirmation().map(Confirmation::state)).contains(ConfirmationState.ON_MY_WAY);

        InteractionResponse howLate = click(late, call);
        assertThat(howLate.message().customIds()).hasSize(3);
        click(howLate.message().customIds().get(1), howLate.message());
        assertThat(confirmation()).hasValueSatisfying(c -> {
            assertThat(c.state()).isEqualTo(ConfirmationState.RUNNING_LATE);
            assertThat(c.lateMinutes()).hasValue(15);
        });
        assertThat(calls(Optional.empty()).message().embeds().get(0).path("description").asText())
                .contains("Aisha — running 15 min late");

        click(here, call);
        assertThat(confirmation().map(Confirmation::state)).contains(ConfirmationState.HERE);
        Optional<Arrival> arrival = bot.database().inTransaction(c ->
                new ArrivalRepository().find(c, SHOW, "crew:hair:" + AISHA));
        assertThat(arrival).as("'I'm here' is her arrival").isPresent();
        assertThat(events(EventKind.CONFIRMATION)).hasSize(2);
    }

    @Test
    @DisplayName("sends a call that fell due while showcall was down once, marked late, and nothing twice")
    void restart() throws InterruptedException {
        await("Aisha's reminder", () -> bot.stub.dms(AISHA).size() >= 1);
        bot.stopShowcall();
        Thread.sleep(Duration.between(Instant.now(), at(7)).toMillis());
        clock.moveForward(Duration.ofMinutes(2));

        bot.startShowcall();
        await("Aisha's call", () -> bot.stub.dms(AISHA).size() >= 2);
        Thread.sleep(500);

        List<StubMessage> dms = bot.stub.dms(AISHA);
        assertThat(dms).hasSize(2);
        assertThat(dms.get(0).embeds().get(0).path("title").asText()).startsWith("Reminder");
        assertThat(dms.get(1).content()).startsWith("Sent 2m late: showcall was offline.");
        assertThat(dms.get(1).embeds().get(0).path("title").asText()).startsWith("Your call");
    }

    @Test
    @DisplayName("says of a call sent half a minute late after a downtime that showcall was offline: in the DM, "
            + "the calls channel and the log")
    void lateByHalfAMinute() throws InterruptedException {
        // given showcall down when the hair call fell due
        bot.stopShowcall();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), at(7)).toMillis()));

        // when it is back half a minute later by its clock
        clock.moveForward(Duration.ofSeconds(30));
        bot.startShowcall();
        await("Aisha's call", () -> callSent("crew:hair:" + AISHA));
        await("the hair announcement on the log", () -> !inCalls("**Hair**").isEmpty() && hairCalled().isPresent());

        // then each says how late, to the second, and why
        assertThat(bot.stub.dms(AISHA)).filteredOn(m -> m.embeds().get(0).path("title").asText().startsWith("Your call"))
                .singleElement().satisfies(m -> assertThat(m.content())
                        .matches("Sent [3-5]\\ds late: showcall was offline\\."));
        assertThat(inCalls("**Hair**")).singleElement().satisfies(m -> assertThat(m.content())
                .containsPattern("\nSent [3-5]\\ds late: showcall was offline\\.$"));
        assertThat(hairCalled()).hasValueSatisfying(e -> assertThat(e.text())
                .matches("Hair called: 2 calls \\(sent [3-5]\\ds late: showcall was offline\\)"));
    }

    @Test
    @DisplayName("sends an announcement due while the gateway identifies again as soon as the server is back, "
            + "saying why it is late")
    void announcementAcrossANewSession() throws InterruptedException {
        // given Discord ends the session a second before the hair call, and gives the server back 8 s after the new READY
        assertThat(Instant.now()).as("showcall started before the hair call").isBefore(at(5));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), at(5)).toMillis()));
        bot.stub.invalidateSession(Duration.ofSeconds(8));

        // when the server is back
        await("the server back", () -> bot.stub.guildCreatesSent().size() == 2);
        await("the hair announcement on the log", () -> !inCalls("**Hair**").isEmpty() && hairCalled().isPresent());

        // then the announcement went out once, at once, and says the reconnection held it
        Instant back = bot.stub.guildCreatesSent().get(1);
        assertThat(inCalls("**Hair**")).singleElement().satisfies(m -> {
            assertThat(Duration.between(back, m.createdAt())).as("after the server came back")
                    .isBetween(Duration.ZERO, Duration.ofSeconds(1));
            assertThat(m.content()).containsPattern(
                    "\\*\\*Hair\\*\\*.*\nSent \\d+s late: showcall was reconnecting to Discord\\.(\n|$)");
        });
        assertThat(hairCalled()).hasValueSatisfying(e -> assertThat(e.text())
                .endsWith("late: showcall was reconnecting to Discord)"));
        assertThat(bot.stub.identifyCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("says of a DM held back by Discord's 503s how late it went out, and that Discord was not answering")
    void saysDiscordWasNotAnswering() throws InterruptedException {
        // given Discord answers Aisha's DMs with 503 after her reminder, as many times as JDA tries before it gives up
        await("Aisha's reminder", () -> !bot.stub.dms(AISHA).isEmpty());
        long held = bot.stub.dmChannelOf(AISHA).orElseThrow();
        bot.stub.failNext("POST", "channels/" + held + "/messages", 503, 4);
        assertThat(Instant.now()).as("Discord set to fail before her call").isBefore(at(6));

        // when her call falls due, and is retried
        await("Aisha's call", () -> callSent("crew:hair:" + AISHA));

        // then it says why it is late; Ben's, at the same time, went out on time and says nothing
        assertThat(bot.stub.dms(AISHA)).hasSize(2).last().satisfies(m -> {
            assertThat(m.createdAt()).isAfter(at(6).plus(Lateness.ON_TIME));
            assertThat(m.content()).matches("Sent \\d+s late: Discord was not answering\\.");
        });
        assertThat(bot.stub.dms(BEN)).hasSize(2).last().satisfies(m -> assertThat(m.content()).isEmpty());
    }

    private Optional<TimelineEvent> hairCalled() {
        return events(EventKind.CALL).stream().filter(e -> e.text().startsWith("Hair called")).findFirst();
    }

    private boolean callSent(String callKey) {
        return bot.database().inTransaction(c -> new CallPingRepository().isCallSent(c, SHOW, callKey));
    }

    private Optional<CallPing> cleosCall() {
        return bot.database().inTransaction(c ->
                new CallPingRepository().find(c, SHOW, "crew:dressers:" + CLEO, CallPing.CALL));
    }

    @Test
    @DisplayName("drops a reminder whose call passed while showcall was down, and still makes the call once")
    void restartDropsStaleReminder() throws InterruptedException {
        bot.stopShowcall();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), at(7)).toMillis()));
        clock.moveForward(Duration.ofMinutes(2));

        bot.startShowcall();
        // the two fire together, each on its own
        await("Aisha's call", () -> callSent("crew:hair:" + AISHA));
        await("her reminder recorded", () -> aishasReminder().flatMap(CallPing::outcome).isPresent());

        assertThat(bot.stub.dms(AISHA)).singleElement()
                .satisfies(m -> assertThat(m.content()).startsWith("Sent 2m late"));
        assertThat(aishasReminder()).hasValueSatisfying(r -> assertThat(r.outcome()).contains(PingOutcome.DROPPED));
    }

    private Optional<CallPing> aishasReminder() {
        return bot.database().inTransaction(c -> new CallPingRepository()
                .find(c, SHOW, "crew:hair:" + AISHA, CallPing.reminder(Duration.ofSeconds(5))));
    }

    @Test
    @DisplayName("/delay moves every call still to come, tells those people their new time, and sends nothing twice")
    void delay() throws InterruptedException {
        await("the hair call recorded", () -> callSent("crew:hair:" + AISHA) && callSent("crew:hair:" + BEN));

        InteractionResponse reply = bot.stub.slash(SlashCommandInvocation.of(DelayCommand.NAME)
                .option(DelayCommand.MINUTES_OPTION, 30L).option(DelayCommand.REASON_OPTION, "Lighting rig is late @everyone")
                .by(ShowcallOnStub.PRODUCER).in(ShowcallOnStub.TIMELINE)).awaitResponse(Duration.ofSeconds(5));

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.message().content()).contains("Delayed by 30 min").contains("2 people are being told");
        await("Cleo's notice", () -> bot.stub.dms(CLEO).size() >= 1 && bot.stub.dms(ANYA).size() >= 1);
        StubMessage notice = bot.stub.dms(CLEO).get(0);
        assertThat(notice.content()).contains("moved from <t:" + at(12).getEpochSecond() + ":t> to <t:"
                + at(12).plus(Duration.ofMinutes(30)).getEpochSecond() + ":t>").contains("Lighting rig is late");
        assertThat(notice.pingsAnyone()).isFalse();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), at(16)).toMillis()));
        assertThat(bot.stub.dms(CLEO)).as("her call moved half an hour: not sent now").hasSize(1);
        assertThat(bot.stub.dms(ANYA)).hasSize(1);
        assertThat(bot.stub.dms(AISHA)).as("calls already made are not made again").hasSize(2);
        assertThat(inCalls("**Dressers**")).isEmpty();
        assertThat(events(EventKind.DELAY)).singleElement()
                .satisfies(e -> assertThat(e.actorUserId()).hasValue(ShowcallOnStub.PRODUCER));
    }

    @Test
    @DisplayName("/delay is for producers only, and refuses a delay that would move a call into the past")
    void delayRefusals() throws InterruptedException {
        InteractionResponse notProducer = bot.stub.slash(SlashCommandInvocation.of(DelayCommand.NAME)
                .option(DelayCommand.MINUTES_OPTION, 30L).option(DelayCommand.REASON_OPTION, "no")
                .by(AISHA).in(ShowcallOnStub.TIMELINE)).awaitResponse(Duration.ofSeconds(5));
        InteractionResponse intoThePast = bot.stub.slash(SlashCommandInvocation.of(DelayCommand.NAME)
                .option(DelayCommand.MINUTES_OPTION, -5L).option(DelayCommand.REASON_OPTION, "early")
                .by(ShowcallOnStub.PRODUCER).in(ShowcallOnStub.TIMELINE)).awaitResponse(Duration.ofSeconds(5));

        assertThat(notProducer.message().content()).contains("Only producers");
        assertThat(intoThePast.message().content()).contains("into the past").contains("Nothing was changed");
        assertThat(events(EventKind.DELAY)).isEmpty();
    }

    @Test
    @DisplayName("alerts producers once about someone reminded who has not confirmed, and not about who has")
    void unconfirmedAlert() throws InterruptedException {
        await("Aisha's reminder", () -> !bot.stub.dms(AISHA).isEmpty());
        click(bot.stub.dms(AISHA).get(0).customIds().get(0), bot.stub.dms(AISHA).get(0));

        await("the alert", () -> !unconfirmedAlerts().isEmpty());
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), at(7)).toMillis()));

        assertThat(unconfirmedAlerts()).singleElement()
                .satisfies(e -> assertThat(e.text()).startsWith("Ben (Hair) has not confirmed"));
    }

    @Test
    @DisplayName("alerts PR once, mentioning their role, about a model not arrived by her call plus the grace")
    void lateModelAlert() throws InterruptedException {
        InteractionResponse early = bot.stub.slash(SlashCommandInvocation.of("arrived").option("model", "Bea Moss")
                .by(ShowcallOnStub.PRODUCER).in(ShowcallOnStub.TIMELINE)).awaitResponse(Duration.ofSeconds(5));
        assertThat(early.message().content()).contains("Bea Moss").contains("arrived");

        await("the late alert", () -> !events(EventKind.LATE).isEmpty());
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), at(18)).toMillis()));

        assertThat(events(EventKind.LATE)).singleElement().satisfies(e -> assertThat(e.text())
                .startsWith("<@&" + ShowcallOnStub.PR_ROLE + "> Anya Petrova is late"));
        assertThat(calls(Optional.empty()).message().embeds().get(0).path("description").asText())
                .contains("Anya Petrova — ⚠️ late, not marked arrived").contains("Bea Moss — here");
    }

    @Test
    @DisplayName("/calls shows producers each person's state, and filters who has not confirmed")
    void callsCommand() throws InterruptedException {
        await("the hair call recorded", () -> callSent("crew:hair:" + AISHA) && callSent("crew:hair:" + BEN));
        click(bot.stub.dms(AISHA).get(1).customIds().get(0), bot.stub.dms(AISHA).get(1));

        InteractionResponse all = calls(Optional.empty());
        InteractionResponse notConfirmed = calls(Optional.of(CallsCommand.NOT_CONFIRMED));
        InteractionResponse refused = bot.stub.slash(SlashCommandInvocation.of(CallsCommand.NAME)
                .by(AISHA).in(ShowcallOnStub.TIMELINE)).awaitResponse(Duration.ofSeconds(5));

        assertThat(all.ephemeral()).isTrue();
        String sheet = all.message().embeds().get(0).path("description").asText();
        assertThat(sheet).contains("Aisha — on the way").contains("Ben — called, no answer yet")
                .contains("Cleo — not yet called").contains("Bea Moss — no Discord: PR marks her in");
        String pending = notConfirmed.message().embeds().get(0).path("description").asText();
        assertThat(pending).contains("Ben").contains("Cleo").doesNotContain("Aisha");
        assertThat(refused.message().content()).contains("Only producers");
    }

    private InteractionResponse calls(Optional<String> filter) {
        SlashCommandInvocation invocation = SlashCommandInvocation.of(CallsCommand.NAME)
                .by(ShowcallOnStub.PRODUCER).in(ShowcallOnStub.TIMELINE);
        filter.ifPresent(f -> invocation.option(CallsCommand.FILTER_OPTION, f));
        return bot.stub.slash(invocation).awaitResponse(Duration.ofSeconds(5));
    }

    private List<TimelineEvent> unconfirmedAlerts() {
        return events(EventKind.ALERT).stream().filter(e -> e.text().contains("has not confirmed")).toList();
    }

    private InteractionResponse click(String customId, StubMessage on) {
        return bot.stub.click(ButtonClick.of(customId).on(on.id()).by(AISHA)).awaitResponse(Duration.ofSeconds(5));
    }

    private Optional<Confirmation> confirmation() {
        return bot.database().inTransaction(c -> new ConfirmationRepository().find(c, SHOW, "crew:hair:" + AISHA));
    }
}

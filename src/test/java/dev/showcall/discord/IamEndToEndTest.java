package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.CALLS;
import static dev.showcall.discord.ShowcallOnStub.GUILD;
import static dev.showcall.discord.ShowcallOnStub.LOBBY;
import static dev.showcall.discord.ShowcallOnStub.PR;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER_ROLE;
import static dev.showcall.discord.ShowcallOnStub.PR_ROLE;
import static dev.showcall.discord.ShowcallOnStub.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.discord.commands.ArrivedCommand;
import dev.showcall.discord.commands.IamCommand;
import dev.showcall.discord.commands.LookCommand;
import dev.showcall.discord.stub.AutocompleteInvocation;
import dev.showcall.discord.stub.ButtonClick;
import dev.showcall.discord.stub.InteractionHandle;
import dev.showcall.discord.stub.InteractionResponse;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.discord.stub.StubMessage;
import dev.showcall.roster.LinkClaim;
import dev.showcall.show.Call;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.LinkClaimRepository;
import dev.showcall.store.LinkRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("/iam, end to end with the real JDA client against the Discord stub")
class IamEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SHOW = "iam-show";
    /** On the server as "siobhan"; the show file names her "@siobhan.kelly", which nobody there has. */
    private static final long SIOBHAN = 1190000000000000141L;
    private static final long STRANGER = 1190000000000000142L;
    private static final String SIOBHAN_KEY = "@siobhan.kelly";
    private static final String SIOBHAN_LINE = "Siobhan Kelly (Hair)";
    private static final String HAIR_CALL = "crew:hair:" + SIOBHAN_KEY;
    /** Hair's call once the file is edited for it to come: soon, but after showcall has started again. */
    private static final Duration HAIR_CALL_SOON = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private ShowcallOnStub bot;

    /** Hair is called at {@code hairCall}, everything else hours later. */
    private static String showYaml(Instant hairCall) {
        Instant start = hairCall.plus(Duration.ofHours(3));
        return """
                id: %s
                name: Iam Show
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
                    call: 1h
                    members:
                      - { user: "%d", name: Pat Reyes }
                  - id: hair
                    name: Hair
                    call: %s
                    reminders: []
                    members:
                      - { user: "%s", name: Siobhan Kelly }
                models:
                  - name: Anya Petrova
                model-calls:
                  chairs: 6
                  prep: 45m
                looks:
                  - { number: 1, model: Anya Petrova, description: Coat }
                """.formatted(SHOW, local(start), GUILD, TIMELINE, CALLS, PRODUCER_ROLE, PR_ROLE, PR, local(hairCall),
                SIOBHAN_KEY);
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC).toString();
    }

    private static StubGuild guild() {
        return StubGuild.builder(GUILD, "Backstage")
                .role(PRODUCER_ROLE, "Producers", 0)
                .role(PR_ROLE, "PR", 0)
                .textChannel(TIMELINE, "timeline")
                .textChannel(CALLS, "calls")
                .textChannel(LOBBY, "lobby")
                .member(PRODUCER, "producer", PRODUCER_ROLE)
                .member(PR, "pr-lead", PR_ROLE)
                .member(SIOBHAN, "siobhan")
                .member(STRANGER, "stranger")
                .build();
    }

    /** Hair's call hours away: nothing fires while the test runs but what it makes. */
    private void startWithHairLater() {
        bot = ShowcallOnStub.start(dir, new MutableClock(), guild(), showYaml(Instant.now().plus(Duration.ofHours(2))));
    }

    @AfterEach
    void everyRequestKeptDiscordsRules() {
        if (bot == null) {
            return;
        }
        try {
            assertThat(bot.stub.violations()).as("requests that break Discord's limits or schemas").isEmpty();
        } finally {
            bot.close();
        }
    }

    private InteractionResponse iam(String value, long by) {
        return bot.stub.slash(SlashCommandInvocation.of(IamCommand.NAME).option(IamCommand.NAME_OPTION, value)
                .by(by).in(LOBBY)).awaitResponse(WAIT);
    }

    private InteractionResponse look(long by) {
        return bot.stub.slash(SlashCommandInvocation.of(LookCommand.NAME).option(LookCommand.LOOK_OPTION, 1)
                .option(LookCommand.STEP_OPTION, "hair").by(by).in(TIMELINE)).awaitResponse(WAIT);
    }

    private InteractionHandle click(StubMessage ask, String prefix, long by) {
        String id = ask.customIds().stream().filter(i -> i.startsWith(prefix + ":")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " button on " + ask.content()));
        return bot.stub.click(ButtonClick.of(id).on(ask.id()).by(by));
    }

    /** The producers' messages with the buttons of a claim, as the timeline channel holds them now. */
    private List<StubMessage> asks() {
        return bot.stub.messages(TIMELINE).stream()
                .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith(ClaimMessages.APPROVE + ":")))
                .toList();
    }

    private StubMessage awaitAsk() throws InterruptedException {
        await("the producers' message", () -> asks().size() == 1);
        return asks().get(0);
    }

    private Map<String, Long> links() {
        return bot.database().inTransaction(c -> new LinkRepository().forShow(c, SHOW));
    }

    private List<LinkClaim> claims() {
        return bot.database().inTransaction(c -> new LinkClaimRepository().forShow(c, SHOW));
    }

    private List<StubMessage> dmsContaining(long user, String text) {
        return bot.stub.dms(user).stream().filter(m -> m.content().contains(text)).toList();
    }

    private boolean told(LinkClaim claim) {
        return bot.database().inTransaction(c -> new CallPingRepository().find(c, SHOW, "user:" + claim.userId(),
                CallPing.claim(claim.id()))).map(CallPing::isSent).orElse(false);
    }

    private Optional<CallPing> hairCall() {
        return bot.database().inTransaction(c -> new CallPingRepository().find(c, SHOW, HAIR_CALL, CallPing.CALL));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(25);
        }
    }

    @Test
    @DisplayName("approved: one click of a producer decides it, the line is linked to her, she is told by DM, /look lets"
            + " her in and her next call comes to her by DM; others' clicks and a second click change nothing")
    void approved() throws Exception {
        startWithHairLater();
        bot.stub.slash(SlashCommandInvocation.of(ArrivedCommand.NAME).option(ArrivedCommand.MODEL_OPTION, "Anya Petrova")
                .by(PR).in(TIMELINE)).awaitResponse(WAIT);
        assertThat(look(SIOBHAN).message().content()).as("before her claim").contains("Only the crew");

        // when she claims her line, chosen from the list
        InteractionResponse claimed = iam(Call.ref(SIOBHAN_KEY), SIOBHAN);

        // then she is told the producers were asked, and they are, in a message that pings nobody
        assertThat(claimed.ephemeral()).isTrue();
        assertThat(claimed.message().content()).startsWith("🙋 Asked the producers to confirm you are **"
                + SIOBHAN_LINE + "** on **Iam Show**");
        StubMessage ask = awaitAsk();
        assertThat(ask.content()).startsWith("🙋 <@" + SIOBHAN + "> says they are **" + SIOBHAN_LINE + "**")
                .contains("Nobody is linked to this line yet.");
        assertThat(ask.pingsAnyone()).isFalse();
        assertThat(ask.customIds()).hasSize(2);

        // and someone who is not a producer cannot decide it
        InteractionResponse byStranger = click(ask, ClaimMessages.APPROVE, STRANGER).awaitResponse(WAIT);
        assertThat(byStranger.ephemeral()).isTrue();
        assertThat(byStranger.message().content()).contains("Only producers");
        assertThat(claims()).singleElement().satisfies(c -> assertThat(c.isPending()).isTrue());

        // when the producer clicks Approve twice, the second click before the first is answered
        InteractionHandle first = click(ask, ClaimMessages.APPROVE, PRODUCER);
        InteractionHandle second = click(ask, ClaimMessages.APPROVE, PRODUCER);
        List<InteractionResponse> answers = List.of(first.awaitResponse(WAIT), second.awaitResponse(WAIT));

        // then it is decided once: the message says who approved it, and the other click is told apart
        assertThat(answers).filteredOn(a -> a.callbackType() == InteractionResponse.CHANNEL_MESSAGE_WITH_SOURCE)
                .singleElement().satisfies(a -> {
                    assertThat(a.ephemeral()).isTrue();
                    assertThat(a.message().content()).contains("was already approved by <@" + PRODUCER + ">");
                });
        assertThat(bot.stub.message(ask.id()).orElseThrow()).satisfies(m -> {
            assertThat(m.content()).isEqualTo("✅ Approved by <@" + PRODUCER + ">: <@" + SIOBHAN + "> is **"
                    + SIOBHAN_LINE + "**.");
            assertThat(m.customIds()).isEmpty();
            assertThat(m.pingsAnyone()).isFalse();
        });
        assertThat(links()).isEqualTo(Map.of(SIOBHAN_KEY, SIOBHAN));
        assertThat(claims()).singleElement().satisfies(c -> assertThat(c.decidedBy()).hasValue(PRODUCER));

        // and she is told by DM, once, and the log says who linked her and how
        await("her answer", () -> !dmsContaining(SIOBHAN, "a producer confirmed").isEmpty());
        assertThat(dmsContaining(SIOBHAN, "a producer confirmed")).singleElement().satisfies(m ->
                assertThat(m.content()).contains("**" + SIOBHAN_LINE + "**"));
        await("the log line", () -> bot.stub.messages(TIMELINE).stream().anyMatch(m -> m.content()
                .contains(SIOBHAN_LINE + " linked to <@" + SIOBHAN + ">: claimed with /iam, approved by <@" + PRODUCER
                        + ">")));

        // and /look lets her in as one of Hair
        assertThat(look(SIOBHAN).message().content()).startsWith("✅ Look 1");

        // and her call, when it comes (the file edited for it to come now, read by the next start), is a DM to her
        bot.stopShowcall();
        Files.writeString(dir.resolve("show.yaml"), showYaml(Instant.now().plus(HAIR_CALL_SOON)));
        bot.startShowcall();
        await("her call", () -> hairCall().flatMap(CallPing::outcome).isPresent());
        assertThat(hairCall().flatMap(CallPing::outcome)).contains(PingOutcome.DM);
        assertThat(bot.stub.dms(SIOBHAN)).anySatisfy(m -> assertThat(m.embeds()).isNotEmpty());
        assertThat(bot.stub.messages(CALLS)).noneSatisfy(m -> assertThat(m.content()).contains("Siobhan Kelly"));
        assertThat(dmsContaining(SIOBHAN, "a producer confirmed")).hasSize(1);
    }

    @Test
    @DisplayName("refused: nothing is linked, the claimant is told, and is never shown who the line is on")
    void refused() throws Exception {
        startWithHairLater();

        // when a stranger claims the line of PR's lead, which the show file gives by id
        InteractionResponse claimed = iam(Call.ref(String.valueOf(PR)), STRANGER);

        // then producers see who the line is on, and the stranger does not
        assertThat(claimed.message().content()).startsWith("🙋 Asked the producers to confirm you are **Pat Reyes (PR)**")
                .doesNotContain(String.valueOf(PR));
        StubMessage ask = awaitAsk();
        assertThat(ask.content()).contains("This line is now <@" + PR + ">, as the show file gives it.");
        assertThat(ask.pingsAnyone()).isFalse();

        // when a producer refuses it
        InteractionResponse refused = click(ask, ClaimMessages.REFUSE, PRODUCER).awaitResponse(WAIT);

        // then the message says so, without buttons, nothing is linked, and the stranger is told by DM
        assertThat(refused.callbackType()).isEqualTo(InteractionResponse.UPDATE_MESSAGE);
        assertThat(bot.stub.message(ask.id()).orElseThrow()).satisfies(m -> {
            assertThat(m.content()).startsWith("❌ Refused by <@" + PRODUCER + ">: <@" + STRANGER + "> said they are")
                    .endsWith("; nothing was linked.");
            assertThat(m.customIds()).isEmpty();
        });
        assertThat(links()).isEmpty();
        await("the stranger's answer", () -> !dmsContaining(STRANGER, "did not confirm").isEmpty());
        assertThat(bot.stub.dms(STRANGER)).singleElement().satisfies(m ->
                assertThat(m.content()).doesNotContain(String.valueOf(PR)));
        assertThat(look(STRANGER).message().content()).contains("Only the crew");

        // and an Approve clicked later, as another producer's screen still shows it, is told who refused
        InteractionResponse late = bot.stub.click(ButtonClick.of(ClaimMessages.approveId(claims().get(0).id()))
                .on(bot.stub.postedEarlierByBot(TIMELINE, "stale", ClaimMessages.approveId(claims().get(0).id())).id())
                .by(PRODUCER)).awaitResponse(WAIT);
        assertThat(late.message().content()).contains("was already refused by <@" + PRODUCER + ">");
        assertThat(links()).isEmpty();
    }

    @Test
    @DisplayName("her line already hers, or claimed and still waiting, asks nobody again; an unknown name gets the"
            + " closest ones")
    void askedOnce() throws Exception {
        startWithHairLater();

        InteractionResponse first = iam("siobhan kelly", SIOBHAN);
        StubMessage ask = awaitAsk();
        InteractionResponse again = iam(Call.ref(SIOBHAN_KEY), SIOBHAN);
        InteractionResponse unknown = iam("Siobhan Kely", STRANGER);
        InteractionResponse own = iam(Call.ref(String.valueOf(PR)), PR);

        assertThat(first.message().content()).startsWith("🙋 Asked the producers");
        assertThat(again.message().content()).contains("You asked to be **" + SIOBHAN_LINE + "**")
                .contains("already");
        assertThat(unknown.message().content()).contains("Nobody called “Siobhan Kely” is on the roster")
                .contains("Did you mean **Siobhan Kelly**?");
        assertThat(own.message().content()).contains("already: nothing to confirm");
        Thread.sleep(200);
        assertThat(asks()).containsExactly(ask);
        assertThat(claims()).hasSize(1);
    }

    @Test
    @DisplayName("autocomplete offers the roster's people, those not linked first, and sends the line's ref")
    void autocomplete() {
        startWithHairLater();

        InteractionResponse blank = bot.stub.autocomplete(AutocompleteInvocation.of(IamCommand.NAME)
                .typing(IamCommand.NAME_OPTION, "").by(SIOBHAN).in(LOBBY)).awaitResponse(WAIT);
        InteractionResponse typed = bot.stub.autocomplete(AutocompleteInvocation.of(IamCommand.NAME)
                .typing(IamCommand.NAME_OPTION, "sio").by(SIOBHAN).in(LOBBY)).awaitResponse(WAIT);

        assertThat(blank.choices()).extracting(InteractionResponse.Choice::name)
                .containsExactly(SIOBHAN_LINE, "Anya Petrova (Model)", "Pat Reyes (PR)");
        assertThat(typed.choices()).first().satisfies(c -> {
            assertThat(c.name()).isEqualTo(SIOBHAN_LINE);
            assertThat(c.value().asText()).isEqualTo(Call.ref(SIOBHAN_KEY));
        });
    }

    @Test
    @DisplayName("after a crash, a claim not yet before the producers is posted at the next start, and a decided one"
            + " not yet told is told, each once")
    void resumedAfterACrash() throws Exception {
        startWithHairLater();
        bot.stopShowcall();
        Instant now = Instant.now();

        // given a claim kept but not posted, and one refused whose claimant was not told, as a crash leaves them
        bot.startShowcallWith(database -> database.runInTransaction(c -> {
            LinkClaimRepository repository = new LinkClaimRepository();
            repository.add(c, SHOW, SIOBHAN_KEY, SIOBHAN_LINE, SIOBHAN, now);
            LinkClaim refused = repository.add(c, SHOW, SIOBHAN_KEY, SIOBHAN_LINE, STRANGER, now);
            repository.decide(c, refused.id(), LinkClaim.Status.REFUSED, PRODUCER, now);
        }));

        // then the start posts the first and tells the stranger
        StubMessage ask = awaitAsk();
        assertThat(ask.content()).contains("<@" + SIOBHAN + "> says they are");
        await("the stranger's answer", () -> !dmsContaining(STRANGER, "did not confirm").isEmpty());
        await("the answer recorded", () -> told(claims().get(1)));
        await("the message recorded", () -> claims().get(0).messageId().isPresent());
        assertThat(claims().get(0).messageId()).hasValue(ask.id());

        // and the next start does neither again
        bot.stopShowcall();
        bot.startShowcall();
        Thread.sleep(300);
        assertThat(asks()).containsExactly(ask);
        assertThat(dmsContaining(STRANGER, "did not confirm")).hasSize(1);
    }
}

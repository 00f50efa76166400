package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.CALLS;
import static dev.showcall.discord.ShowcallOnStub.GUILD;
import static dev.showcall.discord.ShowcallOnStub.PR;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER_ROLE;
import static dev.showcall.discord.ShowcallOnStub.PR_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.discord.commands.CallsCommand;
import dev.showcall.discord.commands.LinkCommand;
import dev.showcall.discord.commands.UnlinkCommand;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.InteractionResponse;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.discord.stub.StubMessage;
import dev.showcall.store.LinkRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("People by Discord username, /link and role holders, end to end with the real JDA client against the stub")
class UsernamesEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final long TIMELINE = 1190000000000000002L;
    private static final long RUNNER_ROLE = 1190000000000000006L;
    private static final long SIOBHAN = 1190000000000000301L;
    private static final long MARCO = 1190000000000000302L;
    private static final long NIA = 1190000000000000303L;
    private static final long BEN = 1190000000000000304L;
    private static final long ADA = 1190000000000000305L;
    private static final long ANYA = 1190000000000000306L;
    private static final long LATECOMER = 1190000000000000307L;
    /** Every call of the show comes this long after the test starts: time to start showcall and to /link. */
    private static final Duration CALLED_AFTER = Duration.ofSeconds(9);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private Instant calledAt;
    private ShowcallOnStub bot;

    @AfterEach
    void stop() {
        try {
            assertThat(bot.stub.violations()).as("requests that break Discord's limits or schemas").isEmpty();
        } finally {
            bot.close();
        }
    }

    /** The crew's server: Siobhan and Marco by username, Nia under a username the show file does not know. */
    private static StubGuild guild() {
        return StubGuild.builder(GUILD, "Backstage")
                .role(PRODUCER_ROLE, "Producers", 0)
                .role(PR_ROLE, "PR", 0)
                .role(RUNNER_ROLE, "Runner", 0)
                .textChannel(TIMELINE, "timeline")
                .textChannel(CALLS, "calls")
                .member(PRODUCER, "producer", PRODUCER_ROLE)
                .member(PR, "pr-lead", PR_ROLE)
                .member(SIOBHAN, "siobhan.kelly")
                .member(MARCO, "marco_b")
                .member(NIA, "nia.g")
                .member(BEN, "ben.a", RUNNER_ROLE)
                .member(ADA, "ada.r", RUNNER_ROLE)
                .member(ANYA, "anya.p")
                .member(LATECOMER, "late.comer")
                .build();
    }

    /** Hair (two usernames and one nobody has), runners by role, a model by username: all called at once. */
    private String showYaml() {
        Instant start = calledAt.plus(Duration.ofHours(1));
        return """
                id: username-show
                name: Username Show
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
                    call: 1h
                    members:
                      - { user: "@siobhan.kelly", name: Siobhan Kelly }
                      - "@marco_b"
                      - { user: "@nia.ghost", name: Nia Ghost }
                    lead: "@siobhan.kelly"
                  - id: runners
                    name: Runners
                    call: 1h
                    role: "%d"
                models:
                  - { name: Anya Petrova, user: "@anya.p", call: 1h }
                model-calls:
                  chairs: 1
                  prep: 5m
                looks:
                  - { number: 1, model: Anya Petrova, description: Coat }
                """.formatted(LocalDateTime.ofInstant(start, ZoneOffset.UTC), GUILD, TIMELINE, CALLS, PRODUCER_ROLE,
                PR_ROLE, RUNNER_ROLE);
    }

    private void start(DiscordStub stub) {
        bot = ShowcallOnStub.start(dir, clock, stub, showYaml());
    }

    private void startWithMemberList() {
        calledAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(CALLED_AFTER);
        start(DiscordStub.start(guild()));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(25);
        }
    }

    private List<StubMessage> callsChannelSaying(String text) {
        return bot.stub.messages(CALLS).stream().filter(m -> m.content().contains(text)).toList();
    }

    private java.util.Map<String, Long> links() {
        return bot.database().inTransaction(c -> new LinkRepository().forShow(c, "username-show"));
    }

    private InteractionResponse slash(SlashCommandInvocation invocation) {
        return bot.stub.slash(invocation.in(TIMELINE)).awaitResponse(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("finds the accounts the show file gives by username and calls each of them by DM")
    void usernamesDmTheRightAccounts() throws InterruptedException {
        // given a show whose hair crew and model are given by username
        startWithMemberList();

        // when their call comes
        await("Siobhan's, Marco's and Anya's calls", () -> !bot.stub.dms(SIOBHAN).isEmpty()
                && !bot.stub.dms(MARCO).isEmpty() && !bot.stub.dms(ANYA).isEmpty());

        // then each has exactly their own call, and nobody else got one
        assertThat(bot.stub.dms(SIOBHAN)).hasSize(1);
        assertThat(bot.stub.dms(MARCO)).hasSize(1);
        assertThat(bot.stub.dms(ANYA)).hasSize(1);
        assertThat(bot.stub.dms(NIA)).isEmpty();
        assertThat(bot.stub.dms(LATECOMER)).isEmpty();
    }

    @Test
    @DisplayName("calls someone whose username nobody on the server has by name in the calls channel, and /calls lists them as not linked")
    void unknownUsernameCalledByName() throws InterruptedException {
        // given Nia Ghost, given as @nia.ghost, which nobody on the server is
        startWithMemberList();

        // when producers look at /calls before her call
        InteractionResponse calls = slash(SlashCommandInvocation.of(CallsCommand.NAME).by(PRODUCER));

        // then she is listed as not linked
        assertThat(calls.message().content()).contains("1 person is not linked");
        assertThat(calls.message().json().toString()).contains("Nia Ghost").contains("not linked (@nia.ghost)");

        // and when her call comes she is called by name in the calls channel, pinging nobody
        await("Nia's call by name", () -> !callsChannelSaying("Nia Ghost").isEmpty());
        StubMessage byName = callsChannelSaying("Nia Ghost").get(0);
        assertThat(byName.content()).contains("Not linked on Discord").contains("/link");
        assertThat(byName.json().path("allowed_mentions").path("users")).isEmpty();
        Thread.sleep(1_000);
        assertThat(callsChannelSaying("Nia Ghost")).as("called once").hasSize(1);
    }

    @Test
    @DisplayName("/link by a producer makes the next ping a DM to the linked account, and survives a restart")
    void linkThenDm() throws InterruptedException {
        // given Nia Ghost not linked
        startWithMemberList();

        // when a producer links her to @nia.g before her call
        InteractionResponse linked = slash(SlashCommandInvocation.of(LinkCommand.NAME)
                .option(LinkCommand.PERSON_OPTION, "Nia Ghost").option(LinkCommand.MEMBER_OPTION, Long.toString(NIA))
                .by(PRODUCER));

        // then she is linked, and her call is a DM to her, not a line in the calls channel
        assertThat(linked.ephemeral()).isTrue();
        assertThat(linked.message().content()).contains("Nia Ghost").contains("<@" + NIA + ">");
        assertThat(links()).containsEntry("@nia.ghost", NIA);
        await("Nia's call by DM", () -> !bot.stub.dms(NIA).isEmpty());
        assertThat(callsChannelSaying("Nia Ghost")).isEmpty();

        // and after a restart the link is still there, /calls no longer lists her as not linked
        bot.stopShowcall();
        bot.startShowcall();
        InteractionResponse calls = slash(SlashCommandInvocation.of(CallsCommand.NAME).by(PRODUCER));
        assertThat(calls.message().content()).doesNotContain("not linked");
        assertThat(bot.stub.dms(NIA)).as("her call is not sent again").hasSize(1);
    }

    @Test
    @DisplayName("/link and /unlink are for producers only, and /unlink takes a link back")
    void linkRefusedAndUndone() {
        // given the show running
        startWithMemberList();

        // when PR tries to link, then a producer links and unlinks
        InteractionResponse byPr = slash(SlashCommandInvocation.of(LinkCommand.NAME)
                .option(LinkCommand.PERSON_OPTION, "Nia Ghost").option(LinkCommand.MEMBER_OPTION, Long.toString(NIA))
                .by(PR));
        slash(SlashCommandInvocation.of(LinkCommand.NAME).option(LinkCommand.PERSON_OPTION, "Nia Ghost")
                .option(LinkCommand.MEMBER_OPTION, Long.toString(NIA)).by(PRODUCER));
        InteractionResponse unlinked = slash(SlashCommandInvocation.of(UnlinkCommand.NAME)
                .option(UnlinkCommand.PERSON_OPTION, "Nia Ghost").by(PRODUCER));
        InteractionResponse unknown = slash(SlashCommandInvocation.of(UnlinkCommand.NAME)
                .option(UnlinkCommand.PERSON_OPTION, "Nobody Atall").by(PRODUCER));

        // then PR is refused, the link is gone, and a name nobody has is answered clearly
        assertThat(byPr.message().content()).contains("Only producers");
        assertThat(unlinked.message().content()).contains("no longer linked").contains("called by name");
        assertThat(links()).isEmpty();
        assertThat(unknown.message().content()).contains("Nobody named").contains("Nothing was changed");
    }

    @Test
    @DisplayName("calls every holder of a department's role by DM, including one given the role on the day")
    void roleHoldersCalledInPerson() throws InterruptedException {
        // given the runners called through their role, Ben and Ada holding it
        startWithMemberList();

        // when someone is given the role before the call
        assertThat(bot.stub.setRoles(GUILD, LATECOMER, RUNNER_ROLE)).isTrue();

        // then each holder gets their own call by DM, once, and the role is still mentioned in the calls channel
        await("the runners' calls", () -> !bot.stub.dms(BEN).isEmpty() && !bot.stub.dms(ADA).isEmpty()
                && !bot.stub.dms(LATECOMER).isEmpty());
        assertThat(bot.stub.dms(BEN)).hasSize(1);
        assertThat(bot.stub.dms(ADA)).hasSize(1);
        assertThat(bot.stub.dms(LATECOMER)).hasSize(1);
        await("the runners' announcement", () -> !callsChannelSaying("<@&" + RUNNER_ROLE + ">").isEmpty());
        InteractionResponse calls = slash(SlashCommandInvocation.of(CallsCommand.NAME).by(PRODUCER)
                .option(CallsCommand.DEPARTMENT_OPTION, "Runners"));
        assertThat(calls.message().json().toString()).contains("ben.a").contains("ada.r").contains("late.comer");
    }

    @Test
    @DisplayName("runs without the Server Members intent: people given by id are called by DM, usernames by name")
    void withoutTheMemberIntent() throws InterruptedException {
        // given an application whose Server Members intent is off in the developer portal
        calledAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(CALLED_AFTER);
        start(DiscordStub.builder(guild()).serverMembersIntent(false).start());

        // when the calls come
        await("Siobhan's call by name", () -> !callsChannelSaying("Siobhan Kelly").isEmpty());

        // then showcall came up anyway; nobody given by username got a DM, and nothing asked for the member list
        assertThat(bot.stub.dms(SIOBHAN)).isEmpty();
        assertThat(bot.stub.gatewayCloseCodes()).contains(4014);
        await("the runners' announcement", () -> !callsChannelSaying("<@&" + RUNNER_ROLE + ">").isEmpty());
        assertThat(bot.stub.dms(BEN)).isEmpty();
    }
}

package dev.showcall.discord;

import static dev.showcall.discord.LooksEndToEndTest.DRESSER;
import static dev.showcall.discord.LooksEndToEndTest.WAIT;
import static dev.showcall.discord.LooksEndToEndTest.ZOE;
import static dev.showcall.discord.ShowcallOnStub.PR;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER;
import static dev.showcall.discord.ShowcallOnStub.SHOW_ID;
import static dev.showcall.discord.ShowcallOnStub.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.Replacement;
import dev.showcall.discord.commands.NoShowCommand;
import dev.showcall.discord.commands.ReplaceCommand;
import dev.showcall.discord.stub.AutocompleteInvocation;
import dev.showcall.discord.stub.InteractionHandle;
import dev.showcall.discord.stub.InteractionResponse;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.discord.stub.StubMessage;
import dev.showcall.store.ReplacementRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("/replace, end to end with the real JDA client against the Discord stub")
class ReplaceEndToEndTest {

    @TempDir
    Path dir;

    private ShowcallOnStub bot;

    @BeforeEach
    void startShowcall() {
        // 17:00 London: before the models' call at 17:30, so Zoe, the standby, has not been called
        bot = ShowcallOnStub.start(dir, Clock.fixed(Instant.parse("2027-02-21T17:00:00Z"), ZoneOffset.UTC),
                LooksEndToEndTest.guild(), LooksEndToEndTest.showYaml());
    }

    @AfterEach
    void stop() {
        try {
            assertThat(bot.stub.violations()).isEmpty();
        } finally {
            bot.close();
        }
    }

    private InteractionResponse replace(long by, String model, String with) {
        return replacing(by, model, with).awaitResponse(WAIT);
    }

    private InteractionHandle replacing(long by, String model, String with) {
        InteractionHandle handle = bot.stub.slash(SlashCommandInvocation.of(ReplaceCommand.NAME)
                .option(ReplaceCommand.MODEL_OPTION, model).option(ReplaceCommand.WITH_OPTION, with).by(by).in(TIMELINE));
        handle.awaitResponse(WAIT);
        return handle;
    }

    /** The answer as it was first given, before any edit. */
    private String firstAnswer(InteractionHandle handle) {
        return bot.stub.requestsTo("POST", "interactions/" + handle.id() + "/[^/]+/callback").get(0)
                .body().path("data").path("content").asText();
    }

    /** Waits until the answer, as edited since it was given, satisfies {@code shown}; returns it. */
    private String awaitAnswer(InteractionHandle handle, Predicate<String> shown) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        String answer = handle.response().orElseThrow().message().content();
        while (!shown.test(answer) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            answer = handle.response().orElseThrow().message().content();
        }
        return answer;
    }

    private void noShow(String model) {
        bot.stub.slash(SlashCommandInvocation.of(NoShowCommand.NAME).option(NoShowCommand.MODEL_OPTION, model)
                .by(PR).in(TIMELINE)).awaitResponse(WAIT);
    }

    private List<Replacement> stored() {
        return bot.database().inTransaction(c -> new ReplacementRepository().forShow(c, SHOW_ID));
    }

    private List<TimelineEvent> replacementEvents() {
        List<TimelineEvent> all = bot.database().inTransaction(c -> new TimelineEventRepository().forShow(c, SHOW_ID));
        return all.stream().filter(e -> e.kind() == EventKind.REPLACEMENT).toList();
    }

    private static List<StubMessage> await(Supplier<List<StubMessage>> messages, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (messages.get().size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        return messages.get();
    }

    @Test
    @DisplayName("gives a no-show's looks to the standby, tells the dresser by DM, calls the standby, and says so on the timeline")
    void replacesWithStandby() throws InterruptedException {
        // given Cleo a no-show
        noShow("Cleo Marsh");

        // when PR replaces her with Zoe
        InteractionHandle handle = replacing(PR, "cleo marsh", "Zoe Hart");
        InteractionResponse reply = handle.response().orElseThrow();

        // then Zoe wears look 4, its dresser is told, Zoe is called now and is told her look
        assertThat(reply.ephemeral()).isTrue();
        assertThat(firstAnswer(handle)).contains("**Zoe Hart** replaces **Cleo Marsh** in look 4")
                .contains("📨 Telling by DM: <@" + DRESSER + ">, <@" + ZOE + ">.")
                .contains("Not called yet: calling her now.");
        assertThat(stored()).singleElement().satisfies(r -> {
            assertThat(r.replacedBy()).isEqualTo("Zoe Hart");
            assertThat(r.looks()).containsExactly(4);
            assertThat(r.decidedBy()).isEqualTo(PR);
        });
        assertThat(await(() -> bot.stub.dms(DRESSER), 1)).singleElement()
                .satisfies(m -> assertThat(m.content()).contains("Your look 4 (Red trench) is now worn by Zoe Hart"));
        List<StubMessage> toZoe = await(() -> bot.stub.dms(ZOE), 2);
        assertThat(toZoe).hasSize(2);
        assertThat(toZoe).anySatisfy(m -> assertThat(m.content()).contains("you walk in place of Cleo Marsh: look 4"));
        assertThat(toZoe).anySatisfy(m -> assertThat(m.embeds()).isNotEmpty());
        assertThat(replacementEvents()).singleElement()
                .satisfies(e -> assertThat(e.text()).contains("Zoe Hart replaces Cleo Marsh in look 4"));
        // and once the notices went, the answer says they were told
        assertThat(awaitAnswer(handle, a -> a.contains("Told")))
                .contains("📨 Told by DM: <@" + DRESSER + ">, <@" + ZOE + ">.").doesNotContain("Telling");
    }

    @Test
    @DisplayName("tells a standby whose DMs are closed in the calls channel, and the answer says so once she was told")
    void closedDmsFoundOut() throws InterruptedException {
        // given Cleo a no-show, and Zoe, the standby, accepts no DM; showcall has not tried one yet
        noShow("Cleo Marsh");
        bot.stub.closeDmsOf(ZOE);

        // when PR replaces Cleo with Zoe
        InteractionHandle handle = replacing(PR, "Cleo Marsh", "Zoe Hart");

        // then the answer first says a DM is being tried, claiming nothing delivered
        assertThat(firstAnswer(handle)).contains("📨 Telling by DM: <@" + DRESSER + ">, <@" + ZOE + ">.")
                .doesNotContain("Told");
        // and Zoe is told in the calls channel, and the answer is changed to say so
        assertThat(awaitAnswer(handle, a -> a.contains("<@" + ZOE + ">") && a.contains("Told in the calls channel")))
                .contains("📨 Told by DM: <@" + DRESSER + ">.")
                .contains("📣 Told in the calls channel (DMs closed): <@" + ZOE + ">.");
        assertThat(bot.stub.messages(ShowcallOnStub.CALLS)).anySatisfy(m -> {
            assertThat(m.content()).contains("you walk in place of Cleo Marsh");
            assertThat(m.mentionedUserIds()).containsExactly(ZOE);
        });
        assertThat(bot.stub.dms(ZOE)).isEmpty();
    }

    @Test
    @DisplayName("says at once that a standby whose DMs are known to be closed is being told in the calls channel")
    void closedDmsKnown() throws InterruptedException {
        // given Zoe accepts no DM, and showcall found out when she replaced Cleo
        noShow("Cleo Marsh");
        bot.stub.closeDmsOf(ZOE);
        InteractionHandle first = replacing(PR, "Cleo Marsh", "Zoe Hart");
        awaitAnswer(first, a -> a.contains("Told in the calls channel"));

        // when PR also gives her Bea's look 2
        InteractionHandle handle = replacing(PR, "Bea Lind", "Zoe Hart");

        // then the answer says from the start that she is being told in the calls channel
        assertThat(firstAnswer(handle)).contains("**Zoe Hart** replaces **Bea Lind** in look 2")
                .contains("📣 Telling in the calls channel (DMs closed): <@" + ZOE + ">.")
                .doesNotContain("by DM").doesNotContain("Told");
    }

    @Test
    @DisplayName("sends the notices of a replacement stored just before a crash when showcall starts again")
    void noticesResumeAfterRestart() throws InterruptedException {
        // given a replacement stored, but showcall stopped before any notice was scheduled
        bot.database().runInTransaction(c -> new ReplacementRepository().add(c, new Replacement(Replacement.UNSTORED,
                SHOW_ID, "Cleo Marsh", "Zoe Hart", List.of(4), Instant.parse("2027-02-21T17:00:00Z"), PR)));
        bot.stopShowcall();

        // when showcall starts again
        bot.startShowcall();

        // then the dresser and Zoe are told, once each
        assertThat(await(() -> bot.stub.dms(DRESSER), 1)).singleElement()
                .satisfies(m -> assertThat(m.content()).contains("Your look 4 (Red trench) is now worn by Zoe Hart"));
        assertThat(await(() -> bot.stub.dms(ZOE), 1)).singleElement()
                .satisfies(m -> assertThat(m.content()).contains("you walk in place of Cleo Marsh"));
        bot.stopShowcall();
        bot.startShowcall();
        Thread.sleep(500);
        assertThat(bot.stub.dms(DRESSER)).hasSize(1);
    }

    @Test
    @DisplayName("refuses a model who walks the look just before, with the reason, and changes nothing")
    void refusesBusyModel() {
        InteractionResponse reply = replace(PRODUCER, "Bea Lind", "Anya Petrova");

        assertThat(reply.message().content()).contains("Cannot replace").contains("Anya Petrova already walks a look too close")
                .contains("looks 1 → 2").contains("Nothing was changed");
        assertThat(stored()).isEmpty();
        assertThat(replacementEvents()).isEmpty();
        assertThat(bot.stub.dms(DRESSER)).isEmpty();
    }

    @Test
    @DisplayName("allows a model with a look 90 seconds away, warning of the new quick change")
    void warnsOfQuickChange() {
        InteractionResponse reply = replace(PRODUCER, "Dina Ray", "Anya Petrova");

        assertThat(reply.message().content()).contains("**Anya Petrova** replaces **Dina Ray** in look 5")
                .contains("⚠️ New quick change for Anya Petrova: looks 3 → 5 with 1m30s");
        assertThat(replacementEvents()).singleElement().satisfies(e -> assertThat(e.text()).contains("New quick change"));
    }

    @Test
    @DisplayName("refuses a second replacement of the same model")
    void replacedOnce() {
        replace(PR, "Cleo Marsh", "Zoe Hart");

        InteractionResponse again = replace(PR, "Cleo Marsh", "Dina Ray");

        assertThat(again.message().content()).contains("Cleo Marsh was already replaced by Zoe Hart");
        assertThat(stored()).hasSize(1);
    }

    @Test
    @DisplayName("refuses a member without the PR or producer role")
    void refusesOthers() {
        InteractionResponse reply = replace(DRESSER, "Cleo Marsh", "Zoe Hart");

        assertThat(reply.message().content()).contains("Only PR and producers");
        assertThat(stored()).isEmpty();
    }

    @Test
    @DisplayName("answers a misspelt name with the closest names")
    void unknownName() {
        InteractionResponse reply = replace(PR, "Cleo Marsh", "Zoe Hrat");

        assertThat(reply.message().content()).contains("No model called").contains("Zoe Hart");
        assertThat(stored()).isEmpty();
    }

    @Test
    @DisplayName("offers the standbys first for who replaces")
    void standbysFirst() {
        InteractionResponse reply = bot.stub.autocomplete(AutocompleteInvocation.of(ReplaceCommand.NAME)
                .typing(ReplaceCommand.WITH_OPTION, "").by(PR).in(TIMELINE)).awaitResponse(WAIT);

        assertThat(reply.choices()).extracting(InteractionResponse.Choice::name).first().isEqualTo("Zoe Hart");
    }
}

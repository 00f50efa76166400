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

import dev.showcall.backstage.Lineup;
import dev.showcall.backstage.LookState;
import dev.showcall.discord.commands.ArrivedCommand;
import dev.showcall.discord.commands.LineupCommand;
import dev.showcall.discord.commands.LookCommand;
import dev.showcall.discord.commands.NoShowCommand;
import dev.showcall.discord.commands.WalkedCommand;
import dev.showcall.discord.stub.AutocompleteInvocation;
import dev.showcall.discord.stub.InteractionResponse;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.looks.Lineups;
import dev.showcall.show.Step;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("/look, /walked and /lineup, end to end with the real JDA client against the Discord stub")
class LooksEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final long HAIR_ROLE = 1190000000000000006L;
    static final long HAIRDRESSER = 1190000000000000141L;
    static final long DRESSER = 1190000000000000142L;
    static final long OUTSIDER = 1190000000000000151L;
    static final long ZOE = 1190000000000000161L;

    @TempDir
    Path dir;

    ShowcallOnStub bot;

    /** The crew's server, with a hair team by role, a dresser by name, and someone who is not on the show. */
    static StubGuild guild() {
        return StubGuild.builder(GUILD, "Maison Verre backstage")
                .role(PRODUCER_ROLE, "Producers", 0)
                .role(PR_ROLE, "PR", 0)
                .role(HAIR_ROLE, "Hair", 0)
                .textChannel(TIMELINE, "timeline")
                .textChannel(CALLS, "calls")
                .member(PRODUCER, "producer", PRODUCER_ROLE)
                .member(PR, "pr-lead", PR_ROLE)
                .member(HAIRDRESSER, "hair-one", HAIR_ROLE)
                .member(DRESSER, "dresser-one")
                .member(OUTSIDER, "guest")
                .member(ZOE, "zoe")
                .build();
    }

    /**
     * Five looks of 90 seconds: Anya walks 1 and 3 (a 90-second change), Bea 2, Cleo 4 and Dina 5;
     * Zoe is the standby.
     */
    static String showYaml() {
        return """
                id: %s
                name: Stub Show
                time-zone: Europe/London
                start: 2027-02-21T19:00
                discord:
                  guild: "%d"
                  timeline-channel: "%d"
                  calls-channel: "%d"
                  producer-role: "%d"
                  pr-role: "%d"
                departments:
                  - { id: hair, name: Hair, call: 5h, role: "%d" }
                  - { id: dressers, name: Dressers, call: 3h, members: ["%d"] }
                models:
                  - name: Anya Petrova
                  - name: Bea Lind
                  - name: Cleo Marsh
                  - name: Dina Ray
                  - { name: Zoe Hart, standby: true, user: "%d" }
                model-calls:
                  chairs: 6
                  prep: 45m
                seconds-per-look: 90
                look-steps: [hair, makeup, dressed]
                looks:
                  - { number: 1, model: Anya Petrova, description: Black wool coat, dresser: "%d" }
                  - { number: 2, model: Bea Lind, description: Silver slip dress }
                  - { number: 3, model: Anya Petrova, description: Ivory shirt dress, dresser: "%d" }
                  - { number: 4, model: Cleo Marsh, description: Red trench, dresser: "%d" }
                  - { number: 5, model: Dina Ray, description: Grey knit }
                """.formatted(SHOW_ID, GUILD, TIMELINE, CALLS, PRODUCER_ROLE, PR_ROLE, HAIR_ROLE, DRESSER, ZOE,
                DRESSER, DRESSER, DRESSER);
    }

    @BeforeEach
    void startShowcall() {
        bot = ShowcallOnStub.start(dir, Clock.fixed(Instant.parse("2027-02-21T17:40:00Z"), ZoneOffset.UTC), guild(),
                showYaml());
    }

    @AfterEach
    void stop() {
        try {
            assertThat(bot.stub.violations()).isEmpty();
        } finally {
            bot.close();
        }
    }

    InteractionResponse slash(SlashCommandInvocation invocation) {
        return bot.stub.slash(invocation.in(TIMELINE)).awaitResponse(WAIT);
    }

    InteractionResponse arrived(String model) {
        return slash(SlashCommandInvocation.of(ArrivedCommand.NAME).option(ArrivedCommand.MODEL_OPTION, model).by(PR));
    }

    InteractionResponse look(long by, int look, Step step) {
        return slash(SlashCommandInvocation.of(LookCommand.NAME).option(LookCommand.LOOK_OPTION, look)
                .option(LookCommand.STEP_OPTION, step.label()).by(by));
    }

    InteractionResponse undoLook(long by, int look, Step step) {
        return slash(SlashCommandInvocation.of(LookCommand.NAME).option(LookCommand.LOOK_OPTION, look)
                .option(LookCommand.STEP_OPTION, step.label()).option(LookCommand.UNDO_OPTION, true).by(by));
    }

    InteractionResponse walked(long by) {
        return slash(SlashCommandInvocation.of(WalkedCommand.NAME).by(by));
    }

    InteractionResponse walked(long by, int look) {
        return slash(SlashCommandInvocation.of(WalkedCommand.NAME).option(WalkedCommand.LOOK_OPTION, look).by(by));
    }

    Lineup lineup() {
        dev.showcall.show.Show show = dev.showcall.show.ShowReader.read("show.yaml", showYaml()).show().orElseThrow();
        return new Lineups(bot.database()).of(new dev.showcall.backstage.PlannedShow(show,
                dev.showcall.show.CallPlanner.plan(show)));
    }

    LookState stateOf(int look) {
        return lineup().look(look).orElseThrow();
    }

    List<TimelineEvent> events(EventKind kind) {
        List<TimelineEvent> all = bot.database().inTransaction(c -> new TimelineEventRepository().forShow(c, SHOW_ID));
        return all.stream().filter(e -> e.kind() == kind).toList();
    }

    /** Every required step of looks 1 and 2 done, so they are ready. */
    void readyLooksOneAndTwo() {
        arrived("Anya Petrova");
        arrived("Bea Lind");
        for (int look : new int[] {1, 2}) {
            look(HAIRDRESSER, look, Step.HAIR);
            look(HAIRDRESSER, look, Step.MAKEUP);
            look(DRESSER, look, Step.DRESSED);
        }
    }

    @Nested
    @DisplayName("/look")
    class Look {

        @Test
        @DisplayName("marks hair on one of a model's looks for all her looks, with one timeline event")
        void hairCountsForAllHerLooks() {
            // given Anya backstage
            arrived("Anya Petrova");

            // when the hair team marks hair on her first look
            InteractionResponse reply = look(HAIRDRESSER, 1, Step.HAIR);

            // then both her looks have hair done, and the timeline says so once
            assertThat(reply.ephemeral()).isTrue();
            assertThat(reply.message().content()).contains("hair done").contains("looks 1, 3")
                    .contains("still needs makeup, dressed");
            assertThat(stateOf(1).done()).contains(Step.HAIR);
            assertThat(stateOf(3).done()).contains(Step.HAIR);
            assertThat(stateOf(2).done()).doesNotContain(Step.HAIR);
            assertThat(events(EventKind.LOOK_STEP)).singleElement().satisfies(e -> {
                assertThat(e.actorUserId()).hasValue(HAIRDRESSER);
                assertThat(e.text()).contains("Anya Petrova").contains("hair done");
            });
        }

        @Test
        @DisplayName("marks dressed on one look only, and says when the look is ready")
        void dressedIsPerLook() {
            // given Anya with hair and makeup done
            arrived("Anya Petrova");
            look(HAIRDRESSER, 1, Step.HAIR);
            look(HAIRDRESSER, 1, Step.MAKEUP);

            // when her dresser marks look 1 dressed
            InteractionResponse reply = look(DRESSER, 1, Step.DRESSED);

            // then look 1 is ready and look 3 is not
            assertThat(reply.message().content()).contains("Look 1 is ready");
            assertThat(stateOf(1).ready()).isTrue();
            assertThat(stateOf(3).ready()).isFalse();
            assertThat(stateOf(3).missing()).containsExactly(Step.DRESSED);
            assertThat(events(EventKind.LOOK_READY)).singleElement()
                    .satisfies(e -> assertThat(e.text()).contains("look 1 ready"));
        }

        @Test
        @DisplayName("refuses a step on a model who has not arrived, and stores nothing")
        void refusedBeforeArrival() {
            InteractionResponse reply = look(HAIRDRESSER, 1, Step.HAIR);

            assertThat(reply.ephemeral()).isTrue();
            assertThat(reply.message().content()).contains("Cannot mark hair on look 1")
                    .contains("Anya Petrova").contains("not marked arrived");
            assertThat(stateOf(1).done()).isEmpty();
            assertThat(events(EventKind.LOOK_STEP)).isEmpty();
        }

        @Test
        @DisplayName("refuses a step on a look that has walked")
        void refusedAfterWalking() {
            // given look 1 out on the runway
            readyLooksOneAndTwo();
            walked(PRODUCER, 1);
            look(HAIRDRESSER, 3, Step.MAKEUP);
            int stepsBefore = events(EventKind.LOOK_STEP).size();

            // when a dresser marks accessories... on the walked look
            InteractionResponse reply = look(DRESSER, 1, Step.DRESSED);

            // then it is refused, with nothing stored
            assertThat(reply.message().content()).contains("Cannot mark dressed on look 1").contains("walked already");
            assertThat(events(EventKind.LOOK_STEP)).hasSize(stepsBefore);
        }

        @Test
        @DisplayName("refuses someone who is not on the show's crew")
        void refusesOutsiders() {
            arrived("Anya Petrova");

            InteractionResponse reply = look(OUTSIDER, 1, Step.HAIR);

            assertThat(reply.message().content()).contains("Only the crew");
            assertThat(stateOf(1).done()).isEmpty();
        }

        @Test
        @DisplayName("does not count a second mark of the same step, and says who marked it first")
        void secondMark() {
            arrived("Anya Petrova");
            look(HAIRDRESSER, 1, Step.HAIR);

            // the same step through her other look
            InteractionResponse second = look(PR, 3, Step.HAIR);

            assertThat(second.message().content()).contains("already marked done")
                    .contains("<@" + HAIRDRESSER + ">").contains("nothing changed");
            assertThat(events(EventKind.LOOK_STEP)).hasSize(1);
        }

        @Test
        @DisplayName("takes a step back with undo:true, for all her looks")
        void undo() {
            arrived("Anya Petrova");
            look(HAIRDRESSER, 1, Step.HAIR);

            InteractionResponse reply = undoLook(HAIRDRESSER, 3, Step.HAIR);

            assertThat(reply.message().content()).contains("Hair taken back");
            assertThat(stateOf(1).done()).doesNotContain(Step.HAIR);
            assertThat(events(EventKind.LOOK_STEP_UNDONE)).singleElement();
            assertThat(undoLook(HAIRDRESSER, 3, Step.HAIR).message().content()).contains("nothing to undo");
        }

        @Test
        @DisplayName("lets only producers declare a look ready")
        void readyIsForProducers() {
            InteractionResponse byCrew = look(DRESSER, 2, Step.READY);
            assertThat(byCrew.message().content()).contains("Only producers");
            assertThat(stateOf(2).ready()).isFalse();

            InteractionResponse byProducer = look(PRODUCER, 2, Step.READY);
            assertThat(byProducer.message().content()).contains("Look 2 is ready");
            assertThat(stateOf(2).ready()).isTrue();
        }

        @Test
        @DisplayName("answers a look number the show does not have")
        void unknownLook() {
            InteractionResponse reply = look(DRESSER, 12, Step.DRESSED);

            assertThat(reply.message().content()).contains("No look 12").contains("1 to 5");
        }

        @Test
        @DisplayName("autocompletes looks as number, model and description, sending the number")
        void autocomplete() {
            InteractionResponse reply = bot.stub.autocomplete(AutocompleteInvocation.of(LookCommand.NAME)
                    .typing(LookCommand.LOOK_OPTION, "ivory").by(DRESSER).in(TIMELINE)).awaitResponse(WAIT);

            assertThat(reply.choices()).first().satisfies(c -> {
                assertThat(c.name()).isEqualTo("3 · Anya Petrova · Ivory shirt dress");
                assertThat(c.value().asLong()).isEqualTo(3);
            });
        }
    }

    @Nested
    @DisplayName("/walked")
    class Walked {

        @Test
        @DisplayName("records the next look going out and warns when the one after is not ready")
        void nextLook() {
            // given looks 1 and 2 ready, look 3 not
            readyLooksOneAndTwo();

            // when looks go out without a number
            InteractionResponse first = walked(PRODUCER);
            InteractionResponse second = walked(PR);

            // then they go out in running order, and the second warns about look 3
            assertThat(first.message().content()).contains("Look 1").contains("is out").contains("Next: look 2")
                    .contains("ready");
            assertThat(second.message().content()).contains("Look 2").contains("Next: look 3")
                    .contains("not ready").contains("missing dressed");
            assertThat(events(EventKind.WALKED)).extracting(TimelineEvent::text).satisfiesExactly(
                    t -> assertThat(t).startsWith("Look 1 is out").contains("Next: look 2 · Bea Lind, ready"),
                    t -> assertThat(t).startsWith("Look 2 is out").contains("⚠️ Next: look 3 · Anya Petrova is NOT ready"));
            assertThat(lineup().out()).hasValueSatisfying(l -> assertThat(l.number()).isEqualTo(2));
            assertThat(lineup().next()).hasValueSatisfying(l -> assertThat(l.number()).isEqualTo(3));
        }

        @Test
        @DisplayName("does not record a look twice, and says when it went out")
        void twice() {
            walked(PRODUCER, 1);

            InteractionResponse again = walked(PR, 1);

            assertThat(again.message().content()).contains("already recorded walking").contains("<@" + PRODUCER + ">");
            assertThat(events(EventKind.WALKED)).hasSize(1);
        }

        @Test
        @DisplayName("refuses crew without the PR or producer role")
        void refusesCrew() {
            InteractionResponse reply = walked(DRESSER);

            assertThat(reply.message().content()).contains("Only PR and producers");
            assertThat(lineup().out()).isEmpty();
        }

        @Test
        @DisplayName("takes a look back with undo:true")
        void undo() {
            walked(PRODUCER, 1);

            InteractionResponse reply = slash(SlashCommandInvocation.of(WalkedCommand.NAME)
                    .option(WalkedCommand.LOOK_OPTION, 1).option(WalkedCommand.UNDO_OPTION, true).by(PRODUCER));

            assertThat(reply.message().content()).contains("no longer recorded as walked");
            assertThat(lineup().next()).hasValueSatisfying(l -> assertThat(l.number()).isEqualTo(1));
        }

        @Test
        @DisplayName("refuses a look whose model is a no-show with nobody in her place")
        void noShowLook() {
            slash(SlashCommandInvocation.of(NoShowCommand.NAME).option(NoShowCommand.MODEL_OPTION, "Cleo Marsh").by(PR));

            InteractionResponse reply = walked(PRODUCER, 4);

            assertThat(reply.message().content()).contains("Cannot record look 4").contains("/replace");
            assertThat(events(EventKind.WALKED)).isEmpty();
        }
    }

    /** A field of the board in the timeline channel, once it is there. */
    java.util.Optional<String> boardField(String name) {
        return bot.stub.messages(TIMELINE).stream().filter(m -> !m.embeds().isEmpty()).findFirst()
                .flatMap(board -> java.util.stream.StreamSupport.stream(board.embeds().get(0).path("fields").spliterator(), false)
                        .filter(f -> f.path("name").asText().equals(name))
                        .map(f -> f.path("value").asText())
                        .findFirst());
    }

    /** Waits until the board's field {@code name} satisfies {@code shown}; fails with what it showed last. */
    String awaitBoardField(String name, java.util.function.Predicate<String> shown) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            java.util.Optional<String> value = boardField(name);
            if (value.isPresent() && shown.test(value.get())) {
                return value.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the board's '" + name + "' did not show what was expected in time; it shows "
                + boardField(name).orElse("nothing"));
    }

    InteractionResponse noShow(String model) {
        return slash(SlashCommandInvocation.of(NoShowCommand.NAME).option(NoShowCommand.MODEL_OPTION, model).by(PR));
    }

    @Nested
    @DisplayName("looks whose model is a no-show nobody replaces")
    class WithoutModel {

        @Test
        @DisplayName("the board names them, and its next look is the first that can walk, not one of them")
        void board() throws InterruptedException {
            // given Anya, who wears looks 1 and 3, is a no-show and nobody replaces her
            noShow("Anya Petrova");

            // when look 2 walks, named
            walked(PRODUCER, 2);

            // then the board's next look is look 4, and it warns of looks 1 and 3
            String next = awaitBoardField("Next look", v -> v.startsWith("**4**"));
            assertThat(next).startsWith("**4** · Cleo Marsh — Red trench");
            assertThat(awaitBoardField("Looks", v -> v.contains("no model")))
                    .contains("⚠️ 2 looks have no model: 1, 3");
            assertThat(events(EventKind.WALKED)).singleElement()
                    .satisfies(e -> assertThat(e.text()).contains("Next: look 4 · Cleo Marsh"));
        }

        @Test
        @DisplayName("/lineup warns of them and starts at the first look that can walk")
        void lineupWarns() {
            // given Anya (looks 1 and 3) is a no-show and nobody replaces her
            noShow("Anya Petrova");

            // when a dresser reads the lineup
            InteractionResponse reply = slash(SlashCommandInvocation.of(LineupCommand.NAME).by(DRESSER));

            // then it warns of looks 1 and 3 and lists from look 2, whose model is missing nothing but her arrival
            var embed = reply.message().embeds().get(0);
            String description = embed.path("description").asText();
            assertThat(description).startsWith("⚠️ 2 looks have no model: 1, 3. They cannot walk")
                    .contains("/replace").contains("`2` ⏳ **Bea Lind**").contains("`3` 🚫 **Anya Petrova**");
            String missing = embed.path("fields").get(1).path("value").asText();
            assertThat(missing).contains("Look 2 · Bea Lind").contains("Look 4 · Cleo Marsh")
                    .doesNotContain("Look 1 ").doesNotContain("Look 3 ");
        }

        @Test
        @DisplayName("/walked without a number passes over them and says which")
        void walkedPassesOver() {
            // given Anya (looks 1 and 3) is a no-show, and look 2 walked
            noShow("Anya Petrova");
            walked(PRODUCER, 2);

            // when the next look walks, without a number
            InteractionResponse reply = walked(PR);

            // then look 4 is out, the reply and the timeline say look 3 was passed over, and look 5 is next
            assertThat(reply.message().content()).startsWith("🚶 Look 4 · **Cleo Marsh** is out.")
                    .contains("⚠️ Passed over look 3: no model (a no-show nobody replaces).")
                    .contains("Next: look 5 · **Dina Ray**");
            assertThat(events(EventKind.WALKED)).last()
                    .satisfies(e -> assertThat(e.text()).contains("Passed over look 3: no model"));
            assertThat(lineup().out()).hasValueSatisfying(l -> assertThat(l.number()).isEqualTo(4));
            assertThat(stateOf(3).walked()).isFalse();
        }

        @Test
        @DisplayName("/walked without a number records nothing when only they are left, and names them")
        void noneCanWalk() {
            // given Cleo (look 4) and Dina (look 5) are no-shows, and looks 1 to 3 walked
            noShow("Cleo Marsh");
            noShow("Dina Ray");
            for (int look = 1; look <= 3; look++) {
                walked(PRODUCER, look);
            }

            // when the next look is said to walk
            InteractionResponse reply = walked(PR);

            // then nothing is recorded, and looks 4 and 5 are named
            assertThat(reply.message().content()).contains("No look can walk next: looks 4, 5 have no model")
                    .contains("/replace").contains("Nothing was recorded");
            assertThat(events(EventKind.WALKED)).hasSize(3).last().satisfies(e -> assertThat(e.text())
                    .endsWith("⚠️ No look can walk next: looks 4, 5 have no model; /replace gives them one."));
        }
    }

    @Nested
    @DisplayName("/lineup")
    class LineupView {

        @Test
        @DisplayName("shows each look's model, dresser and state, the quick changes and what the next looks miss")
        void shows() {
            readyLooksOneAndTwo();

            InteractionResponse reply = slash(SlashCommandInvocation.of(LineupCommand.NAME).by(DRESSER));

            assertThat(reply.ephemeral()).isTrue();
            var embed = reply.message().embeds().get(0);
            String description = embed.path("description").asText();
            assertThat(description).contains("`1` ✅ **Anya Petrova** · Black wool coat · <@" + DRESSER + ">")
                    .contains("`3` ⏳ **Anya Petrova** · Ivory shirt dress · <@" + DRESSER + "> — missing dressed")
                    .contains("`4` ⏳ **Cleo Marsh**").contains("Cleo Marsh not arrived");
            assertThat(embed.path("fields").get(0).path("value").asText()).contains("⚠️ Anya Petrova: looks 1 → 3, 1m30s");
            assertThat(embed.path("fields").get(1).path("value").asText()).contains("Look 3 · Anya Petrova: missing dressed");
            assertThat(embed.path("footer").path("text").asText()).startsWith("2 of 5 looks ready");
        }

        @Test
        @DisplayName("is refused to someone who is not on the crew")
        void refusesOutsiders() {
            InteractionResponse reply = slash(SlashCommandInvocation.of(LineupCommand.NAME).by(OUTSIDER));

            assertThat(reply.message().content()).contains("Only the crew");
            assertThat(reply.message().embeds()).isEmpty();
        }
    }
}

package dev.showcall.looks;

import static dev.showcall.backstage.TwelveLooks.ANYA;
import static dev.showcall.backstage.TwelveLooks.BEA;
import static dev.showcall.backstage.TwelveLooks.FAY;
import static dev.showcall.backstage.TwelveLooks.GIA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.LookState;
import dev.showcall.backstage.LookStep;
import dev.showcall.backstage.ModelStep;
import dev.showcall.backstage.Walk;
import dev.showcall.looks.Walks.Outcome;
import dev.showcall.show.Step;
import dev.showcall.store.FreshDatabase;
import dev.showcall.store.LookStepRepository;
import dev.showcall.store.ModelStepRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.store.WalkRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Looks walking")
class WalksTest {

    private static final Instant NOW = Instant.parse("2027-02-21T19:03:00Z");
    private static final long STAGE_MANAGER = 1190000000000000501L;
    private static final long PRODUCER = 1190000000000000502L;
    private static final List<String> WEARERS = List.of("Anya Petrova", "Bea Lind", "Cleo Marsh", "Dana Obi",
            "Eva Lund", "Anya Petrova", "Bea Lind", "Cleo Marsh", "Dana Obi", "Eva Lund", "Anya Petrova", "Fay Roux");

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    private final LooksDatabase day = new LooksDatabase(db);

    @BeforeEach
    void saveShow() {
        day.save();
    }

    private Walks at(Instant now) {
        return new Walks(db.database(), new Lineups(db.database()), new WalkRepository(), new TimelineEventRepository(),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private Outcome walkedNext() {
        return at(NOW).walked(day.show(), OptionalInt.empty(), STAGE_MANAGER);
    }

    private Outcome walked(int look) {
        return at(NOW).walked(day.show(), OptionalInt.of(look), STAGE_MANAGER);
    }

    /** Looks 1 to {@code last} walked, a minute apart, before now. */
    private void walkedUpTo(int last) {
        for (int look = 1; look <= last; look++) {
            day.walked(look, WEARERS.get(look - 1), NOW.minusSeconds(60L * (last - look + 1)));
        }
    }

    /** Bea has arrived with every step of look 2 done. */
    private void lookTwoReady() {
        day.arrived(BEA, NOW.minusSeconds(3600));
        db.database().runInTransaction(c -> {
            ModelStepRepository modelSteps = new ModelStepRepository();
            LookStepRepository lookSteps = new LookStepRepository();
            modelSteps.mark(c, new ModelStep(day.id(), BEA, Step.HAIR, NOW.minusSeconds(1800), LooksDatabase.PR));
            modelSteps.mark(c, new ModelStep(day.id(), BEA, Step.MAKEUP, NOW.minusSeconds(1800), LooksDatabase.PR));
            lookSteps.mark(c, new LookStep(day.id(), 2, Step.DRESSED, NOW.minusSeconds(600), LooksDatabase.PR));
            lookSteps.mark(c, new LookStep(day.id(), 2, Step.ACCESSORIES, NOW.minusSeconds(600), LooksDatabase.PR));
        });
    }

    @Test
    @DisplayName("without a number, the next look of the running order walks, with one event")
    void nextLook() {
        // given no look walked yet
        // when the stage manager says the next one walked
        Outcome outcome = walkedNext();

        // then look 1 walked, worn by Anya, and look 2 is next
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Walked.class, w -> {
            assertThat(w.look().number()).isEqualTo(1);
            assertThat(w.look().walked()).isTrue();
            assertThat(w.next()).map(LookState::number).contains(2);
        });
        assertThat(day.walks()).containsExactly(new Walk(day.id(), 1, ANYA, NOW, STAGE_MANAGER));
        assertThat(day.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.WALKED);
            assertThat(e.occurredAt()).isEqualTo(NOW);
            assertThat(e.actorUserId()).isEqualTo(OptionalLong.of(STAGE_MANAGER));
            assertThat(e.subject()).contains("look:1");
        });
    }

    @Test
    @DisplayName("without a number, the first look not walked goes next, even one that was skipped")
    void skippedLookIsNext() {
        // given looks 1 and 3 walked, 2 was skipped
        day.walked(1, ANYA, NOW.minusSeconds(120));
        day.walked(3, "Cleo Marsh", NOW.minusSeconds(60));

        // when the next one walks
        Outcome outcome = walkedNext();

        // then it is look 2, and look 4 comes after it
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Walked.class, w -> {
            assertThat(w.look().number()).isEqualTo(2);
            assertThat(w.next()).map(LookState::number).contains(4);
        });
    }

    @Test
    @DisplayName("the event warns when the next look is not ready, saying why")
    void warnsWhenNextNotReady() {
        // given Bea, who wears look 2, has not arrived
        // when look 1 walks
        walkedNext();

        // then the timeline warns that look 2 is not ready
        assertThat(day.events()).singleElement().satisfies(e -> assertThat(e.text()).isEqualTo(
                "Look 1 is out: Anya Petrova · Black wool coat. ⚠️ Next: look 2 · Bea Lind is NOT ready: "
                        + "Bea Lind not arrived, missing hair, makeup, dressed, accessories."));
    }

    @Test
    @DisplayName("the event names what the next look still misses once its model is here")
    void warnsWithWhatIsMissing() {
        // given Bea arrived and had her hair done
        day.arrived(BEA, NOW.minusSeconds(3600));
        db.database().runInTransaction(c -> new ModelStepRepository().mark(c,
                new ModelStep(day.id(), BEA, Step.HAIR, NOW.minusSeconds(1800), LooksDatabase.PR)));

        // when look 1 walks
        walkedNext();

        // then the warning lists the rest
        assertThat(day.events()).singleElement().satisfies(e -> assertThat(e.text()).endsWith(
                "⚠️ Next: look 2 · Bea Lind is NOT ready: missing makeup, dressed, accessories."));
    }

    @Test
    @DisplayName("the event's next look is past a look whose model is a no-show nobody replaces")
    void nextIsPastNoShow() {
        // given Bea (look 2) is a no-show
        day.noShow(BEA, NOW.minusSeconds(3600));

        // when look 1 walks
        Outcome outcome = walkedNext();

        // then look 3 is next, not look 2
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Walked.class, w -> {
            assertThat(w.next()).map(LookState::number).contains(3);
            assertThat(w.withoutModel()).extracting(LookState::number).containsExactly(2, 7);
        });
        assertThat(day.events()).singleElement().satisfies(e -> assertThat(e.text()).contains(
                "⚠️ Next: look 3 · Cleo Marsh is NOT ready"));
    }

    @Test
    @DisplayName("without a number, passes over the looks whose model is a no-show nobody replaces, and says which")
    void passesOverLooksWithoutModel() {
        // given Anya (looks 1, 6, 11) and Bea (2, 7) are no-shows and nobody replaces them
        day.noShow(ANYA, NOW.minusSeconds(3600));
        day.noShow(BEA, NOW.minusSeconds(3600));

        // when the next look walks
        Outcome outcome = walkedNext();

        // then it is look 3, past looks 1 and 2, and the timeline says so
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Walked.class, w -> {
            assertThat(w.look().number()).isEqualTo(3);
            assertThat(w.passedOver()).extracting(LookState::number).containsExactly(1, 2);
            assertThat(w.next()).map(LookState::number).contains(4);
        });
        assertThat(day.walks()).extracting(Walk::lookNumber).containsExactly(3);
        assertThat(day.events()).singleElement().satisfies(e -> assertThat(e.text()).startsWith(
                "Look 3 is out: Cleo Marsh · Camel suit. ⚠️ Passed over looks 1, 2: no model (a no-show nobody replaces). "
                        + "⚠️ Next: look 4"));
    }

    @Test
    @DisplayName("with a number, records that look and passes nothing over")
    void numberPassesNothingOver() {
        // given Anya (look 1) is a no-show
        day.noShow(ANYA, NOW.minusSeconds(3600));

        // when look 2 is said to walk
        Outcome outcome = walked(2);

        // then look 2 walked, with nothing said to be passed over
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Walked.class,
                w -> assertThat(w.passedOver()).isEmpty());
        assertThat(day.events()).singleElement().satisfies(e -> assertThat(e.text()).doesNotContain("Passed over"));
    }

    @Test
    @DisplayName("the last look that can walk says the looks left have no model, not that it was the last")
    void lastThatCanWalk() {
        // given Fay (look 12) is a no-show and looks 1 to 10 walked
        day.noShow(FAY, NOW.minusSeconds(3600));
        walkedUpTo(10);

        // when the next look walks, and then the next is asked for
        Outcome last = walkedNext();
        Outcome after = at(NOW.plusSeconds(60)).walked(day.show(), OptionalInt.empty(), STAGE_MANAGER);

        // then look 11 walked with nothing next, look 12 is named, and nothing more is recorded
        assertThat(last).isInstanceOfSatisfying(Outcome.Walked.class, w -> assertThat(w.next()).isEmpty());
        assertThat(day.events()).singleElement().satisfies(e -> assertThat(e.text()).endsWith(
                "⚠️ No look can walk next: look 12 has no model; /replace gives it one."));
        assertThat(after).isInstanceOfSatisfying(Outcome.NoneCanWalk.class,
                n -> assertThat(n.withoutModel()).extracting(LookState::number).containsExactly(12));
        assertThat(day.walks()).hasSize(11);
    }

    @Test
    @DisplayName("the event says the next look is ready when it is")
    void nextReady() {
        // given look 2 has every step done
        lookTwoReady();

        // when look 1 walks
        walkedNext();

        // then the timeline has no warning
        assertThat(day.events()).singleElement().satisfies(e -> assertThat(e.text()).isEqualTo(
                "Look 1 is out: Anya Petrova · Black wool coat. Next: look 2 · Bea Lind, ready."));
    }

    @Test
    @DisplayName("the last look walking says so, and then there is nothing left to walk")
    void lastLook() {
        // given looks 1 to 11 walked
        walkedUpTo(11);

        // when the next one walks, and then another
        Outcome last = walkedNext();
        Outcome after = at(NOW.plusSeconds(60)).walked(day.show(), OptionalInt.empty(), STAGE_MANAGER);

        // then look 12 closes the show, and nothing more is recorded
        assertThat(last).isInstanceOfSatisfying(Outcome.Walked.class, w -> {
            assertThat(w.look().number()).isEqualTo(12);
            assertThat(w.next()).isEmpty();
        });
        assertThat(after).isInstanceOf(Outcome.AllWalked.class);
        assertThat(day.events()).singleElement().satisfies(e -> assertThat(e.text()).isEqualTo(
                "Look 12 is out: Fay Roux · Sequin column. That was the last look."));
        assertThat(day.walks()).hasSize(12);
    }

    @Test
    @DisplayName("a look that walked already is not recorded again, and the first record is returned")
    void alreadyWalked() {
        // given look 1 walked
        walked(1);

        // when a producer records it again a few seconds later
        Outcome outcome = at(NOW.plusSeconds(5)).walked(day.show(), OptionalInt.of(1), PRODUCER);

        // then the stage manager's record stands
        assertThat(outcome).isInstanceOfSatisfying(Outcome.AlreadyWalked.class,
                a -> assertThat(a.walk()).isEqualTo(new Walk(day.id(), 1, ANYA, NOW, STAGE_MANAGER)));
        assertThat(day.walks()).hasSize(1);
        assertThat(day.events()).hasSize(1);
    }

    @Test
    @DisplayName("a look is recorded on whoever wears it now")
    void replacedModelWalks() {
        // given Gia replaced Anya in all her looks
        day.replaced(ANYA, GIA, List.of(1, 6, 11), NOW.minusSeconds(3600));

        // when look 1 walks
        walked(1);

        // then the walk and the timeline name Gia
        assertThat(day.walks()).extracting(Walk::model).containsExactly(GIA);
        assertThat(day.events()).singleElement()
                .satisfies(e -> assertThat(e.text()).startsWith("Look 1 is out: Gia Sol · Black wool coat."));
    }

    @Test
    @DisplayName("refuses a look worn by a no-show nobody replaced, writing nothing")
    void refusedForNoShow() {
        // given Anya is a no-show
        day.noShow(ANYA, NOW.minusSeconds(3600));

        // when look 1 is said to walk
        Outcome outcome = walked(1);

        // then it is refused
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class, r -> assertThat(r.reason())
                .isEqualTo("Anya Petrova, who wears look 1, is marked a no-show and nobody replaces her: use /replace first"));
        assertThat(day.walks()).isEmpty();
        assertThat(day.events()).isEmpty();
    }

    @Test
    @DisplayName("answers a look number not in the show with the range there is, writing nothing")
    void unknownLook() {
        Outcome outcome = walked(13);

        assertThat(outcome).isEqualTo(new Outcome.UnknownLook(13, 1, 12));
        assertThat(day.walks()).isEmpty();
        assertThat(day.events()).isEmpty();
    }

    @Test
    @DisplayName("undo takes a walk back with its own event, and the look is next again")
    void undo() {
        // given look 1 walked
        walked(1);

        // when a producer takes it back
        Outcome outcome = at(NOW.plusSeconds(30)).undo(day.show(), 1, PRODUCER);

        // then it has not walked, the timeline says so, and it is the next look again
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Undone.class, u -> assertThat(u.look().walked()).isFalse());
        assertThat(day.walks()).isEmpty();
        List<TimelineEvent> events = day.events();
        assertThat(events).extracting(TimelineEvent::kind).containsExactly(EventKind.WALKED, EventKind.WALKED);
        assertThat(events.get(1).actorUserId()).isEqualTo(OptionalLong.of(PRODUCER));
        assertThat(events.get(1).subject()).isEqualTo(Optional.of("look:1"));
        assertThat(events.get(1).text()).isEqualTo("Look 1 had not walked after all: taken back");
        assertThat(new Lineups(db.database()).of(day.show()).next()).map(LookState::number).contains(1);
    }

    @Test
    @DisplayName("undo of a look that has not walked says so and writes nothing")
    void undoNotWalked() {
        Outcome outcome = at(NOW).undo(day.show(), 1, PRODUCER);

        assertThat(outcome).isInstanceOf(Outcome.NotWalked.class);
        assertThat(day.events()).isEmpty();
    }

    @Test
    @DisplayName("a walk racing another record of the same look writes no event of its own and returns the first")
    void racingWalk() throws Exception {
        // given the stage manager's record of look 1 is being written but not committed yet
        Walk first = new Walk(day.id(), 1, ANYA, NOW, STAGE_MANAGER);
        try (Connection stageManager = db.database().dataSource().getConnection()) {
            stageManager.setAutoCommit(false);
            new WalkRepository().record(stageManager, first);

            // when a producer records it meanwhile, and the first record commits while hers waits for it
            CompletableFuture<Outcome> producer = CompletableFuture.supplyAsync(
                    () -> at(NOW.plusSeconds(1)).walked(day.show(), OptionalInt.of(1), PRODUCER));
            Racing.awaitWaiting(db.database(), "MERGE INTO look_walk");
            stageManager.commit();
            Outcome outcome = producer.get(10, TimeUnit.SECONDS);

            // then the first record stands and the producer's adds nothing to the timeline
            assertThat(outcome).isInstanceOfSatisfying(Outcome.AlreadyWalked.class,
                    a -> assertThat(a.walk()).isEqualTo(first));
            assertThat(day.walks()).containsExactly(first);
            assertThat(day.events()).isEmpty();
        }
    }
}

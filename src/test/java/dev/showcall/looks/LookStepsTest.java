package dev.showcall.looks;

import static dev.showcall.backstage.TwelveLooks.ANYA;
import static dev.showcall.backstage.TwelveLooks.BEA;
import static dev.showcall.backstage.TwelveLooks.GIA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.showcall.backstage.LookStep;
import dev.showcall.backstage.ModelStep;
import dev.showcall.looks.LookSteps.Outcome;
import dev.showcall.show.Step;
import dev.showcall.store.FreshDatabase;
import dev.showcall.store.LookStepRepository;
import dev.showcall.store.ModelStepRepository;
import dev.showcall.store.StoreException;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Marking look steps")
class LookStepsTest {

    private static final Instant NOW = Instant.parse("2027-02-21T17:30:00Z");
    private static final long PRIYA = 1190000000000000101L;
    private static final long TOM = 1190000000000000102L;
    private static final long PRODUCER = 1190000000000000502L;

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    private final LooksDatabase day = new LooksDatabase(db);

    @BeforeEach
    void saveShow() {
        day.save();
    }

    private LookSteps at(Instant now) {
        return new LookSteps(db.database(), new Lineups(db.database()), new ModelStepRepository(),
                new LookStepRepository(), new TimelineEventRepository(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private Outcome mark(int look, Step step, long by) {
        return at(NOW).mark(day.show(), look, step, by);
    }

    @Test
    @DisplayName("hair marked on one look is stored once on the model, with one event naming all her looks")
    void modelStep() {
        // given Anya has arrived
        day.arrived(ANYA, NOW.minusSeconds(600));

        // when Priya marks hair done on look 1
        Outcome outcome = mark(1, Step.HAIR, PRIYA);

        // then it counts for looks 1, 6 and 11, is stored on Anya, and the timeline says so once
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Marked.class, m -> {
            assertThat(m.looks()).containsExactly(1, 6, 11);
            assertThat(m.nowReady()).isEmpty();
            assertThat(m.look().done()).containsExactly(Step.HAIR);
        });
        assertThat(day.modelSteps()).containsExactly(new ModelStep(day.id(), ANYA, Step.HAIR, NOW, PRIYA));
        assertThat(day.lookSteps()).isEmpty();
        assertThat(day.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.LOOK_STEP);
            assertThat(e.occurredAt()).isEqualTo(NOW);
            assertThat(e.actorUserId()).isEqualTo(OptionalLong.of(PRIYA));
            assertThat(e.subject()).contains("look:1");
            assertThat(e.text()).isEqualTo("Anya Petrova (looks 1, 6, 11): hair done");
        });
    }

    @Test
    @DisplayName("dressed marked on a look is stored on that look only")
    void lookStep() {
        // given Anya has arrived
        day.arrived(ANYA, NOW.minusSeconds(600));

        // when her look 6 is marked dressed
        Outcome outcome = mark(6, Step.DRESSED, TOM);

        // then only look 6 has it
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Marked.class,
                m -> assertThat(m.looks()).containsExactly(6));
        assertThat(day.lookSteps()).containsExactly(new LookStep(day.id(), 6, Step.DRESSED, NOW, TOM));
        assertThat(day.modelSteps()).isEmpty();
        assertThat(day.events()).singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("Look 6 · Anya Petrova: dressed done"));
    }

    @Test
    @DisplayName("a step on the model counts only for her looks still to walk")
    void modelStepAfterAWalk() {
        // given Anya arrived and walked look 1
        day.arrived(ANYA, NOW.minusSeconds(600));
        day.walked(1, ANYA, NOW.minusSeconds(60));

        // when her makeup is marked on look 6
        Outcome outcome = mark(6, Step.MAKEUP, PRIYA);

        // then it counts for 6 and 11
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Marked.class,
                m -> assertThat(m.looks()).containsExactly(6, 11));
        assertThat(day.events()).singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("Anya Petrova (looks 6, 11): makeup done"));
    }

    @Test
    @DisplayName("the step that completes looks says which are now ready")
    void nowReady() {
        // given Anya has hair done and looks 1 and 6 dressed and accessorised
        day.arrived(ANYA, NOW.minusSeconds(600));
        mark(1, Step.HAIR, PRIYA);
        for (int look : List.of(1, 6)) {
            mark(look, Step.DRESSED, TOM);
            mark(look, Step.ACCESSORIES, TOM);
        }

        // when her makeup is marked
        Outcome outcome = mark(11, Step.MAKEUP, PRIYA);

        // then looks 1 and 6 are ready, look 11 is not
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Marked.class, m -> {
            assertThat(m.nowReady()).containsExactly(1, 6);
            assertThat(m.look().ready()).isFalse();
        });
        assertThat(day.events()).last().satisfies(e ->
                assertThat(e.text()).isEqualTo("Anya Petrova (looks 1, 6, 11): makeup done — looks 1, 6 ready"));
    }

    @Test
    @DisplayName("a producer may declare a look ready before its model arrives")
    void readyBeforeArrival() {
        // given Bea has not arrived
        // when a producer marks look 2 ready
        Outcome outcome = mark(2, Step.READY, PRODUCER);

        // then it is stored on the look, and the look is ready
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Marked.class, m -> {
            assertThat(m.look().ready()).isTrue();
            assertThat(m.nowReady()).containsExactly(2);
        });
        assertThat(day.lookSteps()).containsExactly(new LookStep(day.id(), 2, Step.READY, NOW, PRODUCER));
        assertThat(day.events()).singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("Look 2 · Bea Lind: ready done — look 2 ready"));
    }

    @Test
    @DisplayName("the step and its event are written in one transaction: no event, no step")
    void oneTransaction() throws Exception {
        // given Anya has arrived, and the timeline refuses look-step events
        day.arrived(ANYA, NOW.minusSeconds(600));
        db.database().runInTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE timeline_event ADD CONSTRAINT ck_test_no_look_step CHECK (kind <> 'LOOK_STEP')");
            }
        });

        // when her hair is marked
        // then the mark fails and nothing of it is stored
        assertThatThrownBy(() -> mark(1, Step.HAIR, PRIYA)).isInstanceOf(StoreException.class);
        assertThat(day.modelSteps()).isEmpty();
        assertThat(day.events()).isEmpty();
    }

    @Test
    @DisplayName("a second mark of a step on the model, through any of her looks, writes nothing and says who did it first")
    void secondModelMark() {
        // given Priya marked Anya's hair on look 1
        day.arrived(ANYA, NOW.minusSeconds(600));
        mark(1, Step.HAIR, PRIYA);

        // when Tom marks it on look 6 a minute later
        Outcome outcome = at(NOW.plusSeconds(60)).mark(day.show(), 6, Step.HAIR, TOM);

        // then Priya's mark stands and nothing more is written
        assertThat(outcome).isInstanceOfSatisfying(Outcome.AlreadyDone.class, a -> {
            assertThat(a.doneBy()).isEqualTo(PRIYA);
            assertThat(a.doneAt()).isEqualTo(NOW);
        });
        assertThat(day.modelSteps()).containsExactly(new ModelStep(day.id(), ANYA, Step.HAIR, NOW, PRIYA));
        assertThat(day.events()).hasSize(1);
    }

    @Test
    @DisplayName("a second mark of a step on a look writes nothing and says who did it first")
    void secondLookMark() {
        // given Tom marked look 2 dressed
        day.arrived(BEA, NOW.minusSeconds(600));
        mark(2, Step.DRESSED, TOM);

        // when Priya marks it again
        Outcome outcome = at(NOW.plusSeconds(30)).mark(day.show(), 2, Step.DRESSED, PRIYA);

        // then Tom's mark stands
        assertThat(outcome).isInstanceOfSatisfying(Outcome.AlreadyDone.class, a -> {
            assertThat(a.doneBy()).isEqualTo(TOM);
            assertThat(a.doneAt()).isEqualTo(NOW);
        });
        assertThat(day.lookSteps()).hasSize(1);
        assertThat(day.events()).hasSize(1);
    }

    @Test
    @DisplayName("undo takes a step back, with its own event, for all her looks")
    void undo() {
        // given Anya's hair was marked
        day.arrived(ANYA, NOW.minusSeconds(600));
        mark(1, Step.HAIR, PRIYA);

        // when Tom takes it back through look 11
        Outcome outcome = at(NOW.plusSeconds(60)).undo(day.show(), 11, Step.HAIR, TOM);

        // then it is gone, and the timeline says so
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Undone.class, u -> {
            assertThat(u.looks()).containsExactly(1, 6, 11);
            assertThat(u.look().done()).isEmpty();
        });
        assertThat(day.modelSteps()).isEmpty();
        List<TimelineEvent> events = day.events();
        assertThat(events).extracting(TimelineEvent::kind).containsExactly(EventKind.LOOK_STEP, EventKind.LOOK_STEP_UNDONE);
        assertThat(events.get(1).actorUserId()).isEqualTo(OptionalLong.of(TOM));
        assertThat(events.get(1).subject()).isEqualTo(Optional.of("look:11"));
        assertThat(events.get(1).text()).isEqualTo("Anya Petrova (looks 1, 6, 11): hair taken back");
    }

    @Test
    @DisplayName("undo of a step not done says so and writes nothing")
    void undoNotDone() {
        // given look 2 has its accessories but was never dressed
        day.arrived(BEA, NOW.minusSeconds(600));
        mark(2, Step.ACCESSORIES, TOM);

        // when its dressing is undone
        Outcome outcome = at(NOW).undo(day.show(), 2, Step.DRESSED, TOM);

        // then nothing was there to take back
        assertThat(outcome).isInstanceOf(Outcome.NotDone.class);
        assertThat(day.lookSteps()).extracting(LookStep::step).containsExactly(Step.ACCESSORIES);
        assertThat(day.events()).extracting(TimelineEvent::kind).containsExactly(EventKind.LOOK_STEP);
    }

    @Test
    @DisplayName("refuses a step on a model who has not arrived, writing nothing")
    void refusedBeforeArrival() {
        // given Anya has not arrived
        // when her hair is marked
        Outcome outcome = mark(1, Step.HAIR, PRIYA);

        // then it is refused with the reason
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class, r ->
                assertThat(r.reason()).isEqualTo("Anya Petrova, who wears look 1, is not marked arrived yet"));
        assertThat(day.modelSteps()).isEmpty();
        assertThat(day.lookSteps()).isEmpty();
        assertThat(day.events()).isEmpty();
    }

    @Test
    @DisplayName("refuses a step on a no-show's look, writing nothing")
    void refusedForNoShow() {
        // given Bea is a no-show
        day.noShow(BEA, NOW.minusSeconds(600));

        // when a producer marks her look 7 ready
        Outcome outcome = mark(7, Step.READY, PRODUCER);

        // then it is refused
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class, r ->
                assertThat(r.reason()).contains("is marked a no-show"));
        assertThat(day.lookSteps()).isEmpty();
        assertThat(day.events()).isEmpty();
    }

    @Test
    @DisplayName("refuses to mark or undo a step on a look that walked, leaving the steps and events as they were")
    void refusedAfterWalking() {
        // given Anya's hair and look 1's dressing were marked, then look 1 walked
        day.arrived(ANYA, NOW.minusSeconds(600));
        mark(1, Step.HAIR, PRIYA);
        mark(1, Step.DRESSED, TOM);
        day.walked(1, ANYA, NOW.plusSeconds(60));
        List<ModelStep> modelSteps = day.modelSteps();
        List<LookStep> lookSteps = day.lookSteps();
        List<TimelineEvent> events = day.events();

        // when look 1 is given accessories, and its dressing is taken back
        Outcome marked = at(NOW.plusSeconds(120)).mark(day.show(), 1, Step.ACCESSORIES, TOM);
        Outcome undone = at(NOW.plusSeconds(120)).undo(day.show(), 1, Step.DRESSED, TOM);

        // then both are refused and nothing changed
        assertThat(marked).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo("look 1 walked already"));
        assertThat(undone).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo("look 1 walked already"));
        assertThat(day.modelSteps()).isEqualTo(modelSteps);
        assertThat(day.lookSteps()).isEqualTo(lookSteps);
        assertThat(day.events()).isEqualTo(events);
    }

    @Test
    @DisplayName("answers a look number not in the show with the range there is, writing nothing")
    void unknownLook() {
        Outcome outcome = mark(13, Step.READY, PRODUCER);

        assertThat(outcome).isEqualTo(new Outcome.UnknownLook(13, 1, 12));
        assertThat(day.events()).isEmpty();
    }

    @Test
    @DisplayName("counts a step on the model for whoever wears the look now")
    void afterReplacement() {
        // given Gia replaced Anya in all her looks and has arrived
        day.replaced(ANYA, GIA, List.of(1, 6, 11), NOW);
        day.arrived(GIA, NOW.minusSeconds(60));

        // when hair is marked on look 6
        Outcome outcome = mark(6, Step.HAIR, PRIYA);

        // then it is stored on Gia
        assertThat(outcome).isInstanceOf(Outcome.Marked.class);
        assertThat(day.modelSteps()).extracting(ModelStep::model).containsExactly(GIA);
    }

    @Test
    @DisplayName("a mark racing another report of the same step writes no event of its own and says who did it first")
    void racingMark() throws Exception {
        // given Anya has arrived, and Tom's report of her hair is being written but not committed yet
        day.arrived(ANYA, NOW.minusSeconds(600));
        try (Connection tom = db.database().dataSource().getConnection()) {
            tom.setAutoCommit(false);
            new ModelStepRepository().mark(tom, new ModelStep(day.id(), ANYA, Step.HAIR, NOW, TOM));

            // when Priya marks it meanwhile, and Tom's report commits while her mark waits for it
            CompletableFuture<Outcome> priya = CompletableFuture.supplyAsync(() -> mark(1, Step.HAIR, PRIYA));
            Racing.awaitWaiting(db.database(), "MERGE INTO model_step");
            tom.commit();
            Outcome outcome = priya.get(10, TimeUnit.SECONDS);

            // then Tom's report stands and Priya's adds nothing to the timeline
            assertThat(outcome).isInstanceOfSatisfying(Outcome.AlreadyDone.class,
                    a -> assertThat(a.doneBy()).isEqualTo(TOM));
            assertThat(day.modelSteps()).extracting(ModelStep::doneBy).containsExactly(TOM);
            assertThat(day.events()).isEmpty();
        }
    }
}

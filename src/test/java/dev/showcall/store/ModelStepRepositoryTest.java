package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.ModelStep;
import dev.showcall.show.Step;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("Model steps")
class ModelStepRepositoryTest {

    private static final String ANYA = "Anya Petrova";
    private static final String BEA = "Bea Lind";
    private static final Instant DONE = Instant.parse("2027-02-21T17:20:00Z");
    private static final long PRIYA = ShowFixture.PRIYA;
    private static final long TOM = ShowFixture.TOM;

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final ModelStepRepository steps = new ModelStepRepository();

    @BeforeEach
    void saveShow() {
        ShowFixture.saveShow(db, SHOW_ID, DONE.minusSeconds(86_400));
    }

    private List<ModelStep> listed() {
        return db.inTransaction(c -> steps.forShow(c, SHOW_ID));
    }

    @Test
    @DisplayName("a step marked once is listed as it was marked")
    void markAndList() {
        // given Anya's hair done by Priya
        ModelStep hair = new ModelStep(SHOW_ID, ANYA, Step.HAIR, DONE, PRIYA);

        // when it is marked
        boolean marked = db.inTransaction(c -> steps.mark(c, hair));

        // then it is stored as it was
        assertThat(marked).isTrue();
        assertThat(listed()).containsExactly(hair);
    }

    @Test
    @DisplayName("marking a step twice returns false and keeps who did it first and when")
    void doubleMarkCountsOnce() {
        // given Priya marked Anya's hair done
        ModelStep first = new ModelStep(SHOW_ID, ANYA, Step.HAIR, DONE, PRIYA);
        db.inTransaction(c -> steps.mark(c, first));

        // when Tom reports it again a minute later
        boolean again = db.inTransaction(c -> steps.mark(c, new ModelStep(SHOW_ID, ANYA, Step.HAIR, DONE.plusSeconds(60), TOM)));

        // then his report is not counted and Priya's mark stands
        assertThat(again).isFalse();
        assertThat(listed()).containsExactly(first);
    }

    @Test
    @DisplayName("each model has her own steps, listed in the order they were done")
    void perModel() {
        // given Bea's makeup, then Anya's hair, then Bea's hair
        ModelStep beaMakeup = new ModelStep(SHOW_ID, BEA, Step.MAKEUP, DONE, TOM);
        ModelStep anyaHair = new ModelStep(SHOW_ID, ANYA, Step.HAIR, DONE.plusSeconds(60), PRIYA);
        ModelStep beaHair = new ModelStep(SHOW_ID, BEA, Step.HAIR, DONE.plusSeconds(120), PRIYA);

        // when they are marked in another order
        db.database().runInTransaction(c -> {
            steps.mark(c, beaHair);
            steps.mark(c, anyaHair);
            steps.mark(c, beaMakeup);
        });

        // then all three are listed by the time they were done
        assertThat(listed()).containsExactly(beaMakeup, anyaHair, beaHair);
    }

    @Test
    @DisplayName("unmarking removes only that step of that model, once")
    void unmark() {
        // given Anya has hair and makeup done, and Bea hair
        ModelStep anyaMakeup = new ModelStep(SHOW_ID, ANYA, Step.MAKEUP, DONE, TOM);
        ModelStep beaHair = new ModelStep(SHOW_ID, BEA, Step.HAIR, DONE, PRIYA);
        db.database().runInTransaction(c -> {
            steps.mark(c, new ModelStep(SHOW_ID, ANYA, Step.HAIR, DONE, PRIYA));
            steps.mark(c, anyaMakeup);
            steps.mark(c, beaHair);
        });

        // when Anya's hair is unmarked twice
        boolean removed = db.inTransaction(c -> steps.unmark(c, SHOW_ID, ANYA, Step.HAIR));
        boolean again = db.inTransaction(c -> steps.unmark(c, SHOW_ID, ANYA, Step.HAIR));

        // then the first takes it back, the second finds nothing, and the other steps stay
        assertThat(removed).isTrue();
        assertThat(again).isFalse();
        assertThat(listed()).containsExactlyInAnyOrder(anyaMakeup, beaHair);
    }

    @Test
    @DisplayName("a step marked again after it was taken back counts anew")
    void markAfterUnmark() {
        // given Anya's hair was marked and taken back
        db.inTransaction(c -> steps.mark(c, new ModelStep(SHOW_ID, ANYA, Step.HAIR, DONE, PRIYA)));
        db.inTransaction(c -> steps.unmark(c, SHOW_ID, ANYA, Step.HAIR));

        // when Tom marks it
        ModelStep again = new ModelStep(SHOW_ID, ANYA, Step.HAIR, DONE.plusSeconds(300), TOM);
        boolean marked = db.inTransaction(c -> steps.mark(c, again));

        // then his mark is the one stored
        assertThat(marked).isTrue();
        assertThat(listed()).containsExactly(again);
    }

    @Test
    @DisplayName("lists the steps of one show only")
    void perShow() {
        // given Anya's hair done at another show
        ShowFixture.saveShow(db, "other-show", DONE.minusSeconds(86_400));
        db.inTransaction(c -> steps.mark(c, new ModelStep("other-show", ANYA, Step.HAIR, DONE, PRIYA)));

        // when this show's steps are listed
        // then there are none
        assertThat(listed()).isEmpty();
    }
}

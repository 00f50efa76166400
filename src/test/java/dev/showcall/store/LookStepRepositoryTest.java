package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.LookStep;
import dev.showcall.show.Step;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("Look steps")
class LookStepRepositoryTest {

    private static final Instant DONE = Instant.parse("2027-02-21T17:20:00Z");
    private static final long PRIYA = ShowFixture.PRIYA;
    private static final long TOM = ShowFixture.TOM;

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final LookStepRepository steps = new LookStepRepository();

    @BeforeEach
    void saveShow() {
        ShowFixture.saveShow(db, SHOW_ID, DONE.minusSeconds(86_400));
    }

    @Test
    @DisplayName("a step marked once is listed as it was marked")
    void markAndList() {
        LookStep hair = new LookStep(SHOW_ID, 1, Step.HAIR, DONE, PRIYA);

        boolean marked = db.inTransaction(c -> steps.mark(c, hair));

        List<LookStep> listed = db.inTransaction(c -> steps.forShow(c, SHOW_ID));
        assertThat(marked).isTrue();
        assertThat(listed).containsExactly(hair);
    }

    @Test
    @DisplayName("marking a step twice returns false and keeps who did it first")
    void doubleMarkCountsOnce() {
        // given Priya marked look 1's hair done
        LookStep first = new LookStep(SHOW_ID, 1, Step.HAIR, DONE, PRIYA);
        db.inTransaction(c -> steps.mark(c, first));

        // when Tom reports it again
        boolean again = db.inTransaction(c -> steps.mark(c, new LookStep(SHOW_ID, 1, Step.HAIR, DONE.plusSeconds(30), TOM)));

        // then the report is refused and Priya's mark stands
        List<LookStep> listed = db.inTransaction(c -> steps.forShow(c, SHOW_ID));
        assertThat(again).isFalse();
        assertThat(listed).containsExactly(first);
    }

    @Test
    @DisplayName("unmarking a step removes only that step")
    void unmark() {
        // given look 1 has hair and makeup done
        LookStep hair = new LookStep(SHOW_ID, 1, Step.HAIR, DONE, PRIYA);
        LookStep makeup = new LookStep(SHOW_ID, 1, Step.MAKEUP, DONE, TOM);
        db.database().runInTransaction(c -> {
            steps.mark(c, hair);
            steps.mark(c, makeup);
        });

        // when its makeup is unmarked
        boolean unmarked = db.inTransaction(c -> steps.unmark(c, SHOW_ID, 1, Step.MAKEUP));

        // then only the hair is left
        List<LookStep> listed = db.inTransaction(c -> steps.forShow(c, SHOW_ID));
        assertThat(unmarked).isTrue();
        assertThat(listed).containsExactly(hair);
    }

    @Test
    @DisplayName("unmarking a step never marked returns false")
    void unmarkNothing() {
        boolean unmarked = db.inTransaction(c -> steps.unmark(c, SHOW_ID, 1, Step.READY));

        assertThat(unmarked).isFalse();
    }

    @Test
    @DisplayName("a show's steps are listed in running order, then in step order")
    void forShowOrder() {
        // given steps marked out of order
        LookStep twoHair = new LookStep(SHOW_ID, 2, Step.HAIR, DONE, PRIYA);
        LookStep oneReady = new LookStep(SHOW_ID, 1, Step.READY, DONE.plusSeconds(60), PRIYA);
        LookStep oneDressed = new LookStep(SHOW_ID, 1, Step.DRESSED, DONE.plusSeconds(120), TOM);
        LookStep oneHair = new LookStep(SHOW_ID, 1, Step.HAIR, DONE.plusSeconds(180), PRIYA);
        db.database().runInTransaction(c -> {
            steps.mark(c, twoHair);
            steps.mark(c, oneReady);
            steps.mark(c, oneDressed);
            steps.mark(c, oneHair);
        });

        List<LookStep> listed = db.inTransaction(c -> steps.forShow(c, SHOW_ID));

        assertThat(listed).containsExactly(oneHair, oneDressed, oneReady, twoHair);
    }

    @Test
    @DisplayName("every step is stored under the lower-case name people type")
    void everyStepIsStoredByLabel() {
        db.database().runInTransaction(c -> {
            for (Step step : Step.values()) {
                steps.mark(c, new LookStep(SHOW_ID, 3, step, DONE, PRIYA));
            }
        });

        List<String> stored = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT step FROM look_step ORDER BY step");
                 ResultSet rs = ps.executeQuery()) {
                List<String> labels = new ArrayList<>();
                while (rs.next()) {
                    labels.add(rs.getString(1));
                }
                return labels;
            }
        });
        assertThat(stored).containsExactly("accessories", "dressed", "hair", "makeup", "nails", "ready");
    }
}

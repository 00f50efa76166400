package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.Arrival;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("Arrivals")
class ArrivalRepositoryTest {

    private static final Instant ARRIVED = Instant.parse("2027-02-21T16:46:12.500Z");
    private static final Instant LATER = ARRIVED.plusSeconds(40);
    private static final long PR = 1190000000000000301L;
    private static final long OTHER_PR = 1190000000000000302L;
    private static final String ANYA = "model:Anya Petrova";

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final ArrivalRepository arrivals = new ArrivalRepository();

    @BeforeEach
    void saveShow() {
        ShowFixture.saveShow(db, SHOW_ID, ARRIVED.minusSeconds(86_400));
    }

    @Test
    @DisplayName("an arrival recorded once is found as it was recorded")
    void recordAndFind() {
        Arrival anya = new Arrival(SHOW_ID, ANYA, ARRIVED, PR, LATER);

        boolean recorded = db.inTransaction(c -> arrivals.record(c, anya));

        Optional<Arrival> found = db.inTransaction(c -> arrivals.find(c, SHOW_ID, ANYA));
        assertThat(recorded).isTrue();
        assertThat(found).contains(anya);
    }

    @Test
    @DisplayName("recording the same arrival twice returns false and keeps the first marker")
    void doubleRecordCountsOnce() {
        // given Anya marked arrived by one PR
        Arrival first = new Arrival(SHOW_ID, ANYA, ARRIVED, PR, ARRIVED);
        db.inTransaction(c -> arrivals.record(c, first));

        // when another PR marks her arrived again
        boolean again = db.inTransaction(c -> arrivals.record(c, new Arrival(SHOW_ID, ANYA, LATER, OTHER_PR, LATER)));

        // then the second mark is refused and the first one stands
        List<Arrival> all = db.inTransaction(c -> arrivals.forShow(c, SHOW_ID));
        assertThat(again).isFalse();
        assertThat(all).containsExactly(first);
    }

    @Test
    @DisplayName("two marks racing in two transactions count once")
    void racingMarksCountOnce() throws Exception {
        try (Connection first = db.database().dataSource().getConnection();
             Connection second = db.database().dataSource().getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            // given one transaction has recorded Anya but not committed yet
            boolean firstRecorded = arrivals.record(first, new Arrival(SHOW_ID, ANYA, ARRIVED, PR, ARRIVED));

            // when a second transaction records her too, and the first one then commits
            CompletableFuture<Boolean> secondRecorded = CompletableFuture.supplyAsync(
                    () -> arrivals.record(second, new Arrival(SHOW_ID, ANYA, LATER, OTHER_PR, LATER)));
            // Gives the second insert time to wait on the first one's row, the case under test.
            Thread.sleep(200);
            first.commit();

            // then only the first one counted
            assertThat(firstRecorded).isTrue();
            assertThat(secondRecorded.get(10, TimeUnit.SECONDS)).isFalse();
            second.commit();
        }
        Optional<Arrival> found = db.inTransaction(c -> arrivals.find(c, SHOW_ID, ANYA));
        assertThat(found).map(Arrival::markedBy).contains(java.util.OptionalLong.of(PR));
    }

    @Test
    @DisplayName("undoing an arrival removes it, so she can be marked again")
    void undo() {
        // given Anya marked arrived by mistake
        db.inTransaction(c -> arrivals.record(c, new Arrival(SHOW_ID, ANYA, ARRIVED, PR, ARRIVED)));

        // when it is undone
        boolean removed = db.inTransaction(c -> arrivals.remove(c, SHOW_ID, ANYA));

        // then she is no longer arrived, and a new mark counts
        Optional<Arrival> found = db.inTransaction(c -> arrivals.find(c, SHOW_ID, ANYA));
        boolean markedAgain = db.inTransaction(c ->
                arrivals.record(c, new Arrival(SHOW_ID, ANYA, LATER, OTHER_PR, LATER)));
        assertThat(removed).isTrue();
        assertThat(found).isEmpty();
        assertThat(markedAgain).isTrue();
    }

    @Test
    @DisplayName("undoing an arrival never recorded returns false")
    void undoNothing() {
        boolean removed = db.inTransaction(c -> arrivals.remove(c, SHOW_ID, ANYA));

        assertThat(removed).isFalse();
    }

    @Test
    @DisplayName("a show's arrivals are listed earliest first, without another show's")
    void forShow() {
        // given arrivals at two shows
        ShowFixture.saveShow(db, "other-show", ARRIVED);
        Arrival bea = new Arrival(SHOW_ID, "model:Bea Lind", ARRIVED, PR, ARRIVED);
        Arrival anya = new Arrival(SHOW_ID, ANYA, LATER, PR, LATER);
        Arrival elsewhere = new Arrival("other-show", ANYA, ARRIVED, PR, ARRIVED);
        db.database().runInTransaction(c -> {
            arrivals.record(c, anya);
            arrivals.record(c, elsewhere);
            arrivals.record(c, bea);
        });

        // when the first show's arrivals are listed
        List<Arrival> listed = db.inTransaction(c -> arrivals.forShow(c, SHOW_ID));

        // then they come in order of arrival
        assertThat(listed).containsExactly(bea, anya);
    }
}

package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.Confirmation;
import dev.showcall.backstage.ConfirmationChange;
import dev.showcall.backstage.ConfirmationState;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("Confirmations")
class ConfirmationRepositoryTest {

    private static final Instant CLICKED = Instant.parse("2027-02-21T14:31:05.250Z");
    private static final Instant LATER = CLICKED.plusSeconds(600);
    private static final long PRIYA_ID = ShowFixture.PRIYA;
    private static final long TOM_ID = ShowFixture.TOM;
    private static final String PRIYA = "crew:hair:" + PRIYA_ID;
    private static final String TOM = "crew:hair:" + TOM_ID;

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final ConfirmationRepository confirmations = new ConfirmationRepository();

    @BeforeEach
    void saveShow() {
        ShowFixture.saveShow(db, SHOW_ID, CLICKED.minusSeconds(86_400));
    }

    @Test
    @DisplayName("a first answer is NEW and found as it was given")
    void firstAnswerIsNew() {
        Confirmation onMyWay = answer(PRIYA, ConfirmationState.ON_MY_WAY, OptionalInt.empty(), CLICKED);

        ConfirmationChange change = db.inTransaction(c -> confirmations.upsert(c, onMyWay));

        Optional<Confirmation> found = db.inTransaction(c -> confirmations.find(c, SHOW_ID, PRIYA));
        assertThat(change).isEqualTo(ConfirmationChange.NEW);
        assertThat(found).contains(onMyWay);
    }

    @Test
    @DisplayName("running late keeps by how many minutes")
    void runningLateMinutes() {
        Confirmation late = answer(PRIYA, ConfirmationState.RUNNING_LATE, OptionalInt.of(20), CLICKED);

        db.inTransaction(c -> confirmations.upsert(c, late));

        Optional<Confirmation> found = db.inTransaction(c -> confirmations.find(c, SHOW_ID, PRIYA));
        assertThat(found).map(Confirmation::lateMinutes).contains(OptionalInt.of(20));
    }

    @Test
    @DisplayName("a different answer is CHANGED and replaces the one before")
    void differentStateIsChanged() {
        // given Priya said she was on her way
        db.inTransaction(c -> confirmations.upsert(c,
                answer(PRIYA, ConfirmationState.ON_MY_WAY, OptionalInt.empty(), CLICKED)));

        // when she says she is here
        Confirmation here = answer(PRIYA, ConfirmationState.HERE, OptionalInt.empty(), LATER);
        ConfirmationChange change = db.inTransaction(c -> confirmations.upsert(c, here));

        // then her answer is now that she is here
        Optional<Confirmation> found = db.inTransaction(c -> confirmations.find(c, SHOW_ID, PRIYA));
        assertThat(change).isEqualTo(ConfirmationChange.CHANGED);
        assertThat(found).contains(here);
    }

    @Test
    @DisplayName("running late by other minutes is CHANGED")
    void differentMinutesIsChanged() {
        // given Priya is running 10 minutes late
        db.inTransaction(c -> confirmations.upsert(c,
                answer(PRIYA, ConfirmationState.RUNNING_LATE, OptionalInt.of(10), CLICKED)));

        // when she says it will be 25
        ConfirmationChange change = db.inTransaction(c -> confirmations.upsert(c,
                answer(PRIYA, ConfirmationState.RUNNING_LATE, OptionalInt.of(25), LATER)));

        // then the new minutes are kept
        Optional<Confirmation> found = db.inTransaction(c -> confirmations.find(c, SHOW_ID, PRIYA));
        assertThat(change).isEqualTo(ConfirmationChange.CHANGED);
        assertThat(found).map(Confirmation::lateMinutes).contains(OptionalInt.of(25));
    }

    @Test
    @DisplayName("running late once saying by how much and once not is CHANGED")
    void minutesGivenOrNotIsChanged() {
        db.inTransaction(c -> confirmations.upsert(c,
                answer(PRIYA, ConfirmationState.RUNNING_LATE, OptionalInt.empty(), CLICKED)));

        ConfirmationChange change = db.inTransaction(c -> confirmations.upsert(c,
                answer(PRIYA, ConfirmationState.RUNNING_LATE, OptionalInt.of(15), LATER)));

        assertThat(change).isEqualTo(ConfirmationChange.CHANGED);
    }

    @Test
    @DisplayName("a double click is UNCHANGED and keeps the first click's time")
    void doubleClickIsUnchanged() {
        // given Priya clicked "Running late", 10 minutes
        Confirmation first = answer(PRIYA, ConfirmationState.RUNNING_LATE, OptionalInt.of(10), CLICKED);
        db.inTransaction(c -> confirmations.upsert(c, first));

        // when the same click arrives again a moment later
        ConfirmationChange change = db.inTransaction(c -> confirmations.upsert(c,
                answer(PRIYA, ConfirmationState.RUNNING_LATE, OptionalInt.of(10), CLICKED.plusMillis(300))));

        // then nothing is written
        Optional<Confirmation> found = db.inTransaction(c -> confirmations.find(c, SHOW_ID, PRIYA));
        assertThat(change).isEqualTo(ConfirmationChange.UNCHANGED);
        assertThat(found).contains(first);
    }

    @Test
    @DisplayName("two first clicks racing in two transactions: one is NEW, the other UNCHANGED")
    void racingFirstClicks() throws Exception {
        Confirmation click = answer(PRIYA, ConfirmationState.ON_MY_WAY, OptionalInt.empty(), CLICKED);
        try (Connection first = db.database().dataSource().getConnection();
             Connection second = db.database().dataSource().getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            // given one transaction has stored Priya's first answer but not committed yet
            ConfirmationChange firstChange = confirmations.upsert(first, click);

            // when a second transaction stores the same answer, and the first one then commits
            CompletableFuture<ConfirmationChange> secondChange = CompletableFuture.supplyAsync(
                    () -> confirmations.upsert(second, answer(PRIYA, ConfirmationState.ON_MY_WAY,
                            OptionalInt.empty(), CLICKED.plusMillis(40))));
            // Gives the second insert time to wait on the first one's row, the case under test.
            Thread.sleep(200);
            first.commit();

            // then the first is the new answer and the second a repeat of it
            assertThat(firstChange).isEqualTo(ConfirmationChange.NEW);
            assertThat(secondChange.get(10, TimeUnit.SECONDS)).isEqualTo(ConfirmationChange.UNCHANGED);
            second.commit();
        }
        Optional<Confirmation> found = db.inTransaction(c -> confirmations.find(c, SHOW_ID, PRIYA));
        assertThat(found).contains(click);
    }

    @Test
    @DisplayName("a call nobody answered has no confirmation")
    void noAnswer() {
        Optional<Confirmation> found = db.inTransaction(c -> confirmations.find(c, SHOW_ID, PRIYA));

        assertThat(found).isEmpty();
    }

    @Test
    @DisplayName("a show's answers are listed oldest first, without another show's")
    void forShow() {
        // given answers at two shows
        ShowFixture.saveShow(db, "other-show", CLICKED);
        Confirmation tom = answer(TOM, ConfirmationState.HERE, OptionalInt.empty(), LATER);
        Confirmation priya = answer(PRIYA, ConfirmationState.ON_MY_WAY, OptionalInt.empty(), CLICKED);
        Confirmation elsewhere = new Confirmation("other-show", PRIYA, ConfirmationState.HERE, OptionalInt.empty(),
                PRIYA_ID, CLICKED);
        db.database().runInTransaction(c -> {
            confirmations.upsert(c, tom);
            confirmations.upsert(c, elsewhere);
            confirmations.upsert(c, priya);
        });

        // when the first show's answers are listed
        List<Confirmation> listed = db.inTransaction(c -> confirmations.forShow(c, SHOW_ID));

        // then they come in the order they were given
        assertThat(listed).containsExactly(priya, tom);
    }

    private static Confirmation answer(String callKey, ConfirmationState state, OptionalInt lateMinutes,
                                       Instant at) {
        long user = callKey.equals(PRIYA) ? PRIYA_ID : TOM_ID;
        return new Confirmation(SHOW_ID, callKey, state, lateMinutes, user, at);
    }
}

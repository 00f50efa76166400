package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PingOutcome;
import java.sql.Connection;
import java.time.Duration;
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
@DisplayName("Call pings")
class CallPingRepositoryTest {

    private static final Instant DUE = Instant.parse("2027-02-21T14:30:00Z");
    private static final Instant CLAIMED = DUE.plusMillis(120);
    private static final Instant SENT = DUE.plusSeconds(2).plusNanos(345_000_000);
    private static final String PRIYA = "crew:hair:" + ShowFixture.PRIYA;
    private static final String ANYA = "model:Anya Petrova";
    private static final String HOUR_BEFORE = CallPing.reminder(Duration.ofHours(1));

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final CallPingRepository pings = new CallPingRepository();

    @BeforeEach
    void saveShow() {
        ShowFixture.saveShow(db, SHOW_ID, DUE.minusSeconds(86_400));
    }

    @Test
    @DisplayName("a claimed ping is found as claimed and not yet sent")
    void claimAndFind() {
        boolean claimed = db.inTransaction(c -> pings.claim(c, SHOW_ID, PRIYA, CallPing.CALL, DUE, CLAIMED));

        Optional<CallPing> found = db.inTransaction(c -> pings.find(c, SHOW_ID, PRIYA, CallPing.CALL));
        assertThat(claimed).isTrue();
        assertThat(found).contains(new CallPing(SHOW_ID, PRIYA, CallPing.CALL, DUE, CLAIMED,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    @DisplayName("claiming a ping twice returns false and leaves the first claim untouched")
    void doubleClaimCountsOnce() {
        // given Priya's call claimed by the job that fired on time
        db.inTransaction(c -> pings.claim(c, SHOW_ID, PRIYA, CallPing.CALL, DUE, CLAIMED));

        // when a retry claims it again later, with another due time
        boolean again = db.inTransaction(c ->
                pings.claim(c, SHOW_ID, PRIYA, CallPing.CALL, DUE.plusSeconds(60), CLAIMED.plusSeconds(90)));

        // then the retry must not send it, and the first claim's times stand
        CallPing stored = db.inTransaction(c -> pings.find(c, SHOW_ID, PRIYA, CallPing.CALL)).orElseThrow();
        assertThat(again).isFalse();
        assertThat(stored.dueAt()).isEqualTo(DUE);
        assertThat(stored.claimedAt()).isEqualTo(CLAIMED);
    }

    @Test
    @DisplayName("two claims racing in two transactions: exactly one wins")
    void racingClaimsCountOnce() throws Exception {
        try (Connection first = db.database().dataSource().getConnection();
             Connection second = db.database().dataSource().getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            // given one transaction has claimed Priya's call but not committed yet
            boolean firstClaimed = pings.claim(first, SHOW_ID, PRIYA, CallPing.CALL, DUE, CLAIMED);

            // when a second transaction claims it too, and the first one then commits
            CompletableFuture<Boolean> secondClaimed = CompletableFuture.supplyAsync(
                    () -> pings.claim(second, SHOW_ID, PRIYA, CallPing.CALL, DUE, CLAIMED.plusMillis(5)));
            // Gives the second insert time to wait on the first one's row, the case under test.
            Thread.sleep(200);
            first.commit();

            // then only the first one may send it
            assertThat(firstClaimed).isTrue();
            assertThat(secondClaimed.get(10, TimeUnit.SECONDS)).isFalse();
            second.commit();
        }
        Optional<CallPing> found = db.inTransaction(c -> pings.find(c, SHOW_ID, PRIYA, CallPing.CALL));
        assertThat(found).map(CallPing::claimedAt).contains(CLAIMED);
    }

    @Test
    @DisplayName("the call and each of its reminders are claimed separately")
    void callAndRemindersAreSeparate() {
        // given the hour-before reminder of Priya's call claimed
        db.inTransaction(c -> pings.claim(c, SHOW_ID, PRIYA, HOUR_BEFORE, DUE.minusSeconds(3600), CLAIMED));

        // when the call itself and another reminder are claimed
        boolean call = db.inTransaction(c -> pings.claim(c, SHOW_ID, PRIYA, CallPing.CALL, DUE, CLAIMED));
        boolean quarter = db.inTransaction(c -> pings.claim(c, SHOW_ID, PRIYA,
                CallPing.reminder(Duration.ofMinutes(15)), DUE.minusSeconds(900), CLAIMED));

        // then both are new claims
        assertThat(call).isTrue();
        assertThat(quarter).isTrue();
    }

    @Test
    @DisplayName("a completed ping is found with when, how late and how it went out")
    void completeAndFind() {
        // given Priya's call claimed
        db.inTransaction(c -> pings.claim(c, SHOW_ID, PRIYA, CallPing.CALL, DUE, CLAIMED));

        // when her DM failed and she was mentioned in the calls channel instead
        db.database().runInTransaction(c -> pings.complete(c, SHOW_ID, PRIYA, CallPing.CALL, SENT,
                Duration.ofSeconds(2), PingOutcome.CHANNEL, Optional.of("Cannot send messages to this user")));

        // then the ping reads back as sent that way
        Optional<CallPing> found = db.inTransaction(c -> pings.find(c, SHOW_ID, PRIYA, CallPing.CALL));
        assertThat(found).contains(new CallPing(SHOW_ID, PRIYA, CallPing.CALL, DUE, CLAIMED, Optional.of(SENT),
                Optional.of(Duration.ofSeconds(2)), Optional.of(PingOutcome.CHANNEL),
                Optional.of("Cannot send messages to this user")));
    }

    @Test
    @DisplayName("how late a ping went out is kept in whole seconds")
    void lateInWholeSeconds() {
        db.inTransaction(c -> pings.claim(c, SHOW_ID, PRIYA, CallPing.CALL, DUE, CLAIMED));

        db.database().runInTransaction(c -> pings.complete(c, SHOW_ID, PRIYA, CallPing.CALL, SENT,
                Duration.between(DUE, SENT), PingOutcome.DM, Optional.empty()));

        CallPing stored = db.inTransaction(c -> pings.find(c, SHOW_ID, PRIYA, CallPing.CALL)).orElseThrow();
        assertThat(stored.late()).contains(Duration.ofSeconds(2));
        assertThat(stored.detail()).isEmpty();
    }

    @Test
    @DisplayName("completing a ping again changes nothing: the first completion stands")
    void completeTwice() {
        // given Priya's call sent as a DM
        db.inTransaction(c -> pings.claim(c, SHOW_ID, PRIYA, CallPing.CALL, DUE, CLAIMED));
        db.database().runInTransaction(c -> pings.complete(c, SHOW_ID, PRIYA, CallPing.CALL, SENT,
                Duration.ofSeconds(2), PingOutcome.DM, Optional.empty()));

        // when a retry completes it again, differently
        db.database().runInTransaction(c -> pings.complete(c, SHOW_ID, PRIYA, CallPing.CALL, SENT.plusSeconds(30),
                Duration.ofSeconds(32), PingOutcome.CHANNEL, Optional.of("retried")));

        // then it still reads as first completed
        CallPing stored = db.inTransaction(c -> pings.find(c, SHOW_ID, PRIYA, CallPing.CALL)).orElseThrow();
        assertThat(stored.sentAt()).contains(SENT);
        assertThat(stored.outcome()).contains(PingOutcome.DM);
        assertThat(stored.detail()).isEmpty();
    }

    @Test
    @DisplayName("completing a ping that was never claimed is refused")
    void completeUnclaimed() {
        assertThatThrownBy(() -> db.database().runInTransaction(c -> pings.complete(c, SHOW_ID, PRIYA,
                CallPing.CALL, SENT, Duration.ZERO, PingOutcome.DM, Optional.empty())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(PRIYA)
                .hasMessageContaining("never claimed");
    }

    @Test
    @DisplayName("a call itself cannot be dropped, only a reminder")
    void callCannotBeDropped() {
        db.inTransaction(c -> pings.claim(c, SHOW_ID, PRIYA, CallPing.CALL, DUE, CLAIMED));

        assertThatThrownBy(() -> db.database().runInTransaction(c -> pings.complete(c, SHOW_ID, PRIYA,
                CallPing.CALL, SENT, Duration.ZERO, PingOutcome.DROPPED, Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Only a reminder can be dropped");
    }

    @Test
    @DisplayName("a detail longer than its column is cut to fit rather than lose the completion")
    void longDetailIsCut() {
        db.inTransaction(c -> pings.claim(c, SHOW_ID, PRIYA, CallPing.CALL, DUE, CLAIMED));

        db.database().runInTransaction(c -> pings.complete(c, SHOW_ID, PRIYA, CallPing.CALL, SENT,
                Duration.ofSeconds(2), PingOutcome.CHANNEL, Optional.of("x".repeat(800))));

        String detail = db.inTransaction(c -> pings.find(c, SHOW_ID, PRIYA, CallPing.CALL)).orElseThrow()
                .detail().orElseThrow();
        assertThat(detail).hasSize(CallPingRepository.MAX_DETAIL_LENGTH).endsWith("x…");
    }

    @Test
    @DisplayName("a ping that is neither the call nor a reminder is refused before anything is written")
    void malformedPing() {
        assertThatThrownBy(() -> db.inTransaction(c -> pings.claim(c, SHOW_ID, PRIYA, "reminder:soon", DUE, CLAIMED)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reminder:soon");

        List<CallPing> stored = db.inTransaction(c -> pings.forShow(c, SHOW_ID));
        assertThat(stored).isEmpty();
    }

    @Test
    @DisplayName("claimed but unsent pings are exactly the ones a crash left half-done")
    void claimedButNotSent() {
        // given four pings claimed: one sent, one dropped, two never completed; and one at another show
        ShowFixture.saveShow(db, "other-show", DUE);
        db.database().runInTransaction(c -> {
            pings.claim(c, SHOW_ID, PRIYA, CallPing.CALL, DUE, CLAIMED);
            pings.complete(c, SHOW_ID, PRIYA, CallPing.CALL, SENT, Duration.ofSeconds(2), PingOutcome.DM,
                    Optional.empty());
            pings.claim(c, SHOW_ID, ANYA, HOUR_BEFORE, DUE.minusSeconds(3600), CLAIMED);
            pings.complete(c, SHOW_ID, ANYA, HOUR_BEFORE, SENT, Duration.ofSeconds(3602), PingOutcome.DROPPED,
                    Optional.of("her call had passed"));
            pings.claim(c, SHOW_ID, ANYA, CallPing.CALL, DUE, CLAIMED);
            pings.claim(c, SHOW_ID, PRIYA, HOUR_BEFORE, DUE.minusSeconds(3600), CLAIMED);
            pings.claim(c, "other-show", PRIYA, CallPing.CALL, DUE, CLAIMED);
        });

        // when recovery asks what was left half-done
        List<CallPing> halfDone = db.inTransaction(c -> pings.claimedButNotSent(c, SHOW_ID));

        // then it gets the two uncompleted pings of that show, earliest due first
        assertThat(halfDone).extracting(CallPing::callKey, CallPing::ping)
                .containsExactly(tuple(PRIYA, HOUR_BEFORE), tuple(ANYA, CallPing.CALL));
    }

    @Test
    @DisplayName("a show's pings are listed by when they were due, then by call")
    void forShowOrder() {
        db.database().runInTransaction(c -> {
            pings.claim(c, SHOW_ID, PRIYA, CallPing.CALL, DUE, CLAIMED);
            pings.claim(c, SHOW_ID, ANYA, CallPing.CALL, DUE, CLAIMED);
            pings.claim(c, SHOW_ID, PRIYA, HOUR_BEFORE, DUE.minusSeconds(3600), CLAIMED);
        });

        List<CallPing> listed = db.inTransaction(c -> pings.forShow(c, SHOW_ID));

        assertThat(listed).extracting(p -> p.callKey() + " " + p.ping())
                .containsExactly(PRIYA + " reminder:3600", PRIYA + " call", ANYA + " call");
    }

    @Test
    @DisplayName("a call counts as sent only once Discord has accepted it")
    void isCallSentAfterCompletion() {
        // given Priya's call claimed
        db.inTransaction(c -> pings.claim(c, SHOW_ID, PRIYA, CallPing.CALL, DUE, CLAIMED));
        boolean whileClaimed = db.inTransaction(c -> pings.isCallSent(c, SHOW_ID, PRIYA));

        // when Discord accepts it
        db.database().runInTransaction(c -> pings.complete(c, SHOW_ID, PRIYA, CallPing.CALL, SENT,
                Duration.ofSeconds(2), PingOutcome.DM, Optional.empty()));

        // then it counts as sent, and not before
        boolean afterwards = db.inTransaction(c -> pings.isCallSent(c, SHOW_ID, PRIYA));
        assertThat(whileClaimed).isFalse();
        assertThat(afterwards).isTrue();
    }

    @Test
    @DisplayName("a sent reminder does not count as the call being sent")
    void reminderIsNotTheCall() {
        db.database().runInTransaction(c -> {
            pings.claim(c, SHOW_ID, PRIYA, HOUR_BEFORE, DUE.minusSeconds(3600), CLAIMED);
            pings.complete(c, SHOW_ID, PRIYA, HOUR_BEFORE, SENT, Duration.ZERO, PingOutcome.DM, Optional.empty());
        });

        boolean sent = db.inTransaction(c -> pings.isCallSent(c, SHOW_ID, PRIYA));

        assertThat(sent).isFalse();
    }

    @Test
    @DisplayName("a claim that was never sent can be released and claimed again")
    void releaseUnsent() {
        db.inTransaction(c -> pings.claim(c, SHOW_ID, PRIYA, CallPing.CALL, DUE, CLAIMED));

        boolean released = db.inTransaction(c -> pings.release(c, SHOW_ID, PRIYA, CallPing.CALL));

        boolean claimedAgain = db.inTransaction(c -> pings.claim(c, SHOW_ID, PRIYA, CallPing.CALL, DUE, SENT));
        assertThat(released).isTrue();
        assertThat(claimedAgain).isTrue();
    }

    @Test
    @DisplayName("a ping that went out is never released")
    void sentIsNotReleased() {
        db.inTransaction(c -> pings.claim(c, SHOW_ID, PRIYA, CallPing.CALL, DUE, CLAIMED));
        db.database().runInTransaction(c -> pings.complete(c, SHOW_ID, PRIYA, CallPing.CALL, SENT,
                Duration.ofSeconds(2), PingOutcome.DM, Optional.empty()));

        boolean released = db.inTransaction(c -> pings.release(c, SHOW_ID, PRIYA, CallPing.CALL));

        boolean sent = db.inTransaction(c -> pings.isCallSent(c, SHOW_ID, PRIYA));
        assertThat(released).isFalse();
        assertThat(sent).isTrue();
    }
}

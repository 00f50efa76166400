package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.showcall.backstage.CallPing;
import dev.showcall.failover.Lease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/**
 * The lease between instances on one database. Each instance's monotonic clock is a counter the test moves, so
 * nothing here depends on how fast the machine is.
 */
@OnEachDatabase
@DisplayName("The lease that makes one instance active")
class LeaseTest {

    private static final Instant DUE = Instant.parse("2027-02-21T14:30:00Z");
    private static final Lease.Timing TIMING = new Lease.Timing(Duration.ofSeconds(2), Duration.ofSeconds(6),
            Duration.ofMillis(1), Duration.ofSeconds(1));

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    /** The standby's clock: a second passes each time it looks. */
    private final AtomicLong standbyNanos = new AtomicLong();
    private final AtomicLong activeNanos = new AtomicLong();

    @BeforeEach
    void saveShow() {
        ShowFixture.saveShow(db, SHOW_ID, DUE.minusSeconds(86_400));
    }

    private Lease lease(String id, AtomicLong nanos, boolean ticking) {
        return new Lease(db.database(), new Lease.Instance(id, "host-" + id), false, TIMING, Clock.systemUTC(),
                ticking ? () -> nanos.addAndGet(Duration.ofSeconds(1).toNanos()) : nanos::get);
    }

    private static Optional<Lease.Takeover> acquire(Lease lease) throws InterruptedException {
        return lease.acquire(new CountDownLatch(1));
    }

    private boolean claim(Fence fence, String callKey) {
        return db.inTransaction(c -> new CallPingRepository(fence).claim(c, SHOW_ID, callKey, CallPing.CALL, DUE,
                DUE));
    }

    @Test
    @DisplayName("the first instance on a database takes the lease at once, with nobody before it")
    void firstInstance() throws InterruptedException {
        Lease first = lease("a", activeNanos, false);

        Optional<Lease.Takeover> takeover = acquire(first);

        assertThat(takeover).hasValueSatisfying(t -> {
            assertThat(t.epoch()).isEqualTo(1);
            assertThat(t.previous()).isEmpty();
            assertThat(t.fromLostInstance()).isFalse();
        });
        assertThat(first.held()).isTrue();
        assertThat(claim(first.fence(), "crew:a")).isTrue();
    }

    @Test
    @DisplayName("a standby takes over a lease left unrenewed, and the lost instance's claims then fail")
    void takeoverFencesTheLostInstance() throws InterruptedException {
        // given an active instance that stopped renewing (killed, hung, or cut off)
        Lease active = lease("a", activeNanos, false);
        acquire(active);
        Lease standby = lease("b", standbyNanos, true);

        // when the standby has seen the lease unchanged for longer than it lasts
        Optional<Lease.Takeover> takeover = acquire(standby);

        // then it holds it, knows whom it took it from, and only its claims go through
        assertThat(takeover).hasValueSatisfying(t -> {
            assertThat(t.epoch()).isEqualTo(2);
            assertThat(t.fromLostInstance()).isTrue();
            assertThat(t.previous().flatMap(LeaseRepository.Row::holder)).contains("a");
        });
        assertThat(standbyNanos.get()).as("the standby waited at least the lease's length")
                .isGreaterThanOrEqualTo(TIMING.expiresAfter().toNanos());
        assertThatThrownBy(() -> claim(active.fence(), "crew:a")).isInstanceOf(Fence.FencedException.class);
        assertThat(claim(standby.fence(), "crew:b")).isTrue();
        Optional<CallPing> lostClaim = db.inTransaction(c -> new CallPingRepository().find(c, SHOW_ID, "crew:a",
                CallPing.CALL));
        assertThat(lostClaim).as("the lost instance's claim").isEmpty();
    }

    @Test
    @DisplayName("an instance whose lease ran out on its own clock sends nothing, even before anyone took it over")
    void expiredOnItsOwnClock() throws InterruptedException {
        Lease active = lease("a", activeNanos, false);
        acquire(active);

        // a pause longer than the lease, less the safety margin
        activeNanos.addAndGet(TIMING.expiresAfter().minus(TIMING.safety()).toNanos());

        assertThat(active.held()).isFalse();
        assertThatThrownBy(() -> claim(active.fence(), "crew:a")).isInstanceOf(Fence.FencedException.class);
    }

    @Test
    @DisplayName("a lease let go of on a clean stop is taken at once, and is not counted as a lost instance")
    void releasedLease() throws InterruptedException {
        Lease active = lease("a", activeNanos, false);
        acquire(active);
        active.close();
        Lease standby = lease("b", new AtomicLong(), false);

        Optional<Lease.Takeover> takeover = acquire(standby);

        assertThat(takeover).hasValueSatisfying(t -> assertThat(t.fromLostInstance()).isFalse());
        assertThat(takeover.get().previous()).hasValueSatisfying(p -> assertThat(p.released()).isTrue());
    }

    @Test
    @DisplayName("a standby stopped while it waits returns without the lease")
    void stoppedWhileStandingBy() throws InterruptedException {
        acquire(lease("a", activeNanos, false));
        Lease standby = lease("b", new AtomicLong(), false);
        CountDownLatch stop = new CountDownLatch(1);
        stop.countDown();

        assertThat(standby.acquire(stop)).isEmpty();
        assertThat(standby.held()).isFalse();
    }
}

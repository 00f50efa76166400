package dev.showcall.failover;

import dev.showcall.store.Database;
import dev.showcall.store.Fence;
import dev.showcall.store.LeaseRepository;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one showcall instance the active one among several on one database. The active one holds
 * the lease row and renews it every {@link Timing#renewEvery}; the others stand by and take it over
 * once they have seen it unrenewed for {@link Timing#expiresAfter}, measured on their own clock.
 * The holder counts itself active only until {@code expiresAfter - safety} after the start of its
 * last renewal that went through, so it stops before any standby may start.
 *
 * <p>Nothing here trusts the machines' clocks to agree: a standby measures how long the row stayed
 * the same, not how old it looks. Every claim of a send checks the epoch in its own transaction
 * ({@link #fence()}), so an instance that lost the lease (a long pause, cut off from the database)
 * can claim nothing more, whatever it believes.
 *
 * <p>On H2 the database file is locked by the one process that has it open: the lease is taken at
 * once and never expires.
 */
public final class Lease implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Lease.class);

    /** How the lease is kept and watched. */
    public record Timing(Duration renewEvery, Duration expiresAfter, Duration pollEvery, Duration safety) {

        /** A standby takes over 6 to 7 s after the active one stopped renewing. */
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(2), Duration.ofSeconds(6),
                Duration.ofSeconds(1), Duration.ofSeconds(1));

        public Timing {
            if (renewEvery.plus(safety).compareTo(expiresAfter) >= 0) {
                throw new IllegalArgumentException("the lease must be renewed well before it expires");
            }
        }
    }

    /** This process among the instances: its id in the lease row, and the host it runs on. */
    public record Instance(String id, String host) {

        /** {@code host-pid}: two instances on one machine differ by their process ids. */
        public static Instance ofThisProcess() {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown-host";
            }
            return new Instance(host + "-" + ProcessHandle.current().pid(), host);
        }
    }

    /**
     * The lease became this instance's.
     *
     * @param previous the row as the instance before it left it; empty on a database where nobody held it
     * @param at       when this instance took it
     */
    public record Takeover(long epoch, Optional<LeaseRepository.Row> previous, Instant at) {

        /** The lease was taken from an instance that died, hung or was cut off, not handed over on a clean stop. */
        public boolean fromLostInstance() {
            return previous.isPresent() && !previous.get().released();
        }
    }

    private final Database database;
    private final LeaseRepository rows = new LeaseRepository();
    private final Instance instance;
    private final boolean exclusive;
    private final Timing timing;
    private final Clock clock;
    private final LongSupplier nanos;
    private final AtomicBoolean lost = new AtomicBoolean();
    private volatile long epoch;
    private volatile long validUntil;
    private volatile Instant since;
    private volatile Runnable onLost = () -> {
    };
    private ScheduledExecutorService keeper;

    /**
     * @param exclusive the database can be open in this process only (H2's file): the lease is
     *                  taken at once and never expires
     * @param nanos     a monotonic clock in nanoseconds, as {@link System#nanoTime()}
     */
    public Lease(Database database, Instance instance, boolean exclusive, Timing timing, Clock clock,
                 LongSupplier nanos) {
        this.database = database;
        this.instance = instance;
        this.exclusive = exclusive;
        this.timing = timing;
        this.clock = clock;
        this.nanos = nanos;
    }

    public Instance instance() {
        return instance;
    }

    /**
     * Waits until this instance holds the lease, as a standby does.
     *
     * @param stop released to give up waiting (showcall is being stopped)
     * @return the takeover, or empty when {@code stop} was released first
     */
    public Optional<Takeover> acquire(CountDownLatch stop) throws InterruptedException {
        long seenEpoch = -1;
        long seenHeartbeat = -1;
        long seenSince = 0;
        boolean waitingLogged = false;
        boolean failingLogged = false;
        while (stop.getCount() > 0) {
            try {
                long start = nanos.getAsLong();
                Instant now = clock.instant();
                Optional<LeaseRepository.Row> row = database.inTransaction(rows::find);
                if (row.isEmpty()) {
                    if (database.inTransaction(c -> rows.create(c, instance.id(), instance.host(), now))) {
                        return Optional.of(took(1, Optional.empty(), now, start));
                    }
                    continue;
                }
                LeaseRepository.Row current = row.get();
                boolean unchanged = current.epoch() == seenEpoch && current.heartbeat() == seenHeartbeat;
                if (!unchanged) {
                    seenEpoch = current.epoch();
                    seenHeartbeat = current.heartbeat();
                    seenSince = start;
                }
                boolean expired = unchanged && start - seenSince >= timing.expiresAfter().toNanos();
                if (exclusive || current.released() || expired) {
                    if (database.inTransaction(c -> rows.takeOver(c, current.epoch(), current.heartbeat(),
                            instance.id(), instance.host(), now))) {
                        return Optional.of(took(current.epoch() + 1, row, now, start));
                    }
                    continue;
                }
                if (!waitingLogged) {
                    log.info("Standing by: {} on {} is the active showcall since {}", current.holder().orElse("?"),
                            current.host(), current.acquiredAt());
                    waitingLogged = true;
                }
                failingLogged = false;
            } catch (RuntimeException e) {
                if (!failingLogged) {
                    log.warn("Standing by: the lease cannot be read; trying again", e);
                    failingLogged = true;
                }
            }
            if (stop.await(timing.pollEvery().toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Takeover took(long newEpoch, Optional<LeaseRepository.Row> previous, Instant now, long start) {
        epoch = newEpoch;
        since = now;
        validUntil = start + validity();
        previous.ifPresentOrElse(
                p -> log.info("This instance ({}) is now the active showcall, epoch {}; before it: {} on {}{}",
                        instance.id(), newEpoch, p.holder().orElse("nobody"), p.host(),
                        p.released() ? ", which stopped cleanly" : ", last renewed at " + p.renewedAt()),
                () -> log.info("This instance ({}) is the active showcall, epoch {}", instance.id(), newEpoch));
        return new Takeover(newEpoch, previous, now);
    }

    private long validity() {
        return timing.expiresAfter().minus(timing.safety()).toNanos();
    }

    /**
     * Renews the lease from now on, and calls {@code lost} once (from a thread of its own) if this
     * instance loses it: another instance took it over, or it could not be renewed in time.
     */
    public synchronized void keep(Runnable lost) {
        if (epoch == 0) {
            throw new IllegalStateException("the lease is not held");
        }
        onLost = lost;
        keeper = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "showcall-lease");
            t.setDaemon(true);
            return t;
        });
        keeper.scheduleWithFixedDelay(this::renew, timing.renewEvery().toMillis(), timing.renewEvery().toMillis(),
                TimeUnit.MILLISECONDS);
        if (!exclusive) {
            long every = Math.max(50, timing.safety().toMillis() / 4);
            keeper.scheduleAtFixedRate(this::watch, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void renew() {
        if (lost.get()) {
            return;
        }
        long start = nanos.getAsLong();
        try {
            if (database.inTransaction(c -> rows.renew(c, epoch, instance.id(), clock.instant()))) {
                validUntil = Math.max(validUntil, start + validity());
            } else {
                lose("another instance has taken the lease over");
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew the lease; {} ms left before this instance stops", Math.max(0,
                    (validUntil - nanos.getAsLong()) / 1_000_000), e);
        }
    }

    private void watch() {
        if (!lost.get() && nanos.getAsLong() - validUntil >= 0) {
            lose("the lease could not be renewed in time");
        }
    }

    private void lose(String why) {
        if (lost.compareAndSet(false, true)) {
            log.error("This instance ({}) is no longer the active showcall: {}. It sends nothing more.", instance.id(),
                    why);
            onLost.run();
        }
    }

    /** Whether this instance may send now: it holds the lease and it has not run out. */
    public boolean held() {
        return epoch > 0 && !lost.get() && (exclusive || nanos.getAsLong() - validUntil < 0);
    }

    /** When this instance became the active one. */
    public Optional<Instant> since() {
        return Optional.ofNullable(since);
    }

    /** The check every claim of a send makes in its transaction: the lease is this instance's, at this epoch. */
    public Fence fence() {
        return c -> {
            if (!held() || !rows.holds(c, epoch, instance.id())) {
                throw new Fence.FencedException("This instance (" + instance.id() + ") no longer holds the lease");
            }
        };
    }

    /** Stops renewing and, when still held, lets go of the lease so a standby takes over at once. */
    @Override
    public synchronized void close() {
        if (keeper != null) {
            keeper.shutdownNow();
        }
        if (epoch > 0 && lost.compareAndSet(false, true)) {
            try {
                database.inTransaction(c -> rows.release(c, epoch, instance.id()));
                log.info("Let go of the lease: a standby may take over at once");
            } catch (RuntimeException e) {
                log.warn("Could not let go of the lease; a standby takes over once it expires", e);
            }
        }
    }
}

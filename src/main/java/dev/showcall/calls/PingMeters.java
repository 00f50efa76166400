package dev.showcall.calls;

import dev.showcall.backstage.PingOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * What {@code /metrics} says of the pings: how many Discord took, by how they went out, how many of those were
 * late, and how late, as a histogram a producer's dashboard can read an SLO from.
 */
public final class PingMeters {

    public static final String SENT = "showcall.pings.sent";
    public static final String SENT_LATE = "showcall.pings.sent.late";
    public static final String LATENESS = "showcall.pings.lateness";
    public static final String GIVEN_UP = "showcall.pings.given.up";

    private final MeterRegistry registry;
    private final Counter late;
    private final Counter givenUp;
    private final Timer lateness;

    public PingMeters(MeterRegistry registry) {
        this.registry = registry;
        this.late = Counter.builder(SENT_LATE)
                .description("Pings Discord took more than " + Lateness.ON_TIME.toSeconds() + " s after they were due")
                .register(registry);
        this.givenUp = Counter.builder(GIVEN_UP).description("Pings not delivered after every retry").register(registry);
        // the buckets a call sheet cares about: on time, a channel burst, a minute, a restart
        this.lateness = Timer.builder(LATENESS).description("From when a ping was due to when Discord took it")
                .serviceLevelObjectives(Duration.ofMillis(500), Duration.ofSeconds(1), Lateness.ON_TIME,
                        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30))
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(2))
                .register(registry);
    }

    /** Discord took a ping, {@code afterDue} after it was due (negative when sent ahead, as a moved call is). */
    void sent(PingOutcome outcome, Duration afterDue) {
        Counter.builder(SENT).description("Pings Discord took").tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry).increment();
        Duration late = afterDue.isNegative() ? Duration.ZERO : afterDue;
        lateness.record(late);
        if (late.compareTo(Lateness.ON_TIME) > 0) {
            this.late.increment();
        }
    }

    void gaveUp() {
        givenUp.increment();
    }
}

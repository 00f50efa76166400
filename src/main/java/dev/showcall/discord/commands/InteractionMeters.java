package dev.showcall.discord.commands;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;

/**
 * What {@code /metrics} says of the interactions: each one answered, by kind, with the time from its reaching
 * showcall to Discord taking the answer, and those whose answer Discord did not take.
 */
public final class InteractionMeters {

    public static final String ANSWERED = "showcall.interactions.answered";
    public static final String UNANSWERED = "showcall.interactions.unanswered";

    /** Counts nothing: for listeners built without a registry. */
    public static final InteractionMeters NONE = new InteractionMeters(new CompositeMeterRegistry());

    private final MeterRegistry registry;

    public InteractionMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Discord took the answer to an interaction of this kind ({@code command}, {@code button}). */
    void answered(String kind, boolean deferred, long nanos) {
        Timer.builder(ANSWERED).description("From an interaction reaching showcall to Discord taking its answer")
                .tag("kind", kind).tag("deferred", Boolean.toString(deferred))
                // Discord drops an interaction not acknowledged within 3 s
                .serviceLevelObjectives(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(2), Duration.ofSeconds(3))
                .register(registry).record(Duration.ofNanos(nanos));
    }

    /** Discord refused, or never took, the answer to an interaction of this kind. */
    void unanswered(String kind) {
        Counter.builder(UNANSWERED).description("Interactions whose answer Discord did not take")
                .tag("kind", kind).register(registry).increment();
    }
}

package dev.showcall.calls;

import dev.showcall.show.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How late one ping goes out, and what held it. Within {@link #ON_TIME} of its time a ping is on
 * time; later, its message says so: "sent 31s late: showcall was offline".
 *
 * <p>The note is asked for when the message is composed, and again each time it is composed anew (a
 * retry, a calls-channel message that waited for the channel), so it tells how late the message is
 * as it goes out. What held the ping is a sequence of waits, each lasting until the next begins;
 * the note names the one that cost the most in all. The time a message spends being sent, from
 * when it was composed, counts for what is said next: the reason it failed, or nothing if it went.
 */
public final class Lateness {

    /**
     * Quartz fires a ping within milliseconds of its time and Discord takes it in a few hundred; the
     * calls channel, paced at 5 writes per 5 s, holds a burst for two or three seconds. A ping later
     * than this was held by something the person reading it should know about.
     */
    public static final Duration ON_TIME = Duration.ofSeconds(5);
    /** It fell due before this showcall started: it was down, or starting. */
    public static final String OFFLINE = "showcall was offline";
    /** It fell due while showcall ran, and was handed over late (Quartz's threads or the database held it). */
    public static final String BUSY = "showcall was busy";

    private final Clock clock;
    private final Map<String, Duration> held = new LinkedHashMap<>();
    private Instant due;
    /** What holds it now; null while its message is being sent. */
    private String holding;
    /** What held it before it was sent. */
    private String before;
    private Instant since;
    private Optional<String> told = Optional.empty();

    /** A ping due at {@code due}, held by {@code reason} until something else holds it. */
    public Lateness(Instant due, String reason, Clock clock) {
        this.clock = clock;
        this.due = due;
        this.holding = reason;
        this.before = reason;
        this.since = due;
    }

    /** From now on, {@code reason} holds the ping. */
    public synchronized void heldBy(String reason) {
        close(reason);
        holding = reason;
        before = reason;
    }

    /** The ping is due at another time now (a delay moved its call). */
    public synchronized void dueAt(Instant newDue) {
        due = newDue;
    }

    /**
     * What its message says now, as it is composed and sent: empty when on time, else "31s late:
     * showcall was offline" (whole seconds under a minute, whole minutes after).
     */
    public synchronized Optional<String> note() {
        Instant now = close(null);
        holding = null;
        Duration late = Duration.between(due, now);
        told = late.compareTo(ON_TIME) > 0 ? Optional.of(say(late) + " late: " + costliest()) : Optional.empty();
        return told;
    }

    /** What the message last composed said. */
    public synchronized Optional<String> told() {
        return told;
    }

    private Instant close(String next) {
        Instant now = clock.instant();
        String reason = holding != null ? holding : next != null ? next : before;
        if (now.isAfter(since)) {
            held.merge(reason, Duration.between(since, now), Duration::plus);
            since = now;
        }
        return now;
    }

    private String costliest() {
        return held.entrySet().stream().reduce((a, b) -> b.getValue().compareTo(a.getValue()) > 0 ? b : a)
                .map(Map.Entry::getKey).orElse(BUSY);
    }

    /** {@code 31s}, {@code 7m}, {@code 1h05m}. */
    static String say(Duration late) {
        return late.compareTo(Duration.ofMinutes(1)) < 0 ? Durations.format(Duration.ofSeconds(late.toSeconds()))
                : Durations.format(Duration.ofMinutes(late.toMinutes()));
    }
}

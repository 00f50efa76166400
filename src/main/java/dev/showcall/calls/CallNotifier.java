package dev.showcall.calls;

import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Call;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Delivers calls to people; the Discord side implements it. Each method returns once Discord has
 * accepted the message, and throws when it could not be delivered for a reason that may pass
 * (Discord down): the ping is then retried.
 */
public interface CallNotifier {

    /**
     * Their call: a DM with the details and the confirmation buttons; when the DM cannot be
     * delivered, a mention in the calls channel instead.
     *
     * @param callAt  the call time, with any delay
     * @param lateBy  how late this goes out, when showcall was offline at the time
     */
    PingOutcome call(PlannedShow show, Call call, Instant callAt, Optional<Duration> lateBy);

    /** A reminder {@code before} their call (one of the show file's reminder offsets), with the same buttons. */
    PingOutcome remind(PlannedShow show, Call call, Instant callAt, Duration before, Optional<Duration> lateBy);

    /** "Your call moved from 14:00 to 14:30: <reason>", by DM, or in the calls channel when a DM cannot reach them. */
    PingOutcome moved(PlannedShow show, Call call, Instant from, Instant to, String reason);

    /**
     * A notice to one person, such as a dresser whose look is now worn by someone else: by DM, or
     * with a mention in the calls channel when a DM cannot reach them. The text pings nobody.
     */
    PingOutcome tell(PlannedShow show, long userId, String text);

    /** "Hair: your call is now, 6 people" in the calls channel; roles called through it are mentioned. */
    void announce(PlannedShow show, String title, List<Call> calls, Instant callAt, Optional<Duration> lateBy);
}

package dev.showcall.calls;

import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Call;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Delivers calls to people; the Discord side implements it. Each method returns at once, without
 * waiting for Discord: the future completes once Discord has accepted the message, and fails when
 * it could not be delivered for a reason that may pass (Discord down): the ping is then retried.
 *
 * <p>{@code key} names the message among everything showcall sends (show, subject and ping): a
 * retry of the same key is the same message, which Discord does not post twice.
 */
public interface CallNotifier {

    /**
     * Their call: a DM with the details and the confirmation buttons; when the DM cannot be
     * delivered, a mention in the calls channel instead.
     *
     * @param callAt the call time, with any delay
     * @param late   asked for its note as the message is composed; told what holds the message while it waits
     */
    CompletableFuture<PingOutcome> call(String key, PlannedShow show, Call call, Instant callAt, Lateness late);

    /** A reminder before their call, with the same buttons. */
    CompletableFuture<PingOutcome> remind(String key, PlannedShow show, Call call, Instant callAt, Lateness late);

    /** "Your call moved from 14:00 to 14:30: <reason>", by DM, or in the calls channel when a DM cannot reach them. */
    CompletableFuture<PingOutcome> moved(String key, PlannedShow show, Call call, Instant from, Instant to,
                                         String reason);

    /**
     * A notice to one person, such as a dresser whose look is now worn by someone else: by DM, or
     * with a mention in the calls channel when a DM cannot reach them. The text pings nobody.
     */
    CompletableFuture<PingOutcome> tell(String key, PlannedShow show, long userId, String text);

    /**
     * "Hair: your call is now, 6 people" in the calls channel; roles called through it are
     * mentioned. Announcements due together may go out as one message, in the order they were due.
     */
    CompletableFuture<Void> announce(String key, PlannedShow show, String title, List<Call> calls, Instant callAt,
                                     Lateness late);

    /**
     * A step of a ladder for someone who has not confirmed their call, or not arrived: a DM to them again (with the
     * call's buttons), a DM to their lead (with "I reached them"), a mention in the calls channel, or a DM to every
     * producer (with "Offer standby" for a model). What cannot reach them by DM goes to the calls channel, as a call
     * does.
     */
    CompletableFuture<PingOutcome> escalate(String key, PlannedShow show, Call call, Escalated step, Lateness late);

    /**
     * What held a message that one of these futures failed for, as its late note will say once it
     * goes out ("Discord was not answering").
     */
    String whyNotSent(Throwable failure);
}

package dev.showcall.calls;

import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.callsheet.SheetLine;
import dev.showcall.show.Call;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sends someone their call sheet ahead of the day; the Discord side implements it. Returns at once, as
 * {@link CallNotifier} does: the future completes once Discord has the message, and fails when it may be retried.
 */
public interface CallSheetNotifier {

    /**
     * A DM with their call, department, meeting point, lead and notes, their call as a calendar file, and Got it;
     * when the DM cannot be delivered, a mention in the calls channel instead.
     *
     * @param key    names the message among everything showcall sends: a retry of it is not posted twice
     * @param call   the call as the sheet tells it, as planned
     * @param delay  the delays declared so far, which move the call
     * @param before what their last call sheet said, for an update: only the parts that changed are sent
     * @param ping   which of their call sheets this is, for its Got it button
     */
    CompletableFuture<PingOutcome> callSheet(String key, PlannedShow show, Call call, Duration delay,
                                             Optional<SheetLine> before, String ping);
}

package dev.showcall.backstage;

import dev.showcall.show.Escalation;
import java.time.Instant;

/** A lead reached someone on a ladder: that ladder climbs no further for them. */
public record EscalationStop(String showId, String callKey, Escalation.Condition condition, long stoppedBy,
                             Instant stoppedAt) {
}

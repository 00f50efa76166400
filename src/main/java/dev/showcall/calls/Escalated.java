package dev.showcall.calls;

import dev.showcall.show.Escalation;
import java.time.Instant;

/**
 * A step of a ladder being taken for someone.
 *
 * @param step   its number, from 1
 * @param of     how many steps the ladder has
 * @param callAt their call, with any delay
 */
public record Escalated(Escalation.Condition condition, int step, int of, Escalation.Action action, Instant callAt) {

    /** "step 2 of 3: lead told". */
    public String describe() {
        return "step " + step + " of " + of + ": " + action.done();
    }
}

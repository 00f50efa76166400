package dev.showcall.timeline;

import java.util.List;
import java.util.Objects;

/**
 * One message of the log: consecutive events, one line each.
 *
 * @param eventIds   the events it accounts for, in order: those it shows and the quiet ones among them
 * @param content    the message text, at most {@link LogBatcher#MAX_MESSAGE} characters; empty when
 *                   every event is one the log does not show
 * @param pingsRoles whether it carries a late alert, whose role mention is meant to ping
 */
public record LogBatch(List<Long> eventIds, String content, boolean pingsRoles) {

    public LogBatch {
        eventIds = List.copyOf(eventIds);
        Objects.requireNonNull(content, "content");
        if (eventIds.isEmpty() || content.length() > LogBatcher.MAX_MESSAGE) {
            throw new IllegalArgumentException("A log message shows 1 or more events in at most "
                    + LogBatcher.MAX_MESSAGE + " characters; got " + eventIds.size() + " in " + content.length());
        }
    }

    /** Nothing to post: every event in it is one the log does not show. */
    public boolean quiet() {
        return content.isEmpty();
    }

    /** The id the batch is claimed under until Discord has it: its first event's. */
    public long id() {
        return eventIds.get(0);
    }
}

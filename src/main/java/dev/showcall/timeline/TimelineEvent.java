package dev.showcall.timeline;

import dev.showcall.text.UserText;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One line of a show's timeline. It is written in the same transaction as the change it
 * reports and published to Discord later, so {@code publishedAt} is empty until then.
 *
 * @param id          assigned when the event is stored; {@link #UNSTORED} before
 * @param actorUserId the Discord user who caused it, if a person did
 * @param subject     what it is about, such as a call key or a look number
 */
public record TimelineEvent(
        long id,
        String showId,
        Instant occurredAt,
        EventKind kind,
        OptionalLong actorUserId,
        Optional<String> subject,
        String text,
        Optional<Instant> publishedAt) {

    public static final long UNSTORED = 0;

    /** Discord refuses longer message content, and an event must fit in one message. */
    public static final int MAX_TEXT_LENGTH = 2000;

    public TimelineEvent {
        Objects.requireNonNull(showId, "showId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actorUserId, "actorUserId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(publishedAt, "publishedAt");
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("Timeline text is " + text.length()
                    + " characters long; at most " + MAX_TEXT_LENGTH + " fit in a Discord message");
        }
    }

    /**
     * A new event, not stored nor published yet. Its text is cut to what one message holds: a long
     * list of looks never stops the change it reports from being stored.
     */
    public static TimelineEvent of(String showId, Instant occurredAt, EventKind kind,
                                   OptionalLong actorUserId, Optional<String> subject, String text) {
        return new TimelineEvent(UNSTORED, showId, occurredAt, kind, actorUserId, subject,
                UserText.cut(text, MAX_TEXT_LENGTH), Optional.empty());
    }

    public boolean isPublished() {
        return publishedAt.isPresent();
    }
}

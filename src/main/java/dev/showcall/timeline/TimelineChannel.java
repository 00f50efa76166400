package dev.showcall.timeline;

import java.util.Optional;

/**
 * A show's timeline channel on Discord; the Discord side implements it. Each method returns once
 * Discord answered and throws when it did not take the request: a {@link MessageGone} when the
 * message is no longer there, any other {@link RuntimeException} for a failure that may pass
 * (an outage, a timeout), after which the feed retries. A post carries a {@link PostKey}, so that
 * Discord takes a retry of it as the same message.
 */
public interface TimelineChannel {

    long channelId();

    /**
     * Posts a log message; gives its id. A post with the {@code key} of one the channel took in the
     * last few minutes gives that message's id and posts nothing.
     */
    long post(LogBatch batch, PostKey key);

    /** Among the bot's most recent messages in the channel, the one with exactly this content. */
    Optional<Long> findRecent(String content);

    /** Posts a new board; gives its id. With a {@code key} taken in the last few minutes, as {@link #post}. */
    long postBoard(Board board, PostKey key);

    /** Among the channel's pinned messages, a board of the bot's with this title. */
    Optional<Long> findPinnedBoard(String title);

    void editBoard(long messageId, Board board);

    void pin(long messageId);

    /** Whether the message is still there. */
    boolean exists(long messageId);

    /** Discord answered that the message does not exist (10008 Unknown Message): someone deleted it. */
    final class MessageGone extends RuntimeException {

        public MessageGone(long messageId, Throwable cause) {
            super("message " + messageId + " is gone", cause);
        }
    }
}

package dev.showcall.timeline;

/**
 * A message for a show's timeline channel besides its board and its log, such as the after-show
 * report: the show's {@link TimelineFeed} posts it in its turn, within the channel's write limit.
 */
@FunctionalInterface
public interface ChannelPost {

    /**
     * Posts the message, waiting for Discord's answer (for a bounded time); runs on the feed's thread.
     *
     * @return the id of the message Discord holds
     * @throws RuntimeException when Discord did not take it, or its answer was lost
     */
    long post();
}

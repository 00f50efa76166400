package dev.showcall.discord.stub;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The DM channels the bot opened, one per user, as {@code POST users/@me/channels} hands them out. */
final class DmChannels {

    private final Map<Long, Long> channelByUser = new HashMap<>();
    private final Map<Long, Long> userByChannel = new HashMap<>();
    private final java.util.Set<Long> closed = new java.util.HashSet<>();

    /** This user accepts no DMs from the bot (privacy settings, or left every shared server). */
    synchronized void close(long userId) {
        closed.add(userId);
    }

    synchronized boolean acceptsMessagesIn(long channelId) {
        Long user = userByChannel.get(channelId);
        return user == null || !closed.contains(user);
    }

    synchronized long open(long userId) {
        return channelByUser.computeIfAbsent(userId, user -> {
            long channel = Snowflakes.next();
            userByChannel.put(channel, user);
            return channel;
        });
    }

    synchronized Optional<Long> channelOf(long userId) {
        return Optional.ofNullable(channelByUser.get(userId));
    }

    synchronized Optional<Long> recipientOf(long channelId) {
        return Optional.ofNullable(userByChannel.get(channelId));
    }
}

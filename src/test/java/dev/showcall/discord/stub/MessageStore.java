package dev.showcall.discord.stub;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The messages in every channel, oldest first. Thread-safe. */
final class MessageStore {

    private final Map<Long, List<StoredMessage>> byChannel = new LinkedHashMap<>();
    private final Map<Long, StoredMessage> byId = new HashMap<>();

    synchronized void add(StoredMessage message) {
        byChannel.computeIfAbsent(message.channelId(), id -> new ArrayList<>()).add(message);
        byId.put(message.id(), message);
    }

    /**
     * Adds the message, which carries a nonce, unless one with the same nonce was created in its channel within
     * {@code window}: Discord's
     * {@code enforce_nonce}. Every message in a channel here is the bot's, so the channel is the author's too.
     *
     * @return the message now in the channel under that nonce: this one, or the one created before
     */
    synchronized StoredMessage addUnlessNonceSeen(StoredMessage message, Duration window) {
        String nonce = message.nonce();
        Instant since = message.createdAt().minus(window);
        Optional<StoredMessage> earlier = byChannel.getOrDefault(message.channelId(), List.of()).stream()
                .filter(m -> nonce.equals(m.nonce()) && !m.createdAt().isBefore(since))
                .findFirst();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        add(message);
        return message;
    }

    synchronized Optional<StoredMessage> find(long channelId, long messageId) {
        StoredMessage message = byId.get(messageId);
        return message != null && message.channelId() == channelId ? Optional.of(message) : Optional.empty();
    }

    synchronized Optional<StoredMessage> find(long messageId) {
        return Optional.ofNullable(byId.get(messageId));
    }

    synchronized boolean delete(long channelId, long messageId) {
        Optional<StoredMessage> message = find(channelId, messageId);
        message.ifPresent(m -> {
            byId.remove(messageId);
            byChannel.get(channelId).remove(m);
        });
        return message.isPresent();
    }

    synchronized List<StoredMessage> inChannel(long channelId) {
        return List.copyOf(byChannel.getOrDefault(channelId, List.of()));
    }
}

package dev.showcall.discord.stub;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every interaction the stub delivered, by id and by token. */
final class InteractionLedger {

    private final Map<Long, PendingInteraction> byId = new ConcurrentHashMap<>();
    private final Map<String, PendingInteraction> byToken = new ConcurrentHashMap<>();

    void add(PendingInteraction interaction) {
        byId.put(interaction.id(), interaction);
        byToken.put(interaction.token(), interaction);
    }

    Optional<PendingInteraction> byId(long id, String token) {
        PendingInteraction interaction = byId.get(id);
        return interaction != null && interaction.token().equals(token) ? Optional.of(interaction) : Optional.empty();
    }

    Optional<PendingInteraction> byToken(String token) {
        return Optional.ofNullable(byToken.get(token));
    }
}

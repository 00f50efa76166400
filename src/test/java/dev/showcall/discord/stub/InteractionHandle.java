package dev.showcall.discord.stub;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** An interaction the stub delivered to the bot; wait here for the bot's answer. */
public final class InteractionHandle {

    private final PendingInteraction interaction;

    InteractionHandle(PendingInteraction interaction) {
        this.interaction = interaction;
    }

    public long id() {
        return interaction.id();
    }

    public String token() {
        return interaction.token();
    }

    /**
     * Waits for the bot's answer as the user ends up seeing it: the first callback and, when that deferred, the edit
     * of {@code @original} that replaces the "thinking…" state.
     *
     * @throws AssertionError when the bot did not answer (or did not finish a deferred answer) in time
     */
    public InteractionResponse awaitResponse(Duration timeout) {
        if (!interaction.awaitCompleted(timeout)) {
            if (interaction.acknowledged()) {
                throw new AssertionError(interaction.description() + " was deferred but @original was not edited within "
                        + timeout.toMillis() + " ms");
            }
            throw new AssertionError(interaction.description() + " got no response within " + timeout.toMillis() + " ms");
        }
        return interaction.response();
    }

    /**
     * Waits for the bot's first callback only (a deferral counts).
     *
     * @throws AssertionError when the bot did not acknowledge in time
     */
    public InteractionResponse awaitAcknowledgement(Duration timeout) {
        if (!interaction.awaitAcknowledged(timeout)) {
            throw new AssertionError(interaction.description() + " was not acknowledged within " + timeout.toMillis()
                    + " ms");
        }
        return interaction.response();
    }

    /**
     * Waits until the bot sent at least {@code count} follow-up messages.
     *
     * @throws AssertionError when fewer came in time
     */
    public List<StubMessage> awaitFollowUps(int count, Duration timeout) {
        if (!interaction.awaitFollowUps(count, timeout)) {
            throw new AssertionError(interaction.description() + " got " + interaction.followUps().size()
                    + " follow-ups within " + timeout.toMillis() + " ms, expected " + count);
        }
        return interaction.followUps().stream().map(StoredMessage::view).toList();
    }

    /** The answer so far, without waiting. */
    public Optional<InteractionResponse> response() {
        return Optional.ofNullable(interaction.response());
    }
}

package dev.showcall.discord.stub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** An interaction the stub delivered and what the bot has done with it so far. Thread-safe. */
final class PendingInteraction {

    static final Duration RESPONSE_DEADLINE = Duration.ofSeconds(3);

    private final long id;
    private final int type;
    private final String token;
    private final String description;
    private final long channelId;
    private final long guildId;
    private final long componentMessageId;
    private long deliveredNanos;
    private int callbackType;
    private long callbackNanos;
    private StoredMessage message;
    private boolean originalEdited;
    private List<InteractionResponse.Choice> choices = List.of();
    private final List<StoredMessage> followUps = new ArrayList<>();
    private long version;
    private long published;

    PendingInteraction(long id, int type, String token, String description, long channelId, long guildId,
                       long componentMessageId) {
        this.id = id;
        this.type = type;
        this.token = token;
        this.description = description;
        this.channelId = channelId;
        this.guildId = guildId;
        this.componentMessageId = componentMessageId;
        this.deliveredNanos = System.nanoTime();
    }

    long id() {
        return id;
    }

    /** The interaction's type: 2 command, 3 component, 4 autocomplete. */
    int type() {
        return type;
    }

    String token() {
        return token;
    }

    long channelId() {
        return channelId;
    }

    long guildId() {
        return guildId;
    }

    long componentMessageId() {
        return componentMessageId;
    }

    String description() {
        return description;
    }

    synchronized void delivered() {
        deliveredNanos = System.nanoTime();
    }

    synchronized boolean acknowledged() {
        return callbackType != 0;
    }

    synchronized Duration sinceDelivery() {
        return Duration.ofNanos(System.nanoTime() - deliveredNanos);
    }

    synchronized void acknowledge(int type, StoredMessage responseMessage) {
        callbackType = type;
        callbackNanos = System.nanoTime();
        message = responseMessage;
        version++;
    }

    synchronized void choices(List<InteractionResponse.Choice> offered) {
        choices = List.copyOf(offered);
        acknowledge(InteractionResponse.AUTOCOMPLETE_RESULT, null);
    }

    synchronized StoredMessage message() {
        return message;
    }

    synchronized void originalEdited() {
        originalEdited = true;
        version++;
    }

    synchronized void originalDeleted() {
        message = null;
        originalEdited = true;
        version++;
    }

    synchronized void followUp(StoredMessage followUp) {
        followUps.add(followUp);
        version++;
    }

    /** Lets waiting tests see the changes so far; called once the request that made them is recorded. */
    synchronized void publish() {
        published = version;
        notifyAll();
    }

    synchronized List<StoredMessage> followUps() {
        return List.copyOf(followUps);
    }

    synchronized boolean awaitAcknowledged(Duration timeout) {
        return await(timeout, () -> callbackType != 0);
    }

    /** Waits for the first callback and, when it deferred, for the edit of {@code @original} that completes it. */
    synchronized boolean awaitCompleted(Duration timeout) {
        return await(timeout, () -> callbackType != 0 && (!deferred() || originalEdited));
    }

    synchronized boolean awaitFollowUps(int count, Duration timeout) {
        return await(timeout, () -> followUps.size() >= count);
    }

    synchronized InteractionResponse response() {
        if (callbackType == 0) {
            return null;
        }
        return new InteractionResponse(callbackType, Duration.ofNanos(callbackNanos - deliveredNanos),
                message == null ? null : message.view(), choices,
                followUps.stream().map(StoredMessage::view).toList());
    }

    synchronized boolean deferred() {
        return callbackType == InteractionResponse.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
                || callbackType == InteractionResponse.DEFERRED_UPDATE_MESSAGE;
    }

    private boolean await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (published != version || !condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}

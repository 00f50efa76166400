package dev.showcall.discord.commands;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one interaction exactly once, within Discord's three seconds: the answer itself when
 * the work is quick, otherwise an early "thinking" acknowledgement and then the answer.
 */
public final class Responder {

    /** Leaves a second of Discord's three for the acknowledgement itself to arrive. */
    static final Duration ACKNOWLEDGE_AFTER = Duration.ofMillis(2000);

    private static final Logger log = LoggerFactory.getLogger(Responder.class);

    private final IReplyCallback interaction;
    private final AtomicBoolean acknowledged = new AtomicBoolean();
    /** The first answer only: an edit later is not a second answer. */
    private final AtomicBoolean answered = new AtomicBoolean();
    private final InteractionMeters meters;
    private final String kind;
    private final long receivedNanos = System.nanoTime();

    Responder(IReplyCallback interaction) {
        this(interaction, InteractionMeters.NONE, "command");
    }

    Responder(IReplyCallback interaction, InteractionMeters meters, String kind) {
        this.interaction = interaction;
        this.meters = meters;
        this.kind = kind;
    }

    /** Defers the answer if it has not been given {@link #ACKNOWLEDGE_AFTER} from now. */
    void acknowledgeIfSlow(ScheduledExecutorService timer) {
        acknowledgeIfSlow(timer, ACKNOWLEDGE_AFTER);
    }

    void acknowledgeIfSlow(ScheduledExecutorService timer, Duration after) {
        timer.schedule(this::acknowledgeNow, after.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void acknowledgeNow() {
        if (!acknowledged.compareAndSet(false, true)) {
            return;
        }
        if (interaction instanceof IMessageEditCallback edit) {
            edit.deferEdit().queue(null, e -> log.warn("Could not acknowledge interaction {}", interaction.getId(), e));
        } else {
            interaction.deferReply(true).queue(null, e -> log.warn("Could not acknowledge interaction {}", interaction.getId(), e));
        }
    }

    /** An ephemeral answer to the person who used the command. */
    public void reply(MessageCreateData message) {
        if (acknowledged.compareAndSet(false, true)) {
            interaction.reply(message).setEphemeral(true).queue(ok -> answered(false),
                    e -> unanswered("Could not answer interaction {}", e));
        } else {
            interaction.getHook().editOriginal(MessageEditData.fromCreateData(message)).queue(ok -> answered(true),
                    e -> unanswered("Could not answer interaction {}", e));
        }
    }

    private void answered(boolean deferred) {
        if (answered.compareAndSet(false, true)) {
            meters.answered(kind, deferred, System.nanoTime() - receivedNanos);
        }
    }

    private void unanswered(String message, Throwable e) {
        log.warn(message, interaction.getId(), e);
        if (answered.compareAndSet(false, true)) {
            meters.unanswered(kind);
        }
    }

    /** Changes the answer given with {@link #reply}, as when what it said was under way has happened since. */
    public void edit(MessageCreateData message) {
        interaction.getHook().editOriginal(MessageEditData.fromCreateData(message))
                .queue(null, e -> log.warn("Could not edit the answer to interaction {}", interaction.getId(), e));
    }

    /** Replaces the message whose button was clicked (for component interactions). */
    public void update(MessageCreateData message) {
        if (!(interaction instanceof IMessageEditCallback edit)) {
            reply(message);
            return;
        }
        MessageEditData data = MessageEditData.fromCreateData(message);
        if (acknowledged.compareAndSet(false, true)) {
            edit.editMessage(data).queue(ok -> answered(false), e -> unanswered("Could not update message of {}", e));
        } else {
            interaction.getHook().editOriginal(data).queue(ok -> answered(true),
                    e -> unanswered("Could not update message of {}", e));
        }
    }

    boolean isAcknowledged() {
        return acknowledged.get();
    }
}

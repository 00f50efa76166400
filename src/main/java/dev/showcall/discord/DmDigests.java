package dev.showcall.discord;

import dev.showcall.text.UserText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/**
 * The DMs to one person that fall due together, sent as few messages as they fit in: a lead told about five of their
 * department at once, a producer about every model of a wave. Discord lets a channel take five messages per five
 * seconds, a DM channel too; a message a moment is also what a busy lead can read. The first part to someone waits
 * {@link #GATHER} for the parts due with it; while a message to them is on its way, or their channel has taken its
 * five, what comes is gathered for the next one. A message's nonce comes from its parts' keys, so the same parts
 * sent again are the same message.
 */
final class DmDigests {

    /** Steps due at one instant reach the notifier a few milliseconds apart: the first waits this long for the rest. */
    static final Duration GATHER = Duration.ofMillis(50);
    /** Discord's limit on message writes in one channel: {@link #WRITES} per {@link #WINDOW}. */
    static final int WRITES = 5;
    static final Duration WINDOW = Duration.ofSeconds(5);
    private static final int MAX_BUTTONS = 25;
    private static final int BUTTONS_PER_ROW = 5;

    /**
     * One person's share of a message.
     *
     * @param header the line the message starts with; the first part's is used
     * @param sent   true once Discord has the message, false when the person's DMs are closed
     */
    record Part(String key, String header, String text, List<Button> buttons, CompletableFuture<Boolean> sent) {
    }

    /** What is waiting for one person, and what their channel has taken lately. */
    private static final class Recipient {
        final List<Part> pending = new ArrayList<>();
        final ArrayDeque<Instant> written = new ArrayDeque<>();
        boolean flushScheduled;
        boolean inFlight;
    }

    private final DmChannels dms;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "showcall-dm-digests");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Recipient> recipients = new HashMap<>();

    DmDigests(DmChannels dms, Clock clock) {
        this.dms = dms;
        this.clock = clock;
    }

    /** Hands a part over for {@code userId}; returns at once. */
    CompletableFuture<Boolean> send(long userId, String key, String header, String text, List<Button> buttons) {
        Part part = new Part(key, header, text, List.copyOf(buttons), new CompletableFuture<>());
        synchronized (recipients) {
            Recipient recipient = recipients.computeIfAbsent(userId, u -> new Recipient());
            recipient.pending.add(part);
            if (!recipient.inFlight && !recipient.flushScheduled) {
                scheduleFlush(userId, recipient, Math.max(GATHER.toMillis(), waitForRoom(recipient)));
            }
        }
        return part.sent();
    }

    private void scheduleFlush(long userId, Recipient recipient, long afterMillis) {
        recipient.flushScheduled = true;
        thread.schedule(() -> flush(userId), afterMillis, TimeUnit.MILLISECONDS);
    }

    private void flush(long userId) {
        List<List<Part>> now;
        synchronized (recipients) {
            Recipient recipient = recipients.get(userId);
            recipient.flushScheduled = false;
            long wait = waitForRoom(recipient);
            if (wait > 0) {
                scheduleFlush(userId, recipient, wait);
                return;
            }
            List<List<Part>> messages = messages(recipient.pending);
            now = List.copyOf(messages.subList(0, Math.min(messages.size(), WRITES - recipient.written.size())));
            now.forEach(message -> {
                recipient.pending.removeAll(message);
                recipient.written.add(clock.instant());
            });
            recipient.inFlight = true;
        }
        CompletableFuture.allOf(now.stream().map(message -> send(userId, message)).toArray(CompletableFuture[]::new))
                .whenComplete((done, failure) -> sent(userId));
    }

    /** A message to them is answered: what gathered meanwhile goes next, when their channel has room. */
    private void sent(long userId) {
        synchronized (recipients) {
            Recipient recipient = recipients.get(userId);
            recipient.inFlight = false;
            if (!recipient.pending.isEmpty()) {
                scheduleFlush(userId, recipient, waitForRoom(recipient));
            } else if (recipient.written.isEmpty()) {
                recipients.remove(userId);
            }
        }
    }

    /** Milliseconds until their channel may take another message, by Discord's documented limit; 0 when it may now. */
    private long waitForRoom(Recipient recipient) {
        Instant now = clock.instant();
        while (!recipient.written.isEmpty() && !recipient.written.peekFirst().plus(WINDOW).isAfter(now)) {
            recipient.written.pollFirst();
        }
        return recipient.written.size() < WRITES ? 0
                : Duration.between(now, recipient.written.peekFirst().plus(WINDOW)).toMillis() + 1;
    }

    /** The parts in order, as many to a message as its limits allow. */
    static List<List<Part>> messages(List<Part> parts) {
        List<List<Part>> messages = new ArrayList<>();
        List<Part> current = new ArrayList<>();
        int length = 0;
        int buttons = 0;
        for (Part part : parts) {
            int adds = part.text().length() + 1;
            boolean full = !current.isEmpty() && (length + adds > Message.MAX_CONTENT_LENGTH
                    || buttons + part.buttons().size() > MAX_BUTTONS);
            if (full) {
                messages.add(current);
                current = new ArrayList<>();
                length = 0;
                buttons = 0;
            }
            if (current.isEmpty()) {
                length = part.header().length() + 1;
            }
            current.add(part);
            length += adds;
            buttons += part.buttons().size();
        }
        if (!current.isEmpty()) {
            messages.add(current);
        }
        return messages;
    }

    private CompletableFuture<Void> send(long userId, List<Part> parts) {
        try {
            return sendNow(userId, parts);
        } catch (RuntimeException e) {
            parts.forEach(p -> p.sent().completeExceptionally(e));
            return CompletableFuture.completedFuture(null);
        }
    }

    private CompletableFuture<Void> sendNow(long userId, List<Part> parts) {
        String content = UserText.cut(parts.get(0).header() + "\n" + parts.stream().map(Part::text)
                .collect(Collectors.joining("\n")), Message.MAX_CONTENT_LENGTH);
        // one model offered to the producers by both her ladders at once has one button: Discord refuses a repeated id
        List<Button> buttons = new ArrayList<>(parts.stream().flatMap(p -> p.buttons().stream())
                .collect(Collectors.toMap(Button::getCustomId, b -> b, (a, b) -> a, LinkedHashMap::new)).values());
        MessageCreateBuilder message = Replies.builder(content);
        if (!buttons.isEmpty()) {
            List<ActionRow> rows = new ArrayList<>();
            for (int i = 0; i < buttons.size(); i += BUTTONS_PER_ROW) {
                rows.add(ActionRow.of(buttons.subList(i, Math.min(buttons.size(), i + BUTTONS_PER_ROW))));
            }
            message.setComponents(rows);
        }
        String nonce = DiscordCallNotifier.nonce(parts.stream().map(Part::key).sorted().collect(Collectors.joining("+")));
        return dms.channelOf(userId).thenCompose(channel -> channel.isEmpty()
                        ? CompletableFuture.completedFuture(false)
                        : dms.channel(channel.getAsLong()).sendMessage(message.build()).setNonce(nonce).submit()
                                .<Boolean>thenApply(sent -> true)
                                .exceptionallyCompose(failure -> closed(userId, failure)))
                .handle((sent, failure) -> {
                    parts.forEach(p -> {
                        if (failure == null) {
                            p.sent().complete(sent);
                        } else {
                            p.sent().completeExceptionally(failure);
                        }
                    });
                    return null;
                });
    }

    /** DMs closed or the user gone: false, as a channel never opened; anything else fails the parts, to be retried. */
    private CompletableFuture<Boolean> closed(long userId, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof ErrorResponseException e && DiscordCallNotifier.unreachable(e)) {
            return CompletableFuture.completedFuture(false);
        }
        if (cause instanceof ErrorResponseException e && e.getErrorResponse() == ErrorResponse.UNKNOWN_CHANNEL) {
            dms.forget(userId);
        }
        return CompletableFuture.failedFuture(cause);
    }
}

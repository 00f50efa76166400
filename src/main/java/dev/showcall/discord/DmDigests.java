package dev.showcall.discord;

import dev.showcall.text.UserText;
import java.time.Duration;
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
 * The DMs to one person that fall due together, sent as one message: a lead told about five of their department at
 * once, a producer about every model of a wave. Discord lets a channel take five messages per five seconds, a DM
 * channel too; one message a moment is also what a busy lead can read. Parts handed over within {@link #GATHER} of
 * the first go together, as many as fit in a message (2,000 characters, 25 buttons); the message's nonce comes from
 * its parts' keys, so the same parts sent again are the same message.
 */
final class DmDigests {

    /** Steps due at one instant reach the notifier a few milliseconds apart: they wait this long to go as one. */
    static final Duration GATHER = Duration.ofMillis(100);
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

    private final DmChannels dms;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "showcall-dm-digests");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, List<Part>> pending = new HashMap<>();

    DmDigests(DmChannels dms) {
        this.dms = dms;
    }

    /** Hands a part over for {@code userId}; returns at once. */
    CompletableFuture<Boolean> send(long userId, String key, String header, String text, List<Button> buttons) {
        Part part = new Part(key, header, text, List.copyOf(buttons), new CompletableFuture<>());
        boolean first;
        synchronized (pending) {
            List<Part> parts = pending.computeIfAbsent(userId, u -> new ArrayList<>());
            first = parts.isEmpty();
            parts.add(part);
        }
        if (first) {
            thread.schedule(() -> flush(userId), GATHER.toMillis(), TimeUnit.MILLISECONDS);
        }
        return part.sent();
    }

    private void flush(long userId) {
        List<Part> parts;
        synchronized (pending) {
            parts = pending.remove(userId);
        }
        if (parts == null || parts.isEmpty()) {
            return;
        }
        for (List<Part> message : messages(parts)) {
            send(userId, message);
        }
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

    private void send(long userId, List<Part> parts) {
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
        dms.channelOf(userId).thenCompose(channel -> channel.isEmpty()
                        ? CompletableFuture.completedFuture(false)
                        : dms.channel(channel.getAsLong()).sendMessage(message.build()).setNonce(nonce).submit()
                                .<Boolean>thenApply(sent -> true)
                                .exceptionallyCompose(failure -> closed(userId, failure)))
                .whenComplete((sent, failure) -> parts.forEach(p -> {
                    if (failure == null) {
                        p.sent().complete(sent);
                    } else {
                        p.sent().completeExceptionally(failure);
                    }
                }));
    }

    /** DMs closed or the user gone: false, as a channel never opened; anything else fails the parts, to be retried. */
    private CompletableFuture<Boolean> closed(long userId, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof ErrorResponseException e && (e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER
                || e.getErrorResponse() == ErrorResponse.UNKNOWN_USER)) {
            return CompletableFuture.completedFuture(false);
        }
        if (cause instanceof ErrorResponseException e && e.getErrorResponse() == ErrorResponse.UNKNOWN_CHANNEL) {
            dms.forget(userId);
        }
        return CompletableFuture.failedFuture(cause);
    }
}

package dev.showcall.discord;

import dev.showcall.text.UserText;
import net.dv8tion.jda.api.entities.Message;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.calls.CallNotifier;
import dev.showcall.show.Call;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls people on Discord: by DM, to the channel opened ahead of time, and by a mention in the
 * calls channel when a DM cannot reach them. Nothing here waits for Discord: every message is
 * handed to JDA (DMs to different people go out side by side) or to the calls channel's feed.
 */
public final class DiscordCallNotifier implements CallNotifier {

    private static final Logger log = LoggerFactory.getLogger(DiscordCallNotifier.class);

    private final DmChannels dms;
    private final CallsChannels callsChannels;

    public DiscordCallNotifier(DmChannels dms, CallsChannels callsChannels) {
        this.dms = dms;
        this.callsChannels = callsChannels;
    }

    @Override
    public CompletableFuture<PingOutcome> call(String key, PlannedShow show, Call call, Instant callAt,
                                               Optional<Duration> lateBy) {
        return directOrInChannel(key, show, call, CallMessages.call(show, call, callAt, lateBy),
                "your call is " + Replies.time(callAt), callAt);
    }

    @Override
    public CompletableFuture<PingOutcome> remind(String key, PlannedShow show, Call call, Instant callAt,
                                                 Optional<Duration> lateBy) {
        return directOrInChannel(key, show, call, CallMessages.reminder(show, call, callAt, lateBy),
                "reminder: your call is " + Replies.time(callAt) + " (" + Replies.relative(callAt) + ")", Instant.now());
    }

    @Override
    public CompletableFuture<PingOutcome> moved(String key, PlannedShow show, Call call, Instant from, Instant to,
                                                String reason) {
        String text = "🕒 Your call for " + UserText.inline(show.show().name()) + " moved from " + Replies.time(from)
                + " to " + Replies.time(to) + " (" + Replies.relative(to) + "): " + UserText.inline(reason);
        return directOrInChannel(key, show, call, Replies.builder(text).build(),
                "your call moved from " + Replies.time(from) + " to " + Replies.time(to) + ": " + UserText.inline(reason),
                Instant.now());
    }

    @Override
    public CompletableFuture<Void> announce(String key, PlannedShow show, String title, List<Call> calls,
                                            Instant callAt, Optional<Duration> lateBy) {
        List<Long> roles = calls.stream().filter(c -> c.roleId().isPresent()).map(c -> c.roleId().getAsLong()).toList();
        long people = calls.stream().filter(c -> c.userId().isPresent()).count();
        String text = "📣 " + Replies.bold(title) + ": your call is now (" + Replies.time(callAt) + ")"
                + (people > 0 ? ", " + people + (people == 1 ? " person" : " people") : "")
                + roles.stream().map(r -> " <@&" + r + ">").collect(Collectors.joining())
                + lateBy.map(l -> "\n" + CallMessages.lateNote(l)).orElse("");
        return callsChannel(show).post(callAt, key, text, Set.of(), Set.copyOf(roles)).thenApply(id -> null);
    }

    @Override
    public CompletableFuture<PingOutcome> tell(String key, PlannedShow show, long userId, String text) {
        return directOrInChannel(key, show, userId, "user " + userId,
                Replies.builder(UserText.cut(text, Message.MAX_CONTENT_LENGTH)).build(), text,
                Instant.now());
    }

    private CompletableFuture<PingOutcome> directOrInChannel(String key, PlannedShow show, Call call,
                                                             MessageCreateData dm, String channelText, Instant due) {
        long userId = call.userId().orElseThrow(() -> new IllegalArgumentException(call.key() + " has nobody to message"));
        return directOrInChannel(key, show, userId, call.key(), dm, channelText + " — " + UserText.inline(call.departmentName()), due);
    }

    private CompletableFuture<PingOutcome> directOrInChannel(String key, PlannedShow show, long userId, String who,
                                                             MessageCreateData dm, String channelText, Instant due) {
        return dms.channelOf(userId).thenCompose(channel -> {
            if (channel.isEmpty()) {
                log.info("Show {}: {} has no DM channel; mentioning them in the calls channel", show.id(), who);
                return inChannel(key, show, userId, channelText, due);
            }
            return direct(key, userId, channel.getAsLong(), dm).handle((sent, failure) -> {
                if (failure == null) {
                    return CompletableFuture.completedFuture(PingOutcome.DM);
                }
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                if (cause instanceof ErrorResponseException e && unreachable(e)) {
                    log.info("Show {}: {} cannot be reached by DM ({}); mentioning them in the calls channel",
                            show.id(), who, e.getErrorResponse());
                    return inChannel(key, show, userId, channelText, due);
                }
                if (cause instanceof ErrorResponseException e && e.getErrorResponse() == ErrorResponse.UNKNOWN_CHANNEL) {
                    dms.forget(userId);
                }
                return CompletableFuture.<PingOutcome>failedFuture(cause);
            }).thenCompose(outcome -> outcome);
        });
    }

    private CompletableFuture<?> direct(String key, long userId, long channelId, MessageCreateData dm) {
        return dms.channel(channelId).sendMessage(dm).setNonce(nonce(key)).submit();
    }

    private CompletableFuture<PingOutcome> inChannel(String key, PlannedShow show, long userId, String channelText,
                                                     Instant due) {
        String head = Replies.user(userId) + " ";
        String tail = ". showcall could not send you a DM: allow DMs from this server's members.";
        String text = head + UserText.cut(channelText, Message.MAX_CONTENT_LENGTH - head.length() - tail.length()) + tail;
        return callsChannel(show).post(due, key, text, Set.of(userId), Set.of()).thenApply(id -> PingOutcome.CHANNEL);
    }

    private static boolean unreachable(ErrorResponseException e) {
        return e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER
                || e.getErrorResponse() == ErrorResponse.UNKNOWN_USER;
    }

    private CallsChannelFeed callsChannel(PlannedShow show) {
        return callsChannels.feed(show.show().discord().callsChannelId());
    }

    /**
     * Discord's nonce for the message named {@code key} (at most 25 characters): with it enforced,
     * a retry that reaches Discord within a few minutes of the first send returns the first message
     * instead of posting a second.
     */
    static String nonce(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = value << 8 | (digest[i] & 0xff);
            }
            return "c" + Long.toUnsignedString(value, 36);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}

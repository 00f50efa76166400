package dev.showcall.discord;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.calls.CallNotifier;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.show.Call;
import dev.showcall.timeline.PostKey;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls people on Discord: by DM, and by a mention in the calls channel when a DM cannot reach them.
 * Each message's nonce is derived from the ping it delivers, so that Discord keeps one message when
 * a ping is sent again within minutes (after a crash between Discord taking it and showcall
 * recording it, say).
 */
public final class DiscordCallNotifier implements CallNotifier {

    private static final Logger log = LoggerFactory.getLogger(DiscordCallNotifier.class);

    private final Supplier<JDA> jda;
    /** Opening a DM channel is one request on a route JDA serialises; each person's is opened once. */
    private final Map<Long, PrivateChannel> dmChannels = new ConcurrentHashMap<>();

    public DiscordCallNotifier(Supplier<JDA> jda) {
        this.jda = jda;
    }

    @Override
    public PingOutcome call(PlannedShow show, Call call, Instant callAt, Optional<Duration> lateBy) {
        return directOrInChannel(show, call, CallMessages.call(show, call, callAt, lateBy),
                "your call is " + Replies.time(callAt), PostKey.of("call", show.id(), call.key()));
    }

    @Override
    public PingOutcome remind(PlannedShow show, Call call, Instant callAt, Duration before,
                              Optional<Duration> lateBy) {
        return directOrInChannel(show, call, CallMessages.reminder(show, call, callAt, lateBy),
                "reminder: your call is " + Replies.time(callAt) + " (" + Replies.relative(callAt) + ")",
                PostKey.of("reminder", show.id(), call.key(), Long.toString(before.toSeconds())));
    }

    @Override
    public PingOutcome moved(PlannedShow show, Call call, Instant from, Instant to, String reason) {
        String text = "🕒 Your call for " + show.show().name() + " moved from " + Replies.time(from) + " to "
                + Replies.time(to) + " (" + Replies.relative(to) + "): " + reason;
        return directOrInChannel(show, call, Replies.builder(text).build(),
                "your call moved from " + Replies.time(from) + " to " + Replies.time(to) + ": " + reason,
                PostKey.of("moved", show.id(), call.key(), from.toString(), to.toString(), reason));
    }

    @Override
    public void announce(PlannedShow show, String title, List<Call> calls, Instant callAt, Optional<Duration> lateBy) {
        List<Long> roles = calls.stream().filter(c -> c.roleId().isPresent()).map(c -> c.roleId().getAsLong()).toList();
        long people = calls.stream().filter(c -> c.userId().isPresent()).count();
        String text = "📣 **" + title + "**: your call is now (" + Replies.time(callAt) + ")"
                + (people > 0 ? ", " + people + (people == 1 ? " person" : " people") : "")
                + roles.stream().map(r -> " <@&" + r + ">").collect(Collectors.joining())
                + lateBy.map(l -> "\n" + CallMessages.lateNote(l)).orElse("");
        MessageCreateData message = Replies.builder(text)
                .mentionRoles(roles.stream().map(String::valueOf).toList())
                .build();
        callsChannel(show).sendMessage(message)
                .setNonce(PostKey.of("announce", show.id(), title, callAt.toString()).value()).complete();
    }

    private PingOutcome directOrInChannel(PlannedShow show, Call call, MessageCreateData dm, String channelText,
                                          PostKey key) {
        long userId = call.userId().orElseThrow(() -> new IllegalArgumentException(call.key() + " has nobody to message"));
        return directOrInChannel(show, userId, call.key(), dm, channelText + " — " + call.departmentName(), key);
    }

    @Override
    public PingOutcome tell(PlannedShow show, long userId, String text) {
        return directOrInChannel(show, userId, "user " + userId, Replies.builder(text).build(), text,
                PostKey.of("tell", show.id(), Long.toString(userId), text));
    }

    private PingOutcome directOrInChannel(PlannedShow show, long userId, String who, MessageCreateData dm,
                                          String channelText, PostKey key) {
        try {
            dmChannel(userId).sendMessage(dm).setNonce(key.value()).complete();
            return PingOutcome.DM;
        } catch (ErrorResponseException e) {
            if (!unreachable(e)) {
                throw e;
            }
            log.info("Show {}: {} cannot be reached by DM ({}); mentioning them in the calls channel",
                    show.id(), who, e.getErrorResponse());
        }
        MessageCreateData mention = Replies.builder(Replies.user(userId) + " " + channelText
                        + ". showcall could not send you a DM: allow DMs from this server's members.")
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .mentionUsers(String.valueOf(userId))
                .build();
        callsChannel(show).sendMessage(mention).setNonce(PostKey.of("mention", key.value()).value()).complete();
        return PingOutcome.CHANNEL;
    }

    private PrivateChannel dmChannel(long userId) {
        PrivateChannel known = dmChannels.get(userId);
        if (known != null) {
            return known;
        }
        PrivateChannel opened = jda.get().openPrivateChannelById(userId).complete();
        dmChannels.put(userId, opened);
        return opened;
    }

    private static boolean unreachable(ErrorResponseException e) {
        return e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER
                || e.getErrorResponse() == ErrorResponse.UNKNOWN_USER;
    }

    private TextChannel callsChannel(PlannedShow show) {
        long id = show.show().discord().callsChannelId();
        TextChannel channel = jda.get().getTextChannelById(id);
        if (channel == null) {
            throw new IllegalStateException("the calls channel " + id + " of " + show.id() + " is not visible to the bot");
        }
        return channel;
    }
}

package dev.showcall.discord;

import dev.showcall.text.UserText;
import net.dv8tion.jda.api.entities.Message;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.calls.CallNotifier;
import dev.showcall.calls.Escalated;
import dev.showcall.roster.MemberList;
import dev.showcall.calls.CallSheetNotifier;
import dev.showcall.callsheet.SheetLine;
import dev.showcall.calls.Lateness;
import dev.showcall.show.Call;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.components.buttons.Button;
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
public final class DiscordCallNotifier implements CallNotifier, CallSheetNotifier {

    /** What held a message that failed, as its late note says it once it goes out. */
    static final String NOT_ANSWERING = "Discord was not answering";
    static final String REFUSED = "Discord refused it at first";
    static final String COULD_NOT = "showcall could not send it at first";
    /** What held a DM whose channel was not open yet. */
    static final String DM_OPENS = "Discord's limit on opening DMs held it";
    /** Room kept in a calls-channel mention for the late note the feed adds as it sends. */
    private static final int LATE_NOTE_ROOM = 100;

    private static final Logger log = LoggerFactory.getLogger(DiscordCallNotifier.class);

    private final DmChannels dms;
    private final CallsChannels callsChannels;
    private final MemberList members;
    private final DmDigests digests;

    /** @param members who holds the producer role, for the last step of a ladder */
    public DiscordCallNotifier(DmChannels dms, CallsChannels callsChannels, MemberList members) {
        this.dms = dms;
        this.callsChannels = callsChannels;
        this.members = members;
        // Discord counts its limits in real time, whatever clock the show runs on
        this.digests = new DmDigests(dms, java.time.Clock.systemUTC());
    }

    @Override
    public CompletableFuture<PingOutcome> escalate(String key, PlannedShow show, Call call, Escalated step,
                                                   Lateness late) {
        String about = EscalationMessages.about(call, step);
        return switch (step.action()) {
            case DM_AGAIN -> call.userId().isEmpty() && !call.notLinked()
                    ? inCallsChannel(key, show, call, about, late)
                    : directOrInChannel(key, show, call, () -> EscalationMessages.again(show, call, step, late.note()),
                            EscalationMessages.toThem(step), Instant.now(), Optional.of(late));
            case DM_LEAD -> call.leadUserId().isEmpty()
                    ? inCallsChannel(key, show, call, about + " Their lead is not on Discord.", late)
                    : toLead(key, show, call, step, late);
            case CALLS_CHANNEL -> inCallsChannel(key, show, call, about + EscalationMessages.whatToDo(step), late);
            case PRODUCERS -> toProducers(key, show, call, step, late);
        };
    }

    /** A mention of them in the calls channel, or their name when nobody on Discord is known to be them. */
    private CompletableFuture<PingOutcome> inCallsChannel(String key, PlannedShow show, Call call, String text,
                                                          Lateness late) {
        if (call.userId().isEmpty()) {
            // the text names them already: nobody on Discord is known to be them to mention
            String named = "📣 " + UserText.cut(text.startsWith("⏫ ") ? text.substring(2) : text,
                    Message.MAX_CONTENT_LENGTH - LATE_NOTE_ROOM - 2);
            return callsChannel(show).post(Instant.now(), key, named, Optional.of(late), Set.of(), Set.of())
                    .thenApply(id -> PingOutcome.BY_NAME);
        }
        long userId = call.userId().getAsLong();
        String mention = Replies.user(userId) + " " + UserText.cut(text, Message.MAX_CONTENT_LENGTH - LATE_NOTE_ROOM - 30);
        return callsChannel(show).post(Instant.now(), key, mention, Optional.of(late), Set.of(userId), Set.of())
                .thenApply(id -> PingOutcome.CHANNEL);
    }

    /**
     * A DM to their lead, gathered with the other steps due to that lead at the same moment; in the calls channel,
     * mentioning the lead, when the lead's DMs are closed.
     */
    private CompletableFuture<PingOutcome> toLead(String key, PlannedShow show, Call call, Escalated step,
                                                  Lateness late) {
        long lead = call.leadUserId().getAsLong();
        if (!dms.isOpen(lead)) {
            late.heldBy(DM_OPENS);
        }
        return digests.send(lead, key, EscalationMessages.leadHeader(show),
                        EscalationMessages.leadLine(call, step, late.note()),
                        EscalationMessages.reachedButton(show, call, step).stream().toList())
                .thenCompose(sent -> {
                    if (sent) {
                        return CompletableFuture.completedFuture(PingOutcome.DM);
                    }
                    log.info("Show {}: the lead of {} cannot be reached by DM; mentioning them in the calls channel",
                            show.id(), call.key());
                    return inChannel(key, show, lead, EscalationMessages.about(call, step)
                            + " You lead their department: can you reach them?", Instant.now(), Optional.of(late));
                });
    }

    /**
     * A DM to every producer showcall knows of, gathered with the other steps due to that producer at the same
     * moment. The timeline mentions their role whatever comes of these: a producer without a DM still reads it there.
     */
    private CompletableFuture<PingOutcome> toProducers(String key, PlannedShow show, Call call, Escalated step,
                                                       Lateness late) {
        List<Long> producers = members.holders(show.show().discord().guildId(), show.show().discord().producerRoleId())
                .stream().map(MemberList.Holder::userId).filter(id -> call.userId().stream().noneMatch(id::equals))
                .distinct().toList();
        if (producers.isEmpty()) {
            log.info("Show {}: no producer known to DM about {}; the timeline tells them", show.id(), call.key());
            return CompletableFuture.completedFuture(PingOutcome.ROLE);
        }
        String line = EscalationMessages.producersLine(call, step, late.note());
        List<Button> standby = EscalationMessages.standbyButton(show, call).stream().toList();
        List<CompletableFuture<Boolean>> sent = producers.stream()
                .map(p -> digests.send(p, key + "|" + p, EscalationMessages.producersHeader(show), line, standby))
                .toList();
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).thenApply(v ->
                sent.stream().anyMatch(CompletableFuture::join) ? PingOutcome.DM : PingOutcome.ROLE);
    }

    @Override
    public CompletableFuture<PingOutcome> call(String key, PlannedShow show, Call call, Instant callAt, Lateness late) {
        return directOrInChannel(key, show, call, () -> CallMessages.call(show, call, callAt, late.note()),
                "your call is " + Replies.time(callAt), callAt, Optional.of(late));
    }

    @Override
    public CompletableFuture<PingOutcome> remind(String key, PlannedShow show, Call call, Instant callAt,
                                                 Lateness late) {
        return directOrInChannel(key, show, call, () -> CallMessages.reminder(show, call, callAt, late.note()),
                "reminder: your call is " + Replies.time(callAt) + " (" + Replies.relative(callAt) + ")", Instant.now(),
                Optional.of(late));
    }

    @Override
    public CompletableFuture<PingOutcome> moved(String key, PlannedShow show, Call call, Instant from, Instant to,
                                                String reason) {
        String text = "🕒 Your call for " + UserText.inline(show.show().name()) + " moved from " + Replies.time(from)
                + " to " + Replies.time(to) + " (" + Replies.relative(to) + "): " + UserText.inline(reason);
        return directOrInChannel(key, show, call, () -> Replies.builder(text).build(),
                "your call moved from " + Replies.time(from) + " to " + Replies.time(to) + ": " + UserText.inline(reason),
                Instant.now(), Optional.empty());
    }

    @Override
    public CompletableFuture<Void> announce(String key, PlannedShow show, String title, List<Call> calls,
                                            Instant callAt, Lateness late) {
        List<Long> roles = calls.stream().filter(c -> c.roleId().isPresent()).map(c -> c.roleId().getAsLong()).toList();
        long people = calls.stream().filter(c -> c.userId().isPresent()).count();
        String text = "📣 " + Replies.bold(title) + ": your call is now (" + Replies.time(callAt) + ")"
                + (people > 0 ? ", " + people + (people == 1 ? " person" : " people") : "")
                + roles.stream().map(r -> " <@&" + r + ">").collect(Collectors.joining());
        // the feed adds the late note as it sends: the channel's limit may hold the announcement
        return callsChannel(show).post(callAt, key, text, Optional.of(late), Set.of(), Set.copyOf(roles))
                .thenApply(id -> null);
    }

    @Override
    public CompletableFuture<PingOutcome> tell(String key, PlannedShow show, long userId, String text) {
        return directOrInChannel(key, show, userId, "user " + userId,
                () -> Replies.builder(UserText.cut(text, Message.MAX_CONTENT_LENGTH)).build(), text,
                Instant.now(), Optional.empty());
    }

    @Override
    public CompletableFuture<PingOutcome> callSheet(String key, PlannedShow show, Call call, java.time.Duration delay,
                                                    Optional<SheetLine> before, String ping) {
        return directOrInChannel(key, show, call, () -> CallSheetMessages.dm(show, call, delay, before, ping,
                Instant.now()), CallSheetMessages.channelText(show, call, delay), Instant.now(), Optional.empty());
    }

    @Override
    public String whyNotSent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CallsChannelFeed.Unavailable unavailable) {
                return unavailable.held();
            }
            if (t instanceof ErrorResponseException e) {
                return e.getResponse() != null && e.getResponse().code >= 500 ? NOT_ANSWERING : REFUSED;
            }
            if (t instanceof TimeoutException || t instanceof IOException) {
                return NOT_ANSWERING;
            }
        }
        return COULD_NOT;
    }

    /** @param dm composed when it is sent, once its channel is open: its late note is true then */
    private CompletableFuture<PingOutcome> directOrInChannel(String key, PlannedShow show, Call call,
                                                             Supplier<MessageCreateData> dm, String channelText,
                                                             Instant due, Optional<Lateness> late) {
        if (call.notLinked()) {
            return byName(key, show, call, channelText, due, late);
        }
        long userId = call.userId().orElseThrow(() -> new IllegalArgumentException(call.key() + " has nobody to message"));
        return directOrInChannel(key, show, userId, call.key(), dm,
                channelText + " — " + UserText.inline(call.departmentName()), due, late);
    }

    private CompletableFuture<PingOutcome> directOrInChannel(String key, PlannedShow show, long userId, String who,
                                                             Supplier<MessageCreateData> dm, String channelText,
                                                             Instant due, Optional<Lateness> late) {
        if (!dms.isOpen(userId)) {
            late.ifPresent(l -> l.heldBy(DM_OPENS));
        }
        return dms.channelOf(userId).thenCompose(channel -> {
            if (channel.isEmpty()) {
                log.info("Show {}: {} has no DM channel; mentioning them in the calls channel", show.id(), who);
                return inChannel(key, show, userId, channelText, due, late);
            }
            return direct(key, userId, channel.getAsLong(), dm.get()).handle((sent, failure) -> {
                if (failure == null) {
                    return CompletableFuture.completedFuture(PingOutcome.DM);
                }
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                if (cause instanceof ErrorResponseException e && unreachable(e)) {
                    log.info("Show {}: {} cannot be reached by DM ({}); mentioning them in the calls channel",
                            show.id(), who, e.getErrorResponse());
                    return inChannel(key, show, userId, channelText, due, late);
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
                                                     Instant due, Optional<Lateness> late) {
        String head = Replies.user(userId) + " ";
        String tail = ". showcall could not send you a DM: allow DMs from this server's members.";
        String text = head + UserText.cut(channelText,
                Message.MAX_CONTENT_LENGTH - head.length() - tail.length() - LATE_NOTE_ROOM) + tail;
        return callsChannel(show).post(due, key, text, late, Set.of(userId), Set.of())
                .thenApply(id -> PingOutcome.CHANNEL);
    }

    /** Nobody on Discord is known to be them yet: their name in the calls channel, pinging nobody. */
    private CompletableFuture<PingOutcome> byName(String key, PlannedShow show, Call call, String channelText,
                                                  Instant due, Optional<Lateness> late) {
        String head = "📣 " + Replies.bold(call.who()) + ": ";
        String tail = " — " + UserText.inline(call.departmentName())
                + ". Not linked on Discord yet: a producer can /link them, or they can claim their line with /iam.";
        String text = head + UserText.cut(channelText,
                Message.MAX_CONTENT_LENGTH - head.length() - tail.length() - LATE_NOTE_ROOM) + tail;
        return callsChannel(show).post(due, key, text, late, Set.of(), Set.of()).thenApply(id -> PingOutcome.BY_NAME);
    }

    /** DMs closed, or the user gone: a DM will not reach them, and the calls channel should. */
    static boolean unreachable(ErrorResponseException e) {
        return e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER
                || e.getErrorResponse() == ErrorResponse.UNKNOWN_USER;
    }

    private CallsChannelFeed callsChannel(PlannedShow show) {
        return callsChannels.feed(show.show().discord().guildId(), show.show().discord().callsChannelId());
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

package dev.showcall.discord;

import dev.showcall.timeline.Board;
import dev.showcall.timeline.LogBatch;
import dev.showcall.timeline.PostKey;
import dev.showcall.timeline.TimelineChannel;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.pagination.PinnedMessagePaginationAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * A show's timeline channel through JDA. Every request waits for Discord's answer on the feed's
 * own thread, never on JDA's, for {@link #TIMEOUT} at most.
 */
public final class DiscordTimelineChannel implements TimelineChannel {

    /** Past this the answer is taken as lost; JDA's own retries of 502-504 fit inside it. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** How far back a message the feed may have posted before a crash is looked for. */
    static final int RECENT = 50;

    private final Supplier<JDA> jda;
    private final long channelId;
    private final long pingableRoleId;

    /** @param pingableRoleId the role a late alert in the log may ping (the show's PR role) */
    public DiscordTimelineChannel(Supplier<JDA> jda, long channelId, long pingableRoleId) {
        this.jda = jda;
        this.channelId = channelId;
        this.pingableRoleId = pingableRoleId;
    }

    @Override
    public long channelId() {
        return channelId;
    }

    /** JDA sends {@code enforce_nonce: true} with every message: the key, as the nonce, makes a retry harmless. */
    @Override
    public long post(LogBatch batch, PostKey key) {
        MessageCreateBuilder message = Replies.builder(batch.content());
        if (batch.pingsRoles()) {
            message.mentionRoles(String.valueOf(pingableRoleId));
        }
        return await(channel().sendMessage(message.build()).setNonce(key.value())).getIdLong();
    }

    @Override
    public Optional<Long> findRecent(String content) {
        long self = jda.get().getSelfUser().getIdLong();
        List<Message> recent = await(channel().getHistory().retrievePast(RECENT));
        return recent.stream()
                .filter(m -> m.getAuthor().getIdLong() == self && m.getContentRaw().equals(content))
                .map(Message::getIdLong)
                .findFirst();
    }

    @Override
    public long postBoard(Board board, PostKey key) {
        MessageCreateData message = new MessageCreateBuilder()
                .setEmbeds(embed(board))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
        return await(channel().sendMessage(message).setNonce(key.value())).getIdLong();
    }

    @Override
    public Optional<Long> findPinnedBoard(String title) {
        long self = jda.get().getSelfUser().getIdLong();
        PinnedMessagePaginationAction pins = channel().retrievePinnedMessages();
        List<PinnedMessagePaginationAction.PinnedMessage> pinned = await(pins.limit(RECENT));
        return pinned.stream().map(PinnedMessagePaginationAction.PinnedMessage::getMessage)
                .filter(m -> m.getAuthor().getIdLong() == self)
                .filter(m -> m.getEmbeds().stream().anyMatch(e -> title.equals(e.getTitle())))
                .map(Message::getIdLong)
                .findFirst();
    }

    @Override
    public void editBoard(long messageId, Board board) {
        MessageEditBuilder edit = new MessageEditBuilder()
                .setEmbeds(embed(board))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        try {
            await(channel().editMessageById(messageId, edit.build()));
        } catch (ErrorResponseException e) {
            throw gone(e, messageId);
        }
    }

    @Override
    public void pin(long messageId) {
        await(channel().pinMessageById(messageId));
    }

    @Override
    public boolean exists(long messageId) {
        try {
            await(channel().retrieveMessageById(messageId));
            return true;
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE) {
                return false;
            }
            throw e;
        }
    }

    /** The board as a Discord embed: for the channel and for /status. */
    public static MessageEmbed embed(Board board) {
        EmbedBuilder embed = new EmbedBuilder().setTitle(board.title()).setDescription(board.description());
        board.fields().forEach(f -> embed.addField(f.name(), f.value(), f.inline()));
        return embed.build();
    }

    private static RuntimeException gone(ErrorResponseException e, long messageId) {
        return e.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE ? new MessageGone(messageId, e) : e;
    }

    private TextChannel channel() {
        TextChannel channel = jda.get().getTextChannelById(channelId);
        if (channel == null) {
            throw new IllegalStateException("the timeline channel " + channelId + " is not visible to the bot");
        }
        return channel;
    }

    /** Discord's answer, or the failure it gave; a request that takes too long is cancelled and fails. */
    static <T> T await(RestAction<T> action) {
        CompletableFuture<T> answer = action.submit();
        try {
            return answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Discord request failed", e.getCause());
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new IllegalStateException("Discord did not answer within " + TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new IllegalStateException("interrupted while waiting for Discord", e);
        }
    }
}

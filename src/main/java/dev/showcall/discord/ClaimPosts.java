package dev.showcall.discord;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.links.Claims;
import dev.showcall.roster.LinkClaim;
import dev.showcall.roster.Person;
import dev.showcall.roster.Roster;
import dev.showcall.store.Database;
import dev.showcall.store.LinkClaimRepository;
import dev.showcall.timeline.TimelineFeed;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts claims of roster lines before a show's producers: one message each in the show's timeline channel,
 * through its timeline feed so that it takes its turn within the channel's write limit. The claim is in the
 * database before it is handed over; it is posted with a nonce made from it, and its message's id is recorded
 * once Discord holds it. A claim without that record (showcall stopped, or Discord failed) is handed over again
 * by the next reconciliation: its message is looked for among the channel's recent ones first, and the nonce
 * covers what that misses within a few minutes.
 */
public final class ClaimPosts implements Claims.Producers {

    private static final Logger log = LoggerFactory.getLogger(ClaimPosts.class);

    private final Database database;
    private final LinkClaimRepository claims;
    private final Supplier<JDA> jda;
    private final Supplier<ShowDirectory> shows;
    private final Function<String, Optional<TimelineFeed>> feeds;
    private final Function<String, Optional<Roster>> rosters;
    private final Executor after;
    /** Claims with a feed now, or being recorded: handed over once at a time. */
    private final Set<Long> underWay = ConcurrentHashMap.newKeySet();

    /**
     * @param feeds   each show's running timeline feed
     * @param rosters each show's roster as it runs, for who the line is now
     * @param after   where a post's message is recorded: never the feed's thread
     */
    public ClaimPosts(Database database, LinkClaimRepository claims, Supplier<JDA> jda, Supplier<ShowDirectory> shows,
                      Function<String, Optional<TimelineFeed>> feeds, Function<String, Optional<Roster>> rosters,
                      Executor after) {
        this.database = database;
        this.claims = claims;
        this.jda = jda;
        this.shows = shows;
        this.feeds = feeds;
        this.rosters = rosters;
        this.after = after;
    }

    @Override
    public void ask(LinkClaim claim, boolean inDoubt) {
        if (!underWay.add(claim.id())) {
            return;
        }
        CompletableFuture<Long> posted;
        try {
            Optional<PlannedShow> show = shows.get().byId(claim.showId());
            Optional<TimelineFeed> feed = feeds.apply(claim.showId());
            if (show.isEmpty() || feed.isEmpty()) {
                posted = CompletableFuture.failedFuture(new IllegalStateException(show.isEmpty()
                        ? "the show is not running" : "the show's timeline feed is not running"));
            } else {
                Optional<Person> now = rosters.apply(claim.showId()).flatMap(r -> r.people().stream()
                        .filter(p -> p.key().equals(claim.personKey())).findFirst());
                MessageCreateData message = ClaimMessages.ask(claim, now);
                long channelId = show.get().show().discord().timelineChannelId();
                posted = feed.get().postInTurn(() -> post(channelId, claim, message, inDoubt));
            }
        } catch (RuntimeException e) {
            posted = CompletableFuture.failedFuture(e);
        }
        try {
            posted.whenCompleteAsync((id, failure) -> settle(claim, id, failure), after);
        } catch (RejectedExecutionException e) {
            // stopping: the claim stays unrecorded, and the next start asks again
            underWay.remove(claim.id());
        }
    }

    private void settle(LinkClaim claim, Long messageId, Throwable failure) {
        try {
            if (failure != null) {
                log.warn("Show {}: claim {} could not be put before the producers yet; the next reconciliation tries"
                        + " again", claim.showId(), claim.id(), failure);
                return;
            }
            database.runInTransaction(c -> claims.markAsked(c, claim.id(), messageId));
            log.info("Show {}: claim {} is message {} in the timeline channel", claim.showId(), claim.id(), messageId);
        } catch (RuntimeException e) {
            log.warn("Show {}: could not record the message of claim {}; the next reconciliation looks for it",
                    claim.showId(), claim.id(), e);
        } finally {
            underWay.remove(claim.id());
        }
    }

    /** On the feed's thread: the question, unless Discord holds it already. */
    private long post(long channelId, LinkClaim claim, MessageCreateData message, boolean inDoubt) {
        TextChannel channel = jda.get().getTextChannelById(channelId);
        if (channel == null) {
            throw new IllegalStateException("The timeline channel " + channelId + " of show " + claim.showId()
                    + " is not visible to showcall");
        }
        if (inDoubt) {
            Optional<Long> found = findPosted(channel, claim);
            if (found.isPresent()) {
                log.info("Show {}: claim {} was put before the producers before, as message {}", claim.showId(),
                        claim.id(), found.get());
                return found.get();
            }
        }
        return DiscordTimelineChannel.await(channel.sendMessage(message).setNonce(nonce(claim))).getIdLong();
    }

    /** The same for the same claim on every try, after any restart. */
    static String nonce(LinkClaim claim) {
        return DiscordCallNotifier.nonce(claim.showId() + "|claim|" + claim.id());
    }

    /** The bot's question for this claim among the channel's recent messages; nothing when showcall may not read them. */
    private Optional<Long> findPosted(TextChannel channel, LinkClaim claim) {
        long self = jda.get().getSelfUser().getIdLong();
        try {
            List<Message> recent = DiscordTimelineChannel.await(channel.getHistory()
                    .retrievePast(DiscordTimelineChannel.RECENT));
            return recent.stream()
                    .filter(m -> m.getAuthor().getIdLong() == self && ClaimMessages.isAsk(m, claim.id()))
                    .map(Message::getIdLong).findFirst();
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() != ErrorResponse.MISSING_PERMISSIONS
                    && e.getErrorResponse() != ErrorResponse.MISSING_ACCESS) {
                throw e;
            }
            log.warn("Showcall may not read the recent messages of channel {} ({}); relying on the nonce",
                    channel.getIdLong(), e.getErrorResponse());
            return Optional.empty();
        }
    }
}

package dev.showcall.discord;

import dev.showcall.backstage.Delay;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.backstage.Walk;
import dev.showcall.report.ReportBuilder;
import dev.showcall.report.ReportInput;
import dev.showcall.report.ReportMessage;
import dev.showcall.show.Show;
import dev.showcall.store.AfterShowReportRepository;
import dev.showcall.store.Fence;
import dev.showcall.store.Database;
import dev.showcall.store.DelayRepository;
import dev.showcall.store.ReportReader;
import dev.showcall.store.WalkRepository;
import dev.showcall.timeline.TimelineFeed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a show's after-show report in its timeline channel, through the show's timeline feed so
 * that it takes its turn within the channel's write limit: when a producer asks, and by itself at
 * the show's debrief milestone (moved by the delays), or 30 minutes after the last look walked
 * when the show has no debrief.
 *
 * <p>The automatic report comes at least once and never twice: it is claimed in the database,
 * posted with a nonce made from the show, and marked sent with the id of the message Discord
 * holds. A claim without that mark (showcall stopped, or Discord failed) is posted again with the
 * same nonce, at the next start or the next check, with back-off while Discord fails: Discord
 * answers a nonce it saw in the last few minutes with the message it already holds. Before posting
 * again, the channel's recent messages are looked through for the automatic report, for a restart
 * later than that. The checks, the building of the report and the marks run on this class's own
 * thread, the posts on the feed's: none on JDA's or Quartz's.
 */
public final class AfterShowReports {

    /** How often reports that have fallen due are looked for, besides at the moment each one falls due. */
    public static final Duration CHECK = Duration.ofSeconds(30);
    static final Duration AFTER_LAST_WALK = Duration.ofMinutes(30);
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    static final Duration MAX_RETRY = Duration.ofMinutes(5);
    static final String DEBRIEF = "debrief";

    private static final Logger log = LoggerFactory.getLogger(AfterShowReports.class);

    private final Database database;
    private final Supplier<JDA> jda;
    private final Function<String, Optional<TimelineFeed>> feeds;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final ReportReader reader = new ReportReader();
    private final AfterShowReportRepository reports;
    private final DelayRepository delays = new DelayRepository();
    private final WalkRepository walks = new WalkRepository();
    /** Shows whose automatic report is with the feed, or waits to be tried again. */
    private final Set<String> underWay = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    /**
     * @param feeds  each show's running timeline feed
     * @param thread this class's own thread, for the checks and what follows a post
     */
    public AfterShowReports(Database database, Supplier<JDA> jda, Function<String, Optional<TimelineFeed>> feeds,
                            Clock clock, ScheduledExecutorService thread) {
        this(database, jda, feeds, clock, thread, Fence.NONE);
    }

    /** @param fence checked when a report is claimed: only the active instance claims, as it does calls and log posts */
    public AfterShowReports(Database database, Supplier<JDA> jda, Function<String, Optional<TimelineFeed>> feeds,
                            Clock clock, ScheduledExecutorService thread, Fence fence) {
        this.reports = new AfterShowReportRepository(fence);
        this.database = database;
        this.jda = jda;
        this.feeds = feeds;
        this.clock = clock;
        this.thread = thread;
    }

    /** The report's message as the database stands now. */
    public Optional<ReportMessage> message(String showId) {
        return database.inTransaction(c -> reader.read(c, showId)).map(ReportBuilder::build).map(ReportMessage::of);
    }

    /** When the automatic report is due: the debrief, or 30 minutes after the last look walked; never before. */
    public static Optional<Instant> dueAt(ReportInput day) {
        return dueAt(day.show(), day.delays(), day.walks());
    }

    static Optional<Instant> dueAt(Show show, List<Delay> delays, List<Walk> walks) {
        Duration delay = delays.stream().map(Delay::duration).reduce(Duration.ZERO, Duration::plus);
        Optional<Instant> debrief = show.milestones().stream()
                .filter(m -> m.name().toLowerCase(Locale.ROOT).contains(DEBRIEF)).findFirst()
                .map(m -> show.resolve(m.at()).plus(delay));
        if (debrief.isPresent()) {
            return debrief;
        }
        if (walks.size() < show.looks().size()) {
            return Optional.empty();
        }
        return walks.stream().map(Walk::walkedAt).max(Instant::compareTo).map(last -> last.plus(AFTER_LAST_WALK));
    }

    /**
     * Starts looking for the automatic reports due or still owed: once now, on the caller's thread
     * (a report owed from before a restart is handed to its feed before this returns), then every
     * {@link #CHECK} and at the moment each falls due, on this class's thread.
     */
    public void start(Supplier<ShowDirectory> directory) {
        checkAll(directory);
    }

    private void checkAll(Supplier<ShowDirectory> directory) {
        Instant now = clock.instant();
        Instant next = now.plus(CHECK);
        for (PlannedShow show : directory.get().all()) {
            try {
                Optional<Instant> due = check(show, now);
                if (due.isPresent() && due.get().isBefore(next)) {
                    next = due.get();
                }
            } catch (RuntimeException e) {
                log.warn("Show {}: could not tell whether the after-show report is due", show.id(), e);
            }
        }
        schedule(() -> checkAll(directory), Duration.between(clock.instant(), next));
    }

    /**
     * Hands the show's automatic report to its feed if it has fallen due (claiming it first) or is
     * still owed from an earlier try.
     *
     * @return when it will fall due, if that is still to come
     */
    Optional<Instant> check(PlannedShow show, Instant now) {
        if (underWay.contains(show.id())) {
            return Optional.empty();
        }
        Optional<AfterShowReportRepository.Claim> claim = database.inTransaction(c -> reports.find(c, show.id()));
        if (claim.isPresent()) {
            if (!claim.get().sent()) {
                log.info("Show {}: the after-show report claimed at {} is not marked sent; posting it again",
                        show.id(), claim.get().claimedAt());
                hand(show, true);
            }
            return Optional.empty();
        }
        Optional<Instant> due = database.inTransaction(c -> dueAt(show.show(), delays.forShow(c, show.id()),
                walks.forShow(c, show.id())));
        if (due.isEmpty() || due.get().isAfter(now)) {
            return due;
        }
        if (database.inTransaction(c -> reports.claim(c, show.id(), now))) {
            hand(show, false);
        }
        return Optional.empty();
    }

    /** @param inDoubt whether Discord may hold it already: it is looked for in the channel first */
    private void hand(PlannedShow show, boolean inDoubt) {
        underWay.add(show.id());
        CompletableFuture<Long> posted;
        try {
            Optional<ReportInput> day = database.inTransaction(c -> reader.read(c, show.id()));
            Optional<TimelineFeed> feed = feeds.apply(show.id());
            if (day.isEmpty() || feed.isEmpty()) {
                posted = CompletableFuture.failedFuture(new IllegalStateException(
                        day.isEmpty() ? "the show is not in the database" : "the show's timeline feed is not running"));
            } else {
                ReportMessage message = ReportMessage.automatic(ReportBuilder.build(day.get()));
                String headline = ReportMessage.headline(show.show().name(), true);
                posted = feed.get().postInTurn(() -> postAutomatic(show, message, headline, inDoubt));
            }
        } catch (RuntimeException e) {
            posted = CompletableFuture.failedFuture(e);
        }
        try {
            posted.whenCompleteAsync((id, failure) -> settle(show, id, failure), thread);
        } catch (RejectedExecutionException e) {
            // stopping: the claim stays, and the next start posts it
            underWay.remove(show.id());
        }
    }

    private void settle(PlannedShow show, Long messageId, Throwable failure) {
        Throwable cause = failure;
        if (cause == null) {
            try {
                database.runInTransaction(c -> reports.markSent(c, show.id(), messageId, clock.instant()));
                failures.remove(show.id());
                underWay.remove(show.id());
                log.info("Show {}: the after-show report is message {} in the timeline channel", show.id(), messageId);
                return;
            } catch (RuntimeException e) {
                cause = e;
            }
        }
        int attempt = failures.merge(show.id(), 1, Integer::sum);
        Duration wait = backOff(attempt);
        log.warn("Show {}: the after-show report could not be posted (attempt {}); trying again in {} s", show.id(),
                attempt, wait.toSeconds(), cause);
        schedule(() -> {
            underWay.remove(show.id());
            try {
                check(show, clock.instant());
            } catch (RuntimeException e) {
                log.warn("Show {}: could not try the after-show report again; the next check will", show.id(), e);
            }
        }, wait);
    }

    static Duration backOff(int attempt) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 16));
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }

    private void schedule(Runnable task, Duration in) {
        try {
            thread.schedule(task, Math.max(0, in.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("After-show reports stopped");
        }
    }

    /** On the feed's thread: the automatic report, unless Discord holds it already. */
    private long postAutomatic(PlannedShow show, ReportMessage message, String headline, boolean inDoubt) {
        TextChannel channel = timelineChannel(show);
        if (inDoubt) {
            Optional<Long> posted = findPosted(channel, headline);
            if (posted.isPresent()) {
                log.info("Show {}: the after-show report was posted before, as message {}", show.id(), posted.get());
                return posted.get();
            }
        }
        return send(channel, message, nonce(show.id()));
    }

    /** The automatic report's nonce: the same for the same show on every try, after any restart. */
    static String nonce(String showId) {
        return DiscordCallNotifier.nonce(showId + "|report");
    }

    /** The bot's automatic report among the channel's recent messages; nothing when showcall may not read them. */
    private Optional<Long> findPosted(TextChannel channel, String headline) {
        long self = jda.get().getSelfUser().getIdLong();
        try {
            List<Message> recent = DiscordTimelineChannel.await(channel.getHistory()
                    .retrievePast(DiscordTimelineChannel.RECENT));
            return recent.stream()
                    .filter(m -> m.getAuthor().getIdLong() == self && m.getContentRaw().startsWith(headline))
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

    /**
     * Posts a report a producer asked for in the show's timeline channel, in the feed's turn;
     * completes, on the feed's thread, with the message's id. A retry of the same ask (the same
     * interaction) carries the same nonce.
     */
    public CompletableFuture<Long> post(PlannedShow show, ReportMessage message, long interactionId) {
        Optional<TimelineFeed> feed = feeds.apply(show.id());
        if (feed.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the timeline feed of show " + show.id()
                    + " is not running"));
        }
        String nonce = DiscordCallNotifier.nonce(show.id() + "|report|" + interactionId);
        return feed.get().postInTurn(() -> send(timelineChannel(show), message, nonce));
    }

    /** Sends the message with its files, waiting for Discord's answer; the files are made anew for each try. */
    private static long send(TextChannel channel, ReportMessage message, String nonce) {
        List<FileUpload> files = new ArrayList<>();
        message.files().forEach(f -> files.add(FileUpload.fromData(f.png(), f.fileName())));
        MessageCreateData data = new MessageCreateBuilder().setContent(message.content())
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setFiles(files).build();
        return DiscordTimelineChannel.await(channel.sendMessage(data).setNonce(nonce)).getIdLong();
    }

    private TextChannel timelineChannel(PlannedShow show) {
        long id = show.show().discord().timelineChannelId();
        TextChannel channel = jda.get().getTextChannelById(id);
        if (channel == null) {
            throw new IllegalStateException("The timeline channel " + id + " of show " + show.id()
                    + " is not visible to showcall");
        }
        return channel;
    }
}

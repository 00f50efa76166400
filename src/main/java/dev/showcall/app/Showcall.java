package dev.showcall.app;

import dev.showcall.backstage.Arrivals;
import dev.showcall.calls.CallScheduler;
import dev.showcall.calls.CallStatuses;
import dev.showcall.calls.CallSync;
import dev.showcall.discord.commands.CallsCommand;
import dev.showcall.calls.Delays;
import dev.showcall.calls.NoShows;
import dev.showcall.discord.commands.NoShowCommand;
import dev.showcall.store.NoShowRepository;
import dev.showcall.discord.commands.DelayCommand;
import dev.showcall.calls.Confirmations;
import dev.showcall.calls.PingJobFactory;
import dev.showcall.calls.PingSender;
import dev.showcall.calls.QuartzSchedulers;
import dev.showcall.calls.Reconciliation;
import dev.showcall.discord.DiscordCallNotifier;
import dev.showcall.discord.commands.ConfirmButtons;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.ConfirmationRepository;
import dev.showcall.store.DelayRepository;
import org.quartz.SchedulerException;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.discord.DiscordBot;
import dev.showcall.discord.DiscordConnection;
import dev.showcall.discord.GuildSetup;
import dev.showcall.discord.commands.ArrivedCommand;
import dev.showcall.discord.commands.LineupCommand;
import dev.showcall.discord.commands.LookCommand;
import dev.showcall.discord.commands.ReplaceCommand;
import dev.showcall.discord.commands.WalkedCommand;
import dev.showcall.looks.Lineups;
import dev.showcall.looks.LookSteps;
import dev.showcall.looks.Replacements;
import dev.showcall.looks.Walks;
import dev.showcall.store.LookStepRepository;
import dev.showcall.store.ModelStepRepository;
import dev.showcall.store.ReplacementRepository;
import dev.showcall.store.WalkRepository;
import dev.showcall.discord.commands.CommandListener;
import dev.showcall.discord.commands.ShowResolver;
import dev.showcall.store.ArrivalRepository;
import dev.showcall.store.Database;
import dev.showcall.store.JdbcArrivalStore;
import dev.showcall.store.ShowRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.discord.DiscordTimelineChannel;
import dev.showcall.discord.commands.StatusCommand;
import dev.showcall.discord.AfterShowReports;
import dev.showcall.discord.commands.MyCallCommand;
import dev.showcall.discord.commands.ReportSlashCommand;
import dev.showcall.show.DiscordBinding;
import dev.showcall.store.JdbcFeedStore;
import dev.showcall.timeline.FeedListener;
import dev.showcall.timeline.TimelineChannel;
import dev.showcall.timeline.TimelineFeed;
import dev.showcall.timeline.TimelineFeeds;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The one place where showcall's parts are built and wired together. */
public final class Showcall implements AutoCloseable {

    /** Interactions are short database work; a few threads keep one slow one from holding up the rest. */
    private static final int INTERACTION_THREADS = 4;
    /** How often showcall looks for an automatic after-show report that has fallen due. */
    static final java.time.Duration REPORT_CHECK = java.time.Duration.ofSeconds(30);

    private final Settings settings;
    private final Clock clock;
    private final Database database;
    private final TimelineFeeds feeds = new TimelineFeeds();
    private final TimelineEventRepository timeline = new TimelineEventRepository(feeds.waker());
    private final FeedListener feedListener;
    private final ShowLoading showLoading;
    private ShowDirectory directory = new ShowDirectory(List.of());
    private ExecutorService workers;
    private ScheduledExecutorService timer;
    private AfterShowReports reports;
    private DiscordBot bot;
    private CallScheduler calls;
    private Reconciliation reconciliation;
    private final CallPingRepository callPings = new CallPingRepository();
    private Replacements replacements;

    private Showcall(Settings settings, Clock clock, Database database, FeedListener feedListener) {
        this.feedListener = feedListener;
        this.settings = settings;
        this.clock = clock;
        this.database = database;
        this.showLoading = new ShowLoading(database, new ShowRepository(), timeline, clock);
    }

    /** Opens and migrates the database. */
    public static Showcall start(Settings settings, Clock clock) {
        return start(settings, clock, FeedListener.NONE);
    }

    /** {@link #start(Settings, Clock)}, telling {@code feedListener} what the timeline shows as it does. */
    public static Showcall start(Settings settings, Clock clock, FeedListener feedListener) {
        return new Showcall(settings, clock, Database.open(settings.databaseUrl(), settings.databaseUser(),
                settings.databasePassword()), feedListener);
    }

    /** Loads every show file of the settings into the database and into the running directory. */
    public ShowDirectory loadShows() throws ShowLoading.InvalidShowsException {
        List<PlannedShow> planned = showLoading.load(settings.shows()).stream()
                .map(l -> new PlannedShow(l.file().show(), l.sheet()))
                .toList();
        directory = new ShowDirectory(planned);
        return directory;
    }

    /**
     * Logs in to Discord (or the configured compatible server) with the loaded shows.
     *
     * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when the token is refused
     */
    public DiscordBot connect(String token) {
        workers = Executors.newFixedThreadPool(INTERACTION_THREADS, named("showcall-interaction"));
        timer = Executors.newSingleThreadScheduledExecutor(named("showcall-timer"));
        calls = createCalls();
        CallSync callSync = new CallSync(database, callPings, new DelayRepository(), calls);
        Lineups lineups = new Lineups(database);
        replacements = new Replacements(database, lineups, new ReplacementRepository(), callPings, timeline,
                () -> calls, clock);
        reconciliation = new Reconciliation(() -> directory, List.of(callSync, replacements::resumeNotices),
                Executors.newSingleThreadScheduledExecutor(named("showcall-reconcile")));
        DelayCommand delay = new DelayCommand(new Delays(database, new DelayRepository(), callPings, timeline, callSync,
                reconciliation, clock));
        Arrivals arrivals = new Arrivals(new JdbcArrivalStore(database, new ArrivalRepository(), timeline), clock);
        ArrivedCommand arrived = new ArrivedCommand(arrivals, directory);
        ConfirmButtons confirm = new ConfirmButtons(new Confirmations(database, new ConfirmationRepository(),
                new ArrivalRepository(), timeline, clock), directory);
        CallsCommand callsCommand = new CallsCommand(new CallStatuses(database, callPings, new ConfirmationRepository(),
                new ArrivalRepository(), new DelayRepository(), new NoShowRepository(), clock));
        NoShowCommand noShow = new NoShowCommand(new NoShows(database, new NoShowRepository(), new ArrivalRepository(),
                timeline, clock));
        LookCommand look = new LookCommand(new LookSteps(database, lineups, new ModelStepRepository(),
                new LookStepRepository(), timeline, clock), lineups);
        WalkedCommand walked = new WalkedCommand(new Walks(database, lineups, new WalkRepository(), timeline, clock),
                lineups);
        ReplaceCommand replace = new ReplaceCommand(replacements, timer);
        LineupCommand lineup = new LineupCommand(lineups);
        StatusCommand status = new StatusCommand(feedStore());
        reports = new AfterShowReports(database, () -> bot.jda(), clock);
        ReportSlashCommand report = new ReportSlashCommand(reports);
        MyCallCommand myCall = new MyCallCommand(clock);
        CommandListener commands = new CommandListener(
                List.of(arrived, noShow, replace, look, lineup, walked, delay, callsCommand, status, report, myCall),
                List.of(arrived, confirm),
                new ShowResolver(directory), workers, timer);
        GuildSetup setup = new GuildSetup(directory, commands.commandData());
        DiscordConnection.Endpoints endpoints = new DiscordConnection.Endpoints(settings.discordApi(),
                settings.discordGateway());
        bot = DiscordBot.connect(token, endpoints, List.of(commands, setup));
        return bot;
    }

    private CallScheduler createCalls() {
        PingJobFactory jobs = new PingJobFactory();
        try {
            CallScheduler scheduler = new CallScheduler(QuartzSchedulers.create(database.dataSource(), jobs), clock);
            PingSender sender = new PingSender(() -> directory, database, callPings, new DelayRepository(), timeline,
                    new DiscordCallNotifier(() -> bot.jda()), clock);
            jobs.wire(sender, scheduler);
            return scheduler;
        } catch (SchedulerException e) {
            throw new IllegalStateException("The call scheduler could not be created", e);
        }
    }

    /**
     * Brings every show's scheduled pings up to date, then starts firing them. Pings that fell due
     * while showcall was down fire at once, marked late.
     */
    public void startCalls() throws SchedulerException {
        if (!reconciliation.runNow()) {
            throw new SchedulerException("the scheduled calls could not be brought in line with the database");
        }
        calls.start();
        reconciliation.start();
        startTimeline();
        timer.scheduleWithFixedDelay(() -> reports.postDue(directory), 0, REPORT_CHECK.toSeconds(),
                java.util.concurrent.TimeUnit.SECONDS);
    }

    private JdbcFeedStore feedStore() {
        return new JdbcFeedStore(database, timeline, () -> directory, clock);
    }

    /** One feed per show publishes its board and log, starting with whatever was left unpublished. */
    private void startTimeline() {
        JdbcFeedStore store = feedStore();
        for (PlannedShow show : directory.all()) {
            DiscordBinding discord = show.show().discord();
            TimelineChannel channel = new DiscordTimelineChannel(() -> bot.jda(), discord.timelineChannelId(),
                    discord.prRoleId());
            feeds.start(new TimelineFeed(show.id(), store, channel, TimelineFeeds.discordPacer(), feeds.threadFor(show.id()),
                    clock, () -> System.nanoTime() / 1_000_000, feedListener));
        }
    }

    public Database database() {
        return database;
    }

    public Optional<DiscordBot> bot() {
        return Optional.ofNullable(bot);
    }

    /** Stops taking interactions, lets the ones under way finish, disconnects, then closes the database. */
    @Override
    public void close() {
        if (reconciliation != null) {
            reconciliation.close();
        }
        if (calls != null) {
            calls.shutdown();
        }
        feeds.close();
        if (bot != null) {
            bot.close();
        }
        shutDown(workers);
        shutDown(timer);
        database.close();
    }

    private static void shutDown(ExecutorService executor) {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

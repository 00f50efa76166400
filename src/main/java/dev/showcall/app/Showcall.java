package dev.showcall.app;

import dev.showcall.backstage.Arrivals;
import dev.showcall.calls.Escalations;
import dev.showcall.calls.PersonalCalls;
import dev.showcall.discord.commands.ReachedButtons;
import dev.showcall.discord.commands.StandbyButtons;
import dev.showcall.store.EscalationStopRepository;
import dev.showcall.calls.CallScheduler;
import dev.showcall.calls.CallStatuses;
import dev.showcall.calls.CallSheets;
import dev.showcall.calls.CallSync;
import dev.showcall.discord.commands.CallSheetCommand;
import dev.showcall.discord.commands.CallsCommand;
import dev.showcall.discord.commands.GotItButtons;
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
import dev.showcall.discord.CallsChannels;
import dev.showcall.calls.RoutedNotifier;
import dev.showcall.discord.DiscordCallNotifier;
import dev.showcall.mail.CallMails;
import dev.showcall.mail.MailCallNotifier;
import dev.showcall.mail.SmtpMailer;
import dev.showcall.discord.DmChannels;
import dev.showcall.store.DmChannelRepository;
import dev.showcall.discord.commands.ConfirmButtons;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.ConfirmationRepository;
import dev.showcall.store.DelayRepository;
import dev.showcall.store.Dialect;
import dev.showcall.store.Fence;
import dev.showcall.failover.Lease;
import dev.showcall.failover.TakeoverNotice;
import org.quartz.SchedulerException;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.discord.DiscordBot;
import dev.showcall.discord.DiscordConnection;
import dev.showcall.discord.commands.SlashCommands;
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
import dev.showcall.discord.commands.InteractionMeters;
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
import dev.showcall.discord.commands.ShowCommand;
import dev.showcall.discord.commands.PlanButtons;
import dev.showcall.discord.commands.ShowPlanCommand;
import dev.showcall.discord.commands.ShowReloadCommand;
import dev.showcall.discord.commands.ShowUploadCommand;
import dev.showcall.replan.PlanUpdates;
import dev.showcall.links.Claims;
import dev.showcall.links.Links;
import dev.showcall.discord.commands.LinkCommand;
import dev.showcall.discord.commands.UnlinkCommand;
import dev.showcall.discord.ClaimPosts;
import dev.showcall.discord.commands.ClaimButtons;
import dev.showcall.discord.commands.IamCommand;
import dev.showcall.store.LinkClaimRepository;
import dev.showcall.store.LinkRepository;
import dev.showcall.discord.DiscordMembers;
import dev.showcall.roster.MemberList;
import dev.showcall.discord.MemberChanges;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Show;
import dev.showcall.store.PlanUploadRepository;
import java.util.function.Function;
import dev.showcall.show.DiscordBinding;
import dev.showcall.store.JdbcFeedStore;
import dev.showcall.timeline.FeedListener;
import dev.showcall.timeline.TimelineChannel;
import dev.showcall.timeline.TimelineFeed;
import dev.showcall.timeline.TimelineFeeds;
import dev.showcall.discord.DiscordNames;
import dev.showcall.discord.commands.ScreenCommand;
import dev.showcall.screen.LinkTokens;
import dev.showcall.screen.PersonalLinks;
import dev.showcall.screen.ScreenLinks;
import dev.showcall.store.ScreenLinkRepository;
import dev.showcall.store.PersonalLinkRepository;
import dev.showcall.web.Door;
import dev.showcall.web.Pages;
import dev.showcall.web.PersonalPage;
import dev.showcall.web.WebAddress;
import dev.showcall.web.WebServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Showcall.class);

    /** What {@code run} logs once everything runs: the shows stored, the calls scheduled, the boards started. */
    public static final String RUNNING = "showcall is running";

    /** The gauge of timeline events waiting for the log on Discord. */
    public static final String LOG_QUEUED = "showcall.timeline.log.queued";

    /** Interactions are short database work; a few threads keep one slow one from holding up the rest. */
    private static final int INTERACTION_THREADS = 4;
    /** Completing pings when Discord answers is short database work. */
    private static final int PING_THREADS = 2;

    private final Settings settings;
    private final Clock clock;
    private final Database database;
    private final TimelineFeeds feeds = new TimelineFeeds();
    /** Every commit of a timeline event wakes the show's feed, and the show's open web pages. */
    private final TimelineEventRepository timeline = new TimelineEventRepository(showId -> {
        feeds.wake(showId);
        WebServer pages = this.web;
        if (pages != null) {
            pages.changed(showId);
        }
    });
    private final PrometheusMeterRegistry metrics;
    private volatile WebServer web;
    private volatile ScreenLinks screenLinks;
    /** The links to people's own pages; from {@link #startWeb} on, when the web pages are on. */
    private volatile PersonalLinks personalLinks;
    /** Who is on each show's server, as Discord has told the bot connected now. */
    private final DiscordMembers members = new DiscordMembers(() -> this.bot);
    private SmtpMailer mailer;
    /** What the web pages read; empty until this instance is the active one and wired. */
    private volatile Optional<Pages> pages = Optional.empty();
    /** Everything runs: the shows stored, the calls scheduled, the boards started. */
    private volatile boolean takingShows;
    private final FeedListener feedListener;
    private final ShowLoading showLoading;
    private ShowDirectory directory = new ShowDirectory(List.of());
    private List<ShowLoading.Planned> read = List.of();
    private ExecutorService workers;
    private ScheduledExecutorService timer;
    private AfterShowReports reports;
    private ScheduledExecutorService reportThread;
    private DiscordBot bot;
    private CallScheduler calls;
    private Reconciliation reconciliation;
    /** This process among the instances that may share the database. */
    private final Lease.Instance instance = Lease.Instance.ofThisProcess();
    /** Held once {@link #becomeActive}; without it (tests that run one instance) every claim passes. */
    private volatile Lease lease;
    /** Every claim of a send checks, in its transaction, that this instance still holds the lease. */
    private final Fence fence = c -> {
        Lease held = lease;
        if (held != null) {
            held.fence().check(c);
        }
    };
    private final CallPingRepository callPings = new CallPingRepository(fence);
    private Replacements replacements;
    private PingSender pingSender;
    private ScheduledExecutorService pingThreads;
    private DmChannels dmChannels;
    private CallsChannels callsChannels;
    /**
     * The show as it runs, built from the show as its file says: what a new version of the file runs as once
     * applied. Today its call sheet; this is where the people it names would be found on Discord.
     */
    /** Who the people of each show are on Discord; from {@link #connect} on. */
    private volatile Links links;
    /** A show as filed, as it runs: its people found on Discord once connected. */
    private final Function<Show, PlannedShow> running = show -> {
        Links found = links;
        return found == null ? new PlannedShow(show, CallPlanner.plan(show)) : found.running(show);
    };

    private Showcall(Settings settings, Clock clock, Database database, FeedListener feedListener,
                     PrometheusMeterRegistry metrics) {
        this.feedListener = feedListener;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.database = database;
        this.showLoading = new ShowLoading(database, new ShowRepository(), timeline, clock);
        io.micrometer.core.instrument.Gauge.builder(LOG_QUEUED, this, Showcall::queuedLogEvents)
                .description("Timeline events committed and not yet in the log on Discord").register(metrics);
    }

    /** Read at each scrape of {@code /metrics}: a count over the unpublished rows, which stay few. */
    private double queuedLogEvents() {
        try {
            return database.inTransaction(timeline::countUnpublished);
        } catch (RuntimeException e) {
            log.warn("Could not count the timeline events waiting for the log", e);
            return Double.NaN;
        }
    }

    /** Opens and migrates the database. */
    public static Showcall start(Settings settings, Clock clock) {
        return start(settings, clock, FeedListener.NONE);
    }

    /** {@link #start(Settings, Clock)}, telling {@code feedListener} what the timeline shows as it does. */
    public static Showcall start(Settings settings, Clock clock, FeedListener feedListener) {
        return start(settings, clock, feedListener, newMetrics());
    }

    /** {@link #start(Settings, Clock, FeedListener)}, counting into {@code metrics} (what {@code /metrics} shows). */
    public static Showcall start(Settings settings, Clock clock, FeedListener feedListener,
                                 PrometheusMeterRegistry metrics) {
        return new Showcall(settings, clock, Database.open(settings.databaseUrl(), settings.databaseUser(),
                settings.databasePassword()), feedListener, metrics);
    }

    /** What {@code /metrics} serves: one registry for the process, from the first login on. */
    public static PrometheusMeterRegistry newMetrics() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /**
     * Waits until this instance is the active one (at once on H2, or on a database where no other
     * instance is active), then keeps the lease renewed. Until then it has its database
     * connection and nothing else: no Discord, no jobs.
     *
     * @param stop released to stop waiting (showcall is being stopped)
     * @param lost called once, from a thread of the lease's, if this instance loses the lease:
     *             another instance is taking over, and this one must stop; it sends nothing
     *             more from that moment
     * @return the takeover, or empty when {@code stop} came first
     */
    public Optional<Lease.Takeover> becomeActive(java.util.concurrent.CountDownLatch stop, Runnable lost)
            throws InterruptedException {
        boolean exclusive = Dialect.ofUrl(settings.databaseUrl()) == Dialect.H2;
        Lease candidate = new Lease(database, instance, exclusive, Lease.Timing.DEFAULT, Clock.systemUTC(),
                System::nanoTime);
        Optional<Lease.Takeover> takeover = candidate.acquire(stop);
        if (takeover.isPresent()) {
            lease = candidate;
            candidate.keep(lost);
        }
        return takeover;
    }

    /** Whether this instance may send: it holds the lease, or runs without one. */
    public boolean active() {
        Lease held = lease;
        return held == null || held.held();
    }

    /**
     * After a takeover from an instance that died, hung or was cut off, says so on every show's
     * timeline; call once the shows are stored and before {@link #startCalls}.
     */
    public void noteTakeover(Lease.Takeover takeover) {
        new TakeoverNotice(database, callPings, new DelayRepository(), timeline).post(takeover, instance.host(),
                directory.all());
    }

    /** Loads every show file of the settings into the database and into the running directory. */
    public ShowDirectory loadShows() throws ShowLoading.InvalidShowsException {
        readShows();
        storeShows();
        return directory;
    }

    /**
     * Reads, validates and plans every show file of the settings into the running directory,
     * without the database: enough to {@link #connect} while {@link #storeShows} runs.
     */
    public ShowDirectory readShows() throws ShowLoading.InvalidShowsException {
        return use(readShows(settings));
    }

    /** Reads, validates and plans the show files of the settings; needs neither the database nor Discord. */
    public static List<ShowLoading.Planned> readShows(Settings settings) throws ShowLoading.InvalidShowsException {
        return ShowLoading.read(settings.shows());
    }

    /** Runs these shows, read by {@link #readShows(Settings)}; {@link #storeShows} stores them. */
    public ShowDirectory use(List<ShowLoading.Planned> planned) {
        read = planned;
        directory = directoryOf(planned);
        return directory;
    }

    /** The shows as filed, before anything is stored or anyone found on Discord. */
    public static ShowDirectory directoryOf(List<ShowLoading.Planned> planned) {
        return new ShowDirectory(planned.stream().map(p -> new PlannedShow(p.file().show(), p.sheet())).toList());
    }

    /**
     * Logs in to Discord (or the configured compatible server) without any listener yet: what
     * Discord says first is kept until {@link #connect(DiscordBot)}. Needs neither the database
     * nor the shows, so it can run while they load.
     *
     * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when the token is refused
     */
    public static DiscordBot login(Settings settings, PrometheusMeterRegistry metrics) {
        return DiscordBot.connect(settings.discordToken().orElseThrow(),
                new DiscordConnection.Endpoints(settings.discordApi(), settings.discordGateway()), () -> true, metrics);
    }

    /**
     * {@link #login(Settings, PrometheusMeterRegistry)}, sending nothing that changes anything on Discord once this instance
     * is no longer the active one.
     */
    public DiscordBot login() {
        return DiscordBot.connect(settings.discordToken().orElseThrow(),
                new DiscordConnection.Endpoints(settings.discordApi(), settings.discordGateway()), this::active, metrics);
    }

    /** Stores the shows {@link #readShows} read into the database (what changed since the last load). */
    public void storeShows() {
        showLoading.store(read);
    }

    /**
     * Logs in to Discord (or the configured compatible server) with the loaded shows.
     *
     * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when the token is refused
     */
    public DiscordBot connect(String token) {
        return connect(login());
    }

    /** Wires everything to a bot that {@link #login} logged in, and hands it its listeners. */
    public DiscordBot connect(DiscordBot loggedIn) {
        bot = loggedIn;
        workers = Executors.newFixedThreadPool(INTERACTION_THREADS, named("showcall-interaction"));
        timer = Executors.newSingleThreadScheduledExecutor(named("showcall-timer"));
        java.util.concurrent.ScheduledThreadPoolExecutor pings =
                new java.util.concurrent.ScheduledThreadPoolExecutor(PING_THREADS, named("showcall-pings"));
        // a retry waiting for its time does not hold up a stop: the claim stays, and the next start sends it
        pings.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pingThreads = pings;
        DmChannelRepository dmRepository = new DmChannelRepository();
        dmChannels = new DmChannels(() -> bot.jda(), new DmChannels.Store() {
            @Override
            public java.util.Map<Long, Long> load() {
                return database.inTransaction(dmRepository::all);
            }

            @Override
            public void save(long userId, long channelId) {
                database.runInTransaction(c -> dmRepository.save(c, userId, channelId, clock.instant()));
            }

            @Override
            public void forget(long userId) {
                database.runInTransaction(c -> dmRepository.forget(c, userId));
            }

            @Override
            public List<java.time.Instant> openedSince(java.time.Instant since) {
                return database.inTransaction(c -> dmRepository.openedSince(c, since));
            }
        }, DmChannels.discordBudget());
        callsChannels = new CallsChannels(() -> bot.jda(), bot.channelLimits());
        DiscordCallNotifier discordNotifier = new DiscordCallNotifier(dmChannels, callsChannels,
                members);
        RoutedNotifier notifier = new RoutedNotifier(discordNotifier, discordNotifier, mailNotifier());
        CallSheets callSheets = new CallSheets(database, callPings, timeline, () -> calls, notifier, clock);
        calls = createCalls(notifier, callSheets);
        CallSync callSync = new CallSync(database, callPings, new DelayRepository(), calls);
        links = new Links(database, new LinkRepository(), new PersonalLinkRepository(), timeline, () -> directory, members,
                show -> reschedule(callSync, show), clock);
        Lineups lineups = new Lineups(database);
        replacements = new Replacements(database, lineups, new ReplacementRepository(), callPings, timeline,
                () -> calls, clock);
        // reads the reconciliation when a failure asks for it, once it is built below
        PlanUpdates planUpdates = new PlanUpdates(database, new ShowRepository(), new PlanUploadRepository(), callPings,
                timeline, directory, running, callSync, () -> reconciliation.afterFailure(), clock, callSheets);
        LinkClaimRepository linkClaims = new LinkClaimRepository();
        Claims claims = new Claims(database, linkClaims, callPings, timeline, links, () -> calls,
                new ClaimPosts(database, linkClaims, () -> bot.jda(), () -> directory, feeds::feed, links::roster,
                        workers), clock);
        reconciliation = new Reconciliation(() -> directory,
                List.of(callSync, replacements::resumeNotices, planUpdates, claims, callSheets),
                Executors.newSingleThreadScheduledExecutor(named("showcall-reconcile")));
        Delays delays = new Delays(database, new DelayRepository(), callPings, timeline, callSync, reconciliation, clock);
        DelayCommand delay = new DelayCommand(delays);
        Arrivals arrivals = new Arrivals(new JdbcArrivalStore(database, new ArrivalRepository(), timeline), clock);
        ArrivedCommand arrived = new ArrivedCommand(arrivals, directory);
        // the DM's buttons and the personal pages answer through the same service
        Confirmations confirmations = new Confirmations(database, new ConfirmationRepository(),
                new ArrivalRepository(), timeline, clock, show -> reschedule(callSync, show));
        ConfirmButtons confirm = new ConfirmButtons(confirmations, directory);
        ReachedButtons reached = new ReachedButtons(new Escalations(database, new EscalationStopRepository(), timeline,
                clock), directory);
        StandbyButtons standby = new StandbyButtons(replacements, directory, members);
        CallsCommand callsCommand = new CallsCommand(new CallStatuses(database, callPings, new ConfirmationRepository(),
                new ArrivalRepository(), new DelayRepository(), new NoShowRepository(), clock, RoutedNotifier::byEmail),
                callSheets::receipts);
        NoShows noShows = new NoShows(database, new NoShowRepository(), new ArrivalRepository(), timeline, clock);
        NoShowCommand noShow = new NoShowCommand(noShows);
        LookCommand look = new LookCommand(new LookSteps(database, lineups, new ModelStepRepository(),
                new LookStepRepository(), timeline, clock), lineups);
        WalkedCommand walked = new WalkedCommand(new Walks(database, lineups, new WalkRepository(), timeline, clock),
                lineups);
        ReplaceCommand replace = new ReplaceCommand(replacements, timer);
        LineupCommand lineup = new LineupCommand(lineups);
        StatusCommand status = new StatusCommand(feedStore(), this::activeInstance);
        java.util.concurrent.ScheduledThreadPoolExecutor reporting =
                new java.util.concurrent.ScheduledThreadPoolExecutor(1, named("showcall-reports"));
        // a check or a retry waiting for its time does not hold up a stop: a claim not marked sent is posted at the next start
        reporting.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        reportThread = reporting;
        reports = new AfterShowReports(database, () -> bot.jda(), feeds::feed, clock, reportThread, fence);
        ReportSlashCommand report = new ReportSlashCommand(reports);
        PersonalCalls personalCalls = new PersonalCalls(delays::total, clock);
        MyCallCommand myCall = new MyCallCommand(personalCalls);
        ShowCommand showCommand = new ShowCommand(List.of(new ShowPlanCommand(), new ShowUploadCommand(planUpdates),
                new ShowReloadCommand(planUpdates)));
        CommandListener commands = new CommandListener(
                List.of(arrived, noShow, replace, look, lineup, walked, delay, callsCommand, status, showCommand, report, myCall,
                        new LinkCommand(links), new UnlinkCommand(links), new IamCommand(claims),
                        new ScreenCommand(() -> Optional.ofNullable(screenLinks)), new CallSheetCommand(callSheets)),
                List.of(arrived, confirm, PlanButtons.apply(planUpdates, directory), PlanButtons.cancel(planUpdates, directory),
                        ClaimButtons.approve(claims, directory), ClaimButtons.refuse(claims, directory), reached,
                        standby, new GotItButtons(callSheets, directory)),
                new ShowResolver(directory), workers, timer, new InteractionMeters(metrics));
        SlashCommands.requireHandled(commands.commandData());
        DiscordNames names = new DiscordNames(() -> bot);
        pages = Optional.of(new Pages(directory, feedStore(), lineups, delays::total, names,
                new Door(arrivals, noShows, names), new PersonalPage(confirmations, personalCalls, names), clock));
        bot.setUpGuilds(directory);
        bot.attach(List.of(commands, new MemberChanges(links::membersChanged, timer)));
        return bot;
    }

    /**
     * The notifier that sends by email, when an SMTP server is set: each mail carries the person's page, when the
     * web pages are on.
     */
    private Optional<RoutedNotifier.ByEmail> mailNotifier() {
        return settings.mail().map(mail -> {
            mailer = new SmtpMailer(mail);
            log.info("Email on: calls of people without Discord go through {}", mail.url());
            return new MailCallNotifier(mailer, new CallMails(clock), this::personalPage);
        });
    }

    /** People only email reaches get nothing without an SMTP server: the operator hears of it at start-up. */
    private void warnOfEmailsWithoutServer() {
        if (settings.mail().isPresent()) {
            return;
        }
        for (PlannedShow show : directory.all()) {
            long onlyEmail = show.sheet().calls().stream()
                    .filter(call -> RoutedNotifier.byEmail(show, call) && !call.notLinked()).count();
            if (onlyEmail > 0) {
                log.warn("Show {}: {} people have only an email, and {} is not set: their calls cannot go out, and "
                        + "/calls shows them unreachable", show.id(), onlyEmail, Settings.SMTP_URL);
            }
        }
    }

    /** Someone's personal page, to put in their mails; none when the web pages are off. */
    private Optional<java.net.URI> personalPage(String showId, String callKey) {
        try {
            return personalLinks().map(links -> links.linkFor(showId, callKey));
        } catch (RuntimeException e) {
            log.warn("Show {}: no personal page for {}; the mail goes without it", showId, callKey, e);
            return Optional.empty();
        }
    }

    private CallScheduler createCalls(RoutedNotifier notifier, CallSheets callSheets) {
        PingJobFactory jobs = new PingJobFactory();
        try {
            CallScheduler scheduler = new CallScheduler(QuartzSchedulers.create(database.dataSource(), jobs, instance.id()), clock);
            PingSender sender = new PingSender(() -> directory, database, callPings, new DelayRepository(), timeline,
                    notifier, clock, pingThreads, new dev.showcall.calls.PingMeters(metrics), callSheets);
            jobs.wire(sender, scheduler);
            pingSender = sender;
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
        // the boards first: Discord shows them while the calls are brought up to date
        startTimeline();
        // the member list is loaded by now: people given by username are found before anything is scheduled
        links.findEveryone();
        dmChannels.start(clock.instant());
        dmChannels.openAhead(firstPings());
        warnOfEmailsWithoutServer();
        if (!reconciliation.runNow()) {
            throw new SchedulerException("the scheduled calls could not be brought in line with the database");
        }
        for (PlannedShow show : directory.all()) {
            pingSender.recover(show);
        }
        calls.start();
        reconciliation.start();
        reports.start(() -> directory);
        takingShows = true;
    }

    /**
     * Starts the web pages (the screen, the lineup, the door, health and metrics) unless the settings turn them
     * off. Needs only the database: a standby serves them too, saying it stands by, with {@code /health/ready} 503.
     */
    public Optional<WebServer> startWeb() {
        Settings.Web settings = this.settings.web();
        if (!settings.on()) {
            log.info("Web pages off ({}=off)", Settings.WEB_PORT);
            return Optional.empty();
        }
        String secret = settings.secret().or(() -> this.settings.discordToken()).orElseThrow(() ->
                new IllegalStateException("the web links need " + Settings.WEB_SECRET + " or the bot token"));
        LinkTokens tokens = new LinkTokens(secret);
        // a token is looked up by its hash alone; the links' address needs the port, known once the server listens
        WebServer server = WebServer.start(settings.bind(), settings.port().getAsInt(),
                token -> Optional.ofNullable(screenLinks).flatMap(links -> links.granted(token))
                        .or(() -> Optional.ofNullable(personalLinks).flatMap(links -> links.granted(token))),
                () -> pages,
                () -> takingShows && active(), metrics,
                settings.url().map(u -> java.util.Set.of(WebServer.originOf(u))).orElse(java.util.Set.of()));
        java.net.URI base = settings.url().orElseGet(() -> WebAddress.lan(server.port()));
        screenLinks = new ScreenLinks(database, new ScreenLinkRepository(), tokens, base, clock, server::revokedBefore);
        personalLinks = new PersonalLinks(database, new PersonalLinkRepository(), new ScreenLinkRepository(), tokens, base,
                showId -> directory.byId(showId), clock);
        web = server;
        metrics.gauge("showcall.web.open.pages", server, WebServer::openPages);
        log.info("Web pages at {} (screen, lineup and door links: /screen on Discord)", base);
        return Optional.of(server);
    }

    /** A show's people changed on Discord: its pings follow, now or at the next reconciliation. */
    private void reschedule(CallSync callSync, PlannedShow show) {
        try {
            callSync.reconcile(show);
        } catch (org.quartz.SchedulerException e) {
            log.warn("Show {}: the pings could not follow its people yet; trying again shortly", show.id(), e);
            reconciliation.afterFailure();
        }
    }

    /** Everyone showcall will DM, with when their first ping is due. */
    private java.util.Map<Long, java.time.Instant> firstPings() {
        java.util.Map<Long, java.time.Instant> first = new java.util.HashMap<>();
        for (PlannedShow show : directory.all()) {
            for (dev.showcall.calls.PlannedPing ping : dev.showcall.calls.PingPlan.of(show)) {
                if (ping.isAnnouncement() || ping.isMilestone() || ping.isCheck() || ping.isLateCheck()) {
                    continue;
                }
                show.call(ping.subjectKey()).ifPresent(call -> escalatedTo(show, call, ping).or(() ->
                                call.userId().isPresent() ? Optional.of(List.of(call.userId().getAsLong())) : Optional.empty())
                        .ifPresent(users -> users.forEach(user ->
                                first.merge(user, ping.due(), (a, b) -> a.isBefore(b) ? a : b))));
            }
            // the call sheet sent ahead is everyone's first DM
            show.show().callSheet().map(show.show()::resolve).ifPresent(sheet -> show.sheet().calls().stream()
                    .filter(c -> c.userId().isPresent())
                    .forEach(c -> first.merge(c.userId().getAsLong(), sheet, (a, b) -> a.isBefore(b) ? a : b)));
        }
        return first;
    }

    /**
     * Whom a step of a ladder DMs, when it is not the person called: their lead, or the producers. Their channels
     * are opened ahead too, so that a lead told about five people at once is not held by Discord's limit on opening.
     */
    private Optional<List<Long>> escalatedTo(PlannedShow show, dev.showcall.show.Call call,
                                             dev.showcall.calls.PlannedPing ping) {
        Optional<dev.showcall.show.Escalation.Action> action = dev.showcall.backstage.CallPing.rungOf(ping.ping())
                .flatMap(rung -> {
                    List<dev.showcall.show.Escalation.Step> ladder = show.show().escalationOf(call)
                            .ladder(rung.condition());
                    return rung.step() <= ladder.size() ? Optional.of(ladder.get(rung.step() - 1).action())
                            : Optional.empty();
                });
        return action.flatMap(a -> switch (a) {
            case DM_LEAD -> call.leadUserId().isPresent() ? Optional.of(List.of(call.leadUserId().getAsLong()))
                    : Optional.of(List.<Long>of());
            case PRODUCERS -> Optional.of(members.holders(show.show().discord().guildId(),
                    show.show().discord().producerRoleId()).stream().map(MemberList.Holder::userId).toList());
            case CALLS_CHANNEL -> Optional.of(List.<Long>of());
            case DM_AGAIN -> Optional.<List<Long>>empty();
        });
    }

    private JdbcFeedStore feedStore() {
        return new JdbcFeedStore(database, timeline, () -> directory, clock, fence);
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

    /** For producers' {@code /status}: which instance answers, and since when. */
    private Optional<String> activeInstance() {
        Lease held = lease;
        if (held == null || held.since().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Answering: showcall on **" + dev.showcall.text.UserText.inline(instance.host())
                + "** (instance " + dev.showcall.text.UserText.inline(instance.id()) + "), active since <t:"
                + held.since().get().getEpochSecond() + ":T> (<t:" + held.since().get().getEpochSecond() + ":R>)");
    }

    /**
     * The links to people's own pages, for the mail that tells those who are not on Discord their call
     * ({@link PersonalLinks#linkFor}); empty when the web pages are off ({@code SHOWCALL_WEB_PORT=off}).
     */
    public Optional<PersonalLinks> personalLinks() {
        return Optional.ofNullable(personalLinks);
    }

    /** The web pages, when they run. */
    public Optional<WebServer> web() {
        return Optional.ofNullable(web);
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
        if (web != null) {
            web.close();
        }
        if (reconciliation != null) {
            reconciliation.close();
        }
        if (calls != null) {
            calls.shutdown();
        }
        // no report is handed to a feed once the feeds stop
        shutDown(reportThread);
        feeds.close();
        if (dmChannels != null) {
            dmChannels.close();
        }
        if (callsChannels != null) {
            callsChannels.close();
        }
        if (bot != null) {
            bot.close();
        }
        if (mailer != null) {
            mailer.close();
        }
        // after JDA has finished what it had queued: the answers complete their pings here
        shutDown(pingThreads);
        shutDown(workers);
        shutDown(timer);
        // last: a standby takes over once nothing of this instance's is left running
        if (lease != null) {
            lease.close();
        }
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

package dev.showcall.app;

import dev.showcall.discord.DiscordBot;
import dev.showcall.failover.Lease;
import dev.showcall.store.Dialect;
import java.util.Optional;
import dev.showcall.store.StoreException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Loads the shows into the database and runs the bot until it is stopped (SIGTERM or Ctrl-C).",
                "Settings come from the environment: DISCORD_TOKEN, SHOWCALL_SHOWS, SHOWCALL_DB_URL,",
                "SHOWCALL_DB_USER, SHOWCALL_DB_PASSWORD, SHOWCALL_DISCORD_API, SHOWCALL_DISCORD_GATEWAY (see README.md)."})
final class RunCommand implements Callable<Integer> {

    /** Exit code when showcall could not run although it was started correctly. */
    static final int EXIT_FAILURE = 1;

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;

    /** The environment; tests give their own. */
    Map<String, String> environment = System.getenv();

    /** Released to stop the bot; the JVM's shutdown hook releases it on SIGTERM. */
    final CountDownLatch stop = new CountDownLatch(1);
    /** Released once everything is closed, so the hook can hold the JVM until then. */
    private final CountDownLatch closed = new CountDownLatch(1);

    private static final long CLOSE_TIMEOUT_SECONDS = 30;

    /** Exit code when this instance lost the lease to another one: restarted, it stands by. */
    static final int EXIT_LEASE_LOST = 3;

    /**
     * What happens when this instance loses the lease: it has already stopped sending (every send
     * checks the lease); it stops at once, as a crash would, since everything it did is in the
     * database, and whatever restarts it (systemd, a container's restart policy) makes it a standby.
     * Tests running in one JVM give their own.
     */
    Runnable lostLease = () -> {
        log.error("Another instance is taking over: stopping now (exit code {})", EXIT_LEASE_LOST);
        Runtime.getRuntime().halt(EXIT_LEASE_LOST);
    };

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Settings settings;
        try {
            settings = Settings.from(environment);
        } catch (Settings.InvalidSettingException e) {
            err.println("showcall: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (settings.discordToken().isEmpty()) {
            err.println("showcall: " + Settings.DISCORD_TOKEN + " is not set: give the bot's token from the Discord "
                    + "developer portal in the environment (see README.md)");
            return Main.EXIT_USAGE;
        }
        log.info("Starting with {}", settings);
        // On H2 the database is this process's alone: JDA logs in on its own, first, while the shows are read,
        // the database opens and the shows are stored; the slash commands are registered as soon as the shows are
        // read and the server is ready. On PostgreSQL another instance may be active: this one connects to Discord
        // only once it holds the lease.
        boolean exclusive = Dialect.ofUrl(settings.databaseUrl()) == Dialect.H2;
        var metrics = Showcall.newMetrics();
        CompletableFuture<DiscordBot> early = exclusive
                ? CompletableFuture.supplyAsync(() -> Showcall.login(settings, metrics)) : null;
        List<ShowLoading.Planned> shows;
        try {
            shows = Showcall.readShows(settings);
        } catch (ShowLoading.InvalidShowsException e) {
            e.problems().forEach(err::println);
            err.println("showcall: not started: " + e.getMessage());
            if (early != null) {
                early.thenAccept(DiscordBot::close);
            }
            return Main.EXIT_USAGE;
        }
        if (early != null) {
            early.thenAccept(bot -> bot.setUpGuilds(Showcall.directoryOf(shows)));
        }
        Showcall showcall;
        try {
            showcall = Showcall.start(settings, Clock.systemUTC(), dev.showcall.timeline.FeedListener.NONE, metrics);
        } catch (StoreException e) {
            log.error("The database at {} cannot be used", Settings.describe(settings.databaseUrl()), e);
            err.println("showcall: not started: the database cannot be used: " + rootCause(e).getMessage());
            if (early != null) {
                early.thenAccept(DiscordBot::close);
            }
            return EXIT_FAILURE;
        }
        try {
            showcall.startWeb();
        } catch (RuntimeException e) {
            log.error("The web pages could not be served on {}:{}", settings.web().bind(), settings.web().port(), e);
            err.println("showcall: not started: the web pages cannot listen on " + settings.web().bind() + ":"
                    + settings.web().port().orElse(0) + " (" + rootCause(e).getMessage() + "): set "
                    + Settings.WEB_PORT + " to a free port, or to off");
            showcall.close();
            if (early != null) {
                early.thenAccept(DiscordBot::close);
            }
            return Main.EXIT_USAGE;
        }
        // from here SIGTERM stops showcall in order, a standby's wait included
        Thread hook = new Thread(this::stopAndWait, "showcall-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (showcall) {
            Optional<Lease.Takeover> takeover;
            try {
                takeover = showcall.becomeActive(stop, lostLease);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return EXIT_FAILURE;
            }
            if (takeover.isEmpty()) {
                log.info("Stopped while standing by");
                if (early != null) {
                    early.thenAccept(DiscordBot::close);
                }
                return 0;
            }
            CompletableFuture<DiscordBot> login = early != null ? early
                    : CompletableFuture.supplyAsync(showcall::login);
            return runUntilStopped(showcall, shows, takeover.get(), login, err);
        } finally {
            closed.countDown();
        }
    }

    private int runUntilStopped(Showcall showcall, List<ShowLoading.Planned> shows, Lease.Takeover takeover,
                                CompletableFuture<DiscordBot> login, PrintWriter err) {
        showcall.use(shows);
        try {
            // stored before the listeners are attached: an interaction that came early is handled on the shows
            // as this start stored them
            showcall.storeShows();
            DiscordBot bot = showcall.connect(joined(login));
            showcall.noteTakeover(takeover);
            bot.awaitReady();
            showcall.startCalls();
            log.info(Showcall.RUNNING + ": {} shows", shows.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_FAILURE;
        } catch (InvalidTokenException e) {
            err.println("showcall: Discord refused the token in " + Settings.DISCORD_TOKEN
                    + ": copy the bot's token again from the developer portal");
            return Main.EXIT_USAGE;
        } catch (org.quartz.SchedulerException e) {
            log.error("The call scheduler could not start", e);
            err.println("showcall: not started: the call scheduler could not start: " + rootCause(e).getMessage());
            return EXIT_FAILURE;
        } catch (StoreException e) {
            log.error("The shows could not be stored in the database", e);
            err.println("showcall: not started: the database cannot be used: " + rootCause(e).getMessage());
            return EXIT_FAILURE;
        } catch (RuntimeException e) {
            log.error("Could not connect to Discord", e);
            err.println("showcall: not started: could not connect to Discord: " + rootCause(e).getMessage());
            return EXIT_FAILURE;
        }
        try {
            stop.await();
            log.info("Stopping");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The logged-in bot, or the failure of the login as it was thrown. */
    private static DiscordBot joined(CompletableFuture<DiscordBot> login) throws InterruptedException {
        try {
            return login.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Could not log in to Discord", e.getCause());
        }
    }

    /**
     * On SIGTERM the JVM runs this hook; the main thread then closes everything in order, and the
     * hook waits for it so that the JVM does not exit half-way through.
     */
    private void stopAndWait() {
        stop.countDown();
        try {
            if (!closed.await(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("showcall did not close within {}s", CLOSE_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The deepest cause that says something, which is what an operator can act on. */
    private static Throwable rootCause(Throwable e) {
        Throwable telling = e;
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                telling = cause;
            }
        }
        return telling;
    }
}

package dev.showcall.app;

import dev.showcall.store.StoreException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Loads the shows into the database and runs the bot.",
                "Settings come from the environment: DISCORD_TOKEN, SHOWCALL_SHOWS, SHOWCALL_DB_URL,",
                "SHOWCALL_DISCORD_API, SHOWCALL_DISCORD_GATEWAY (see README.md)."})
final class RunCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    /** Exit code when showcall could not run although it was started correctly. */
    static final int EXIT_FAILURE = 1;

    @Spec
    CommandSpec spec;

    /** The environment; tests give their own. */
    Map<String, String> environment = System.getenv();

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
        log.info("Starting with {}", settings);
        try (Showcall showcall = Showcall.start(settings, Clock.systemUTC())) {
            showcall.showLoading().load(settings.shows());
        } catch (ShowLoading.InvalidShowsException e) {
            e.problems().forEach(err::println);
            err.println("showcall: not started: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (StoreException e) {
            log.error("The database at {} cannot be used", settings.databaseUrl(), e);
            err.println("showcall: not started: the database cannot be used: " + rootCause(e).getMessage());
            return EXIT_FAILURE;
        }
        if (settings.discordToken().isEmpty()) {
            err.println("showcall: " + Settings.DISCORD_TOKEN + " is not set: give the bot's token from the Discord "
                    + "developer portal in the environment (see README.md)");
            return Main.EXIT_USAGE;
        }
        err.println("showcall: the shows are loaded; this build does not connect to Discord yet");
        return 0;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}

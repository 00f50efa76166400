package dev.showcall.discord;

import dev.showcall.app.Main;
import dev.showcall.app.Settings;
import dev.showcall.app.Showcall;
import dev.showcall.discord.stub.DiscordStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code showcall run} in a JVM of its own, started as an operator starts it (settings in the environment), against a
 * {@link DiscordStub} in the test's JVM. It can be killed as a crash kills it: SIGKILL, nothing runs after. Public for
 * the benchmarks under {@code src/bench}.
 */
public final class ShowcallProcess implements AutoCloseable {

    /** A JVM, Flyway, Quartz and JDA on a busy 2-core machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;

    private ShowcallProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts showcall with {@code showFile} on the database at {@code databaseUrl}, and waits until it has registered
     * its commands with the stub and says it is running: its shows stored, its listeners attached, its calls
     * scheduled.
     *
     * @param name names the process's log file in {@code dir}
     */
    public static ShowcallProcess start(DiscordStub stub, Path dir, Path showFile, String databaseUrl, String name) {
        return start(stub, dir, showFile, databaseUrl, name, Map.of());
    }

    /** The same, with these settings too (an SMTP server, say). */
    public static ShowcallProcess start(DiscordStub stub, Path dir, Path showFile, String databaseUrl, String name,
                                        Map<String, String> settings) {
        int registrations = registrations(stub);
        ShowcallProcess started = launch(stub, dir, showFile, databaseUrl, Optional.empty(), name, settings);
        started.awaitCommandsRegistered(stub, registrations);
        return started;
    }

    /**
     * Starts showcall and returns at once, without waiting for its commands: one of several instances on a shared
     * database may be a standby, which never connects to Discord.
     *
     * @param databaseUser who opens the database ({@code SHOWCALL_DB_USER}); empty for showcall's default
     * @param name         names the process's log file in {@code dir}
     */
    public static ShowcallProcess launch(DiscordStub stub, Path dir, Path showFile, String databaseUrl,
                                         Optional<String> databaseUser, String name) {
        return launch(stub, dir, showFile, databaseUrl, databaseUser, name, Map.of());
    }

    private static ShowcallProcess launch(DiscordStub stub, Path dir, Path showFile, String databaseUrl,
                                          Optional<String> databaseUser, String name, Map<String, String> settings) {
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // starts faster; the bot's speed is not what these tests measure
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                // the test run's own temporary folder, not the machine's
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", classPath(), Main.class.getName(), "run"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("SHOWCALL_") || key.equals(Settings.DISCORD_TOKEN));
        env.put(Settings.DISCORD_TOKEN, stub.botToken());
        env.put(Settings.SHOWS, showFile.toString());
        env.put(Settings.DB_URL, databaseUrl);
        databaseUser.ifPresent(user -> env.put(Settings.DB_USER, user));
        env.put(Settings.DISCORD_API, stub.apiBaseUrl().toString());
        env.put(Settings.DISCORD_GATEWAY, stub.gatewayUrl().toString());
        // any free port: several instances and test JVMs run side by side
        env.putIfAbsent(Settings.WEB_PORT, "0");
        env.putAll(settings);
        try {
            return new ShowcallProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start showcall in a JVM of its own", e);
        }
    }

    /** The test's own class path: showcall's classes and their libraries. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int registrations(DiscordStub stub) {
        return stub.requestsTo("PUT", ".*/guilds/\\d+/commands").size();
    }

    private void awaitCommandsRegistered(DiscordStub stub, int before) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (registrations(stub) <= before || !logText().contains(Showcall.RUNNING)) {
            if (!process.isAlive()) {
                throw new AssertionError("showcall exited with " + process.exitValue() + " before it took commands:\n"
                        + logText());
            }
            if (Instant.now().isAfter(deadline)) {
                kill();
                throw new AssertionError("showcall did not take commands within " + START_TIMEOUT.toSeconds() + " s:\n"
                        + logText());
            }
            sleep(Duration.ofMillis(50));
        }
    }

    /** SIGKILL, as a crash or {@code kill -9}: no shutdown hook runs, nothing is flushed. Returns once it is dead. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM, as an operator stops it: it closes everything in order. Returns once it has exited. */
    public int stop() {
        process.destroy();
        return awaitExit();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Its process id, which ends the instance id showcall writes in the lease ({@code host-pid}). */
    public long pid() {
        return process.pid();
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                throw new AssertionError("showcall did not exit within " + EXIT_TIMEOUT.toSeconds() + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while waiting for showcall to exit", e);
        }
    }

    /** What the process wrote, for a failure's message. */
    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no output)";
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Makes sure no process outlives its test. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return "showcall process " + process.pid() + " (log " + log + ")";
    }
}

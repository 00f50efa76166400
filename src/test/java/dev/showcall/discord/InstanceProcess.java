package dev.showcall.discord;

import dev.showcall.app.Main;
import dev.showcall.app.Settings;
import dev.showcall.discord.stub.DiscordStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code showcall run} instance in a JVM of its own, started as an operator starts it (settings in the
 * environment), against a {@link DiscordStub} in the test's JVM and a database several instances share. Unlike
 * {@link ShowcallProcess} it does not wait for the commands: an instance may be a standby, which never connects.
 */
final class InstanceProcess implements AutoCloseable {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;

    private InstanceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts an instance; returns at once. {@code name} names its log file in {@code dir}. */
    static InstanceProcess start(DiscordStub stub, Path dir, Path showFile, String databaseUrl, String databaseUser,
                                 String name) {
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // starts faster; the bot's speed is not what these tests measure
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
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
        env.put(Settings.DB_USER, databaseUser);
        env.put(Settings.DISCORD_API, stub.apiBaseUrl().toString());
        env.put(Settings.DISCORD_GATEWAY, stub.gatewayUrl().toString());
        try {
            return new InstanceProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start showcall in a JVM of its own", e);
        }
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, as a crash or {@code kill -9}: no shutdown hook runs. Returns once it is dead. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(this + " did not die within " + EXIT_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while killing " + this, e);
        }
    }

    /** What the process wrote so far. */
    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

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

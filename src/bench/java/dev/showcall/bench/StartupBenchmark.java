package dev.showcall.bench;

import dev.showcall.app.Settings;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.RecordedRequest;
import dev.showcall.discord.stub.StubGuild;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up at fashion-week scale: {@code showcall run} as an operator starts it ({@code java -jar target/showcall.jar
 * run}, a JVM of its own, the H2 file database) with {@code bench.shows} shows (20) of {@code bench.models} models (60)
 * and {@code bench.crew} crew (100) each, all in one Discord server, against the Discord stub with Discord's limits: 50
 * requests per second globally, 10 DM-channel opens per 10 s, 5 message writes per 5 s in each channel, and a round
 * trip of {@code bench.latency-ms} (80) on every REST request. It starts showcall twice: on a new database (the first
 * start of the day) and again on the same one after a SIGKILL (a crash). For each it prints the time from the process
 * launched to the slash commands registered and to every show's board posted and pinned, the peak requests within one
 * second, the 429 answers (global ones apart), and the heap after a full GC ({@code jcmd}). With
 * {@code -Dbench.baseline-jar=JAR} it measures that jar first, the same way, and prints how the two compare.
 *
 * <p>A benchmark, not a test: run it with {@code mvn -q -Pbench verify}, which packages the jar first. Every show
 * starts tomorrow, so nothing is called while it runs; the DM channels are opened in the background, paced, as they
 * would be on the day.
 */
public final class StartupBenchmark {

    private static final long GUILD = 1300000000000000001L;
    private static final long FIRST_CHANNEL = 1300000000000001000L;
    private static final long FIRST_ROLE = 1300000000000002000L;
    private static final long FIRST_USER = 1300000000001000000L;
    private static final Duration TARGET_COMMANDS = Duration.ofSeconds(5);
    private static final Duration TARGET_BOARDS = Duration.ofSeconds(10);
    private static final Duration GIVE_UP = Duration.ofSeconds(120);
    /** After the boards, how long to go on watching the requests (the DM channels opening). */
    private static final Duration WATCH = Duration.ofSeconds(5);
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final int shows = Integer.getInteger("bench.shows", 20);
    private final int models = Integer.getInteger("bench.models", 60);
    private final int crew = Integer.getInteger("bench.crew", 100);
    private final Duration latency = Duration.ofMillis(Long.getLong("bench.latency-ms", 80));
    private final Path jar = Path.of(System.getProperty("bench.jar", "target/showcall.jar"));
    private final PrintStream out = System.out;

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int status = new StartupBenchmark().run();
        System.exit(status);
    }

    private long timeline(int show) {
        return FIRST_CHANNEL + show * 2L;
    }

    private long calls(int show) {
        return FIRST_CHANNEL + show * 2L + 1;
    }

    private long producerRole(int show) {
        return FIRST_ROLE + show * 2L;
    }

    private long prRole(int show) {
        return FIRST_ROLE + show * 2L + 1;
    }

    private long user(int show, int person) {
        return FIRST_USER + show * 1000L + person;
    }

    /** What one start showed. */
    private record Start(String name, Duration toCommands, Duration toBoards, int requests, int peak, long dmOpens,
                         int tooMany, int globalTooMany, long heapKb) {

        boolean pass() {
            return toCommands != null && toBoards != null && toCommands.compareTo(TARGET_COMMANDS) <= 0
                    && toBoards.compareTo(TARGET_BOARDS) <= 0 && tooMany == 0 && peak <= 50;
        }
    }

    private int run() throws Exception {
        if (!Files.isRegularFile(jar)) {
            System.err.println("StartupBenchmark: no " + jar.toAbsolutePath() + ": package showcall first (mvn -Pbench verify does)");
            return 2;
        }
        String baselineProperty = System.getProperty("bench.baseline-jar", "");
        Optional<Path> baseline = baselineProperty.isBlank() ? Optional.empty() : Optional.of(Path.of(baselineProperty));
        if (baseline.isPresent() && !Files.isRegularFile(baseline.get())) {
            System.err.println("StartupBenchmark: no baseline jar " + baseline.get().toAbsolutePath());
            return 2;
        }
        Optional<Measured> before = baseline.isPresent() ? Optional.of(measure(baseline.get(), "baseline")) : Optional.empty();
        Measured now = measure(jar, "showcall");

        out.println("showcall start-up benchmark");
        out.printf("  machine      %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        out.printf("  showcall     java -XX:+ExitOnOutOfMemoryError -jar %s run, H2 file database%n", jar);
        out.printf("  shows        %d in one server, %d models and %d crew each (%d people), starting tomorrow%n",
                shows, models, crew, shows * (models + crew));
        out.printf("  stub         %d ms round trip, global limit 50 requests/s, 10 DM-channel opens per 10 s,"
                + " 5 message writes per 5 s per channel%n", latency.toMillis());
        before.ifPresent(b -> print(b, baseline.get()));
        print(now, jar);
        before.ifPresent(b -> {
            out.println();
            out.println("  against the baseline, in this run");
            for (int i = 0; i < now.starts().size(); i++) {
                Start was = b.starts().get(i);
                Start is = now.starts().get(i);
                out.printf("    %-28s commands %s -> %s (%s), boards %s -> %s (%s)%n", is.name(),
                        seconds(was.toCommands()), seconds(is.toCommands()), ratio(was.toCommands(), is.toCommands()),
                        seconds(was.toBoards()), seconds(is.toBoards()), ratio(was.toBoards(), is.toBoards()));
            }
        });
        boolean pass = now.starts().stream().allMatch(Start::pass) && now.violations() == 0;
        out.printf("Verdict: %s%n", pass ? "PASS" : "FAIL");
        out.flush();
        return now.starts().stream().allMatch(st -> st.toBoards() != null) ? 0 : 1;
    }

    /** The starts of one jar, each against a stub and a database of its own. */
    private record Measured(List<Start> starts, int violations) {
    }

    private void print(Measured measured, Path jarPath) {
        out.println();
        out.printf("  %s%n", jarPath);
        for (Start start : measured.starts()) {
            out.printf("    %s%n", start.name());
            out.printf("      from launch to the slash commands registered   %s (target <= %d s)%n",
                    seconds(start.toCommands()), TARGET_COMMANDS.toSeconds());
            out.printf("      from launch to every board posted and pinned   %s (target <= %d s)%n",
                    seconds(start.toBoards()), TARGET_BOARDS.toSeconds());
            out.printf("      requests until %d s after the boards            %d, peak %d within one second (Discord allows 50)%n",
                    WATCH.toSeconds(), start.requests(), start.peak());
            out.printf("      DM channels opened meanwhile                   %d%n", start.dmOpens());
            out.printf("      429 answers                                    %d (%d global)%n", start.tooMany(),
                    start.globalTooMany());
            out.printf("      heap after a full GC                           %s%n",
                    start.heapKb() < 0 ? "unknown (jcmd gave none)" : (start.heapKb() >> 10) + " MB");
        }
        out.printf("    requests that broke Discord's rules: %d%n", measured.violations());
    }

    private static String ratio(Duration was, Duration is) {
        if (was == null || is == null || is.isZero()) {
            return "n/a";
        }
        return String.format("%.2f x as fast", (double) was.toMillis() / is.toMillis());
    }

    private Measured measure(Path jarPath, String label) throws Exception {
        Path dir = Files.createTempDirectory("showcall-startup");
        Path showsDir = Files.createDirectories(dir.resolve("shows"));
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        for (int s = 0; s < shows; s++) {
            Files.writeString(showsDir.resolve(String.format("show-%02d.yaml", s)), showYaml(s, tomorrow));
        }
        DiscordStub stub = DiscordStub.start(guild());
        stub.limitGlobal(50, Duration.ofSeconds(1));
        stub.limitDmOpens(10, Duration.ofSeconds(10));
        stub.limitChannelMessageWrites(5, Duration.ofSeconds(5));
        if (!latency.isZero()) {
            stub.delayNext("*", ".*", latency, Integer.MAX_VALUE);
        }
        String database = "jdbc:h2:file:" + dir.resolve("data").resolve("showcall") + ";DB_CLOSE_ON_EXIT=FALSE";
        try {
            List<Start> starts = new ArrayList<>();
            starts.add(start(stub, jarPath, dir, showsDir, database, "first start, new database", label + "-1", true));
            starts.add(start(stub, jarPath, dir, showsDir, database, "restart after a SIGKILL", label + "-2", false));
            return new Measured(starts, stub.violations().size());
        } finally {
            stub.close();
            keepLogs(dir);
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Launches showcall, waits for its commands and for boards in every timeline channel that has none pinned
     * since this launch, watches a while, and ends it (SIGTERM when {@code stopGently}, else SIGKILL).
     */
    private Start start(DiscordStub stub, Path jarPath, Path dir, Path showsDir, String database, String name,
                        String logName, boolean stopGently) throws Exception {
        int requestsBefore = stub.requests().size();
        int tooManyBefore = stub.tooManyRequestsSent();
        int globalBefore = stub.globalTooManyRequestsSent();
        Path log = dir.resolve(logName + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+ExitOnOutOfMemoryError", "-jar", jarPath.toAbsolutePath().toString(), "run")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("SHOWCALL_") || key.equals(Settings.DISCORD_TOKEN));
        env.put(Settings.DISCORD_TOKEN, stub.botToken());
        env.put(Settings.SHOWS, showsDir.toString());
        env.put(Settings.DB_URL, database);
        env.put(Settings.DISCORD_API, stub.apiBaseUrl().toString());
        env.put(Settings.DISCORD_GATEWAY, stub.gatewayUrl().toString());
        env.put(Settings.WEB_PORT, "0");
        Instant launched = Instant.now();
        Process process = builder.start();
        try {
            Predicate<RecordedRequest> since = r -> !r.at().isBefore(launched);
            Instant commands = awaitFirst(stub, since.and(r -> r.method().equals("PUT")
                    && r.path().matches(".*guilds/\\d+/commands") && r.status() == 200), 1, process);
            Instant boards = awaitFirst(stub, since.and(r -> (r.method().equals("PUT")
                    && r.path().matches("channels/\\d+/(messages/)?pins/\\d+") && r.status() == 204)
                    || (r.method().equals("PATCH") && r.path().matches("channels/\\d+/messages/\\d+")
                    && r.status() == 200 && isTimeline(r.path()))), shows, process);
            Thread.sleep(WATCH.toMillis());
            long heap = heapAfterGc(process.pid());
            List<RecordedRequest> requests = stub.requests().subList(requestsBefore, stub.requests().size());
            return new Start(name, between(launched, commands), between(launched, boards), requests.size(),
                    peakPerSecond(requests),
                    requests.stream().filter(r -> r.path().equals("users/@me/channels") && r.status() == 200).count(),
                    stub.tooManyRequestsSent() - tooManyBefore, stub.globalTooManyRequestsSent() - globalBefore, heap);
        } finally {
            if (stopGently) {
                process.destroy();
            } else {
                process.destroyForcibly();
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** With {@code -Dbench.logs=DIR}, the processes' logs are copied there before the benchmark's folder goes. */
    private static void keepLogs(Path dir) throws IOException {
        String logs = System.getProperty("bench.logs", "");
        if (logs.isBlank()) {
            return;
        }
        Path to = Files.createDirectories(Path.of(logs));
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                Files.copy(log, to.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** A board edited in place on a restart counts as posted: the one pinned the first time is kept. */
    private boolean isTimeline(String path) {
        for (int s = 0; s < shows; s++) {
            if (path.startsWith("channels/" + timeline(s) + "/")) {
                return true;
            }
        }
        return false;
    }

    private static Duration between(Instant from, Instant to) {
        return to == null ? null : Duration.between(from, to);
    }

    /** The heap in use after a full GC of the process, in KiB, as {@code jcmd} tells it; -1 when it does not. */
    private static long heapAfterGc(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return -1;
        }
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
        Process info = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info").redirectErrorStream(true)
                .start();
        String text = new String(info.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        info.waitFor(30, TimeUnit.SECONDS);
        Matcher used = HEAP_USED.matcher(text);
        return used.find() ? Long.parseLong(used.group(1)) : -1;
    }

    /** When the {@code count}-th request matching came, or null if it did not within the time allowed. */
    private static Instant awaitFirst(DiscordStub stub, Predicate<RecordedRequest> matching, int count,
                                      Process process) throws InterruptedException {
        Instant deadline = Instant.now().plus(GIVE_UP);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            List<RecordedRequest> found = stub.requests().stream().filter(matching).toList();
            if (found.size() >= count) {
                return found.get(count - 1).at();
            }
            Thread.sleep(20);
        }
        return null;
    }

    private static int peakPerSecond(List<RecordedRequest> requests) {
        List<Instant> at = requests.stream().map(RecordedRequest::at).sorted().toList();
        int peak = 0;
        int from = 0;
        for (int to = 0; to < at.size(); to++) {
            while (Duration.between(at.get(from), at.get(to)).compareTo(Duration.ofSeconds(1)) >= 0) {
                from++;
            }
            peak = Math.max(peak, to - from + 1);
        }
        return peak;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static String seconds(Duration d) {
        return d == null ? "never (gave up)" : String.format("%.2f s", d.toMillis() / 1000.0);
    }

    private StubGuild guild() {
        StubGuild.Builder guild = StubGuild.builder(GUILD, "Fashion week backstage");
        for (int s = 0; s < shows; s++) {
            guild.role(producerRole(s), "Producers " + s, 0).role(prRole(s), "PR " + s, 0)
                    .textChannel(timeline(s), "timeline-" + s).textChannel(calls(s), "calls-" + s);
        }
        for (int s = 0; s < shows; s++) {
            for (int p = 0; p < models + crew; p++) {
                guild.member(user(s, p), String.format("person-%02d-%03d", s, p));
            }
        }
        return guild.build();
    }

    /** Ten departments sharing the crew, the models in waves of 6 chairs, a look per model. */
    private String showYaml(int s, Instant start) {
        StringBuilder yaml = new StringBuilder();
        yaml.append(String.format("""
                id: fw-show-%02d
                name: Fashion Week Show %02d
                time-zone: UTC
                start: %s
                discord:
                  guild: "%d"
                  timeline-channel: "%d"
                  calls-channel: "%d"
                  producer-role: "%d"
                  pr-role: "%d"
                departments:
                """, s, s, local(start.plus(Duration.ofMinutes(s * 30L))), GUILD, timeline(s), calls(s), producerRole(s),
                prRole(s)));
        int departments = 10;
        List<Integer> crewIds = new ArrayList<>();
        for (int d = 0; d < departments; d++) {
            yaml.append(String.format("  - id: d%d%n    name: Department %d%n    call: %dh%n    reminders: [60m, 15m]%n"
                    + "    members:%n", d, d, 6 - d / 2));
            for (int m = d; m < crew; m += departments) {
                yaml.append(String.format("      - { user: \"%d\", name: Crew %02d-%03d }%n", user(s, m), s, m));
                crewIds.add(m);
            }
        }
        yaml.append("models:\n");
        for (int m = 0; m < models; m++) {
            yaml.append(String.format("  - { name: Model %02d-%03d, user: \"%d\" }%n", s, m, user(s, crew + m)));
        }
        yaml.append("""
                model-calls:
                  chairs: 6
                  prep: 45m
                looks:
                """);
        for (int m = 0; m < models; m++) {
            yaml.append(String.format("  - { number: %d, model: Model %02d-%03d, description: Look %d }%n", m + 1, s, m,
                    m + 1));
        }
        return yaml.toString();
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}

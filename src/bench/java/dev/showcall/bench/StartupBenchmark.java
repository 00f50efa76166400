package dev.showcall.bench;

import dev.showcall.app.Settings;
import dev.showcall.app.Showcall;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.RecordedRequest;
import dev.showcall.discord.stub.StubGuild;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Start-up at fashion-week scale: one process runs {@code bench.shows} shows (20) of {@code bench.models} models (60)
 * and {@code bench.crew} crew (100) each, all in one Discord server, against the Discord stub with Discord's global
 * limit of 50 requests per second and its 10 DM-channel opens per 10 s. It prints the time from start to the slash
 * commands registered and to every show's board posted and pinned, the peak requests within one second, the 429
 * answers (global ones apart), and the heap after a full GC.
 *
 * <p>A benchmark, not a test: run it with {@code mvn -q -Pbench verify}. Every show starts tomorrow, so nothing is
 * called while it runs; the DM channels are opened in the background, paced, as they would be on the day.
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

    private final int shows = Integer.getInteger("bench.shows", 20);
    private final int models = Integer.getInteger("bench.models", 60);
    private final int crew = Integer.getInteger("bench.crew", 100);
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

    private int run() throws Exception {
        Path dir = Files.createTempDirectory("showcall-startup");
        Path showsDir = Files.createDirectories(dir.resolve("shows"));
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        for (int s = 0; s < shows; s++) {
            Files.writeString(showsDir.resolve(String.format("show-%02d.yaml", s)), showYaml(s, tomorrow));
        }
        DiscordStub stub = DiscordStub.start(guild());
        stub.limitGlobal(50, Duration.ofSeconds(1));
        stub.limitDmOpens(10, Duration.ofSeconds(10));
        Settings settings = Settings.from(Map.of(
                Settings.DISCORD_TOKEN, stub.botToken(),
                Settings.SHOWS, showsDir.toString(),
                Settings.DB_URL, "jdbc:h2:mem:startup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                Settings.DISCORD_API, stub.apiBaseUrl().toString(),
                Settings.DISCORD_GATEWAY, stub.gatewayUrl().toString()));
        Showcall showcall = null;
        try {
            Instant start = Instant.now();
            Instant[] gateway = new Instant[2];
            Thread watcher = new Thread(() -> {
                stub.awaitIdentified(GIVE_UP);
                gateway[0] = Instant.now();
                stub.awaitGuildsSent(GIVE_UP);
                gateway[1] = Instant.now();
            }, "gateway-watcher");
            watcher.setDaemon(true);
            watcher.start();
            // as run does: the show files read, then JDA logs in while the database opens and the shows are stored
            long t0 = System.nanoTime();
            var planned = Showcall.readShows(settings);
            long t1 = System.nanoTime();
            var login = java.util.concurrent.CompletableFuture.supplyAsync(() -> Showcall.login(settings));
            showcall = Showcall.start(settings, Clock.systemUTC());
            long t2 = System.nanoTime();
            showcall.use(planned);
            var bot = showcall.connect(login.join());
            showcall.storeShows();
            bot.awaitReady();
            long t3 = System.nanoTime();
            showcall.startCalls();
            long t4 = System.nanoTime();
            Instant commands = awaitFirst(stub, r -> r.method().equals("PUT") && r.path().matches(".*guilds/\\d+/commands")
                    && r.status() == 200, 1);
            Instant boards = awaitFirst(stub, r -> r.method().equals("PUT") && r.path().matches("channels/\\d+/(messages/)?pins/\\d+")
                    && r.status() == 204, shows);
            Thread.sleep(WATCH.toMillis());
            List<RecordedRequest> requests = stub.requests();
            System.gc();
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

            out.println("showcall start-up benchmark");
            out.printf("  machine      %d cores, Java %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
            out.printf("  shows        %d in one server, %d models and %d crew each (%d people), starting tomorrow%n",
                    shows, models, crew, shows * (models + crew));
            out.printf("  stub         global limit 50 requests/s, 10 DM-channel opens per 10 s%n");
            out.printf("  steps        shows read %d ms, database opened %d ms, shows stored and connected %d ms, feeds"
                            + " started and calls scheduled %d ms%n", ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3));
            out.printf("  gateway      identified %s, the server sent %s after start%n",
                    seconds(gateway[0] == null ? null : Duration.between(start, gateway[0])),
                    seconds(gateway[1] == null ? null : Duration.between(start, gateway[1])));
            out.println();
            Duration toCommands = commands == null ? null : Duration.between(start, commands);
            Duration toBoards = boards == null ? null : Duration.between(start, boards);
            out.printf("  time to the slash commands registered   %s (target <= %d s)%n", seconds(toCommands),
                    TARGET_COMMANDS.toSeconds());
            out.printf("  time to every board posted and pinned   %s (target <= %d s)%n", seconds(toBoards),
                    TARGET_BOARDS.toSeconds());
            out.printf("  requests until %d s after the boards     %d, peak %d within one second (Discord allows 50)%n",
                    WATCH.toSeconds(), requests.size(), peakPerSecond(requests));
            out.printf("  DM channels opened meanwhile            %d%n",
                    requests.stream().filter(r -> r.path().equals("users/@me/channels") && r.status() == 200).count());
            out.printf("  429 answers                             %d (%d global)%n", stub.tooManyRequestsSent(),
                    stub.globalTooManyRequestsSent());
            out.printf("  violations                              %d%n", stub.violations().size());
            out.printf("  heap after a full GC                    %d MB%n", heap >> 20);
            boolean pass = toCommands != null && toBoards != null && toCommands.compareTo(TARGET_COMMANDS) <= 0
                    && toBoards.compareTo(TARGET_BOARDS) <= 0 && stub.tooManyRequestsSent() == 0
                    && peakPerSecond(requests) <= 50;
            out.printf("Verdict: %s%n", pass ? "PASS" : "FAIL");
            out.flush();
            return toBoards == null ? 1 : 0;
        } finally {
            try {
                if (showcall != null) {
                    showcall.close();
                }
            } finally {
                stub.close();
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** When the {@code count}-th request matching came, or null if it did not within the time allowed. */
    private static Instant awaitFirst(DiscordStub stub, Predicate<RecordedRequest> matching, int count)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(GIVE_UP);
        while (Instant.now().isBefore(deadline)) {
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

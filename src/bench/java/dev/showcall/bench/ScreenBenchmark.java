package dev.showcall.bench;

import dev.showcall.app.Settings;
import dev.showcall.app.Showcall;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.TimelineEvent;
import dev.showcall.timeline.TimelineFeeds;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How soon the open screens follow the show: the real showcall (the real JDA client against the Discord stub,
 * with an 80 ms round trip and 5 message writes per 5 s in the timeline channel) serving {@code bench.pages} (200)
 * open screens while PR makes {@code bench.events} (300) changes by {@code /arrived} in {@code bench.burst-s}
 * seconds (30). The screens are event streams opened by a JVM of their own ({@link ScreenPages}). For every event
 * and every page it takes the first state that reflects the event, minus the instant the event happened (taken
 * in its transaction, just before the commit): p50, p99 and max over all of them. The target is a p99 of at most
 * 250 ms. It prints too the heap that the open pages hold in showcall (after a full collection, before and after
 * they open), per page, and the threads they add.
 *
 * <p>A benchmark, not a test: {@code mvn -q -Pbench verify} runs it.
 */
public final class ScreenBenchmark {

    private static final Duration TARGET = Duration.ofMillis(250);
    private static final Duration LATENCY = Duration.ofMillis(80);
    private static final Pattern SCREEN_LINK = Pattern.compile("<(http://[^>]+/screen/([A-Za-z0-9_-]{43}))>");

    private final PrintStream out = System.out;
    private final int pages = Integer.getInteger("bench.pages", 200);
    private final int events = Integer.getInteger("bench.events", 300);
    private final Duration burst = Duration.ofSeconds(Long.getLong("bench.burst-s", 30));

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.exit(new ScreenBenchmark().run());
    }

    private int run() throws Exception {
        Path dir = Files.createTempDirectory("showcall-screen-bench");
        Path showFile = dir.resolve("screen-bench.yaml");
        Files.writeString(showFile, TimelineBenchmark.showYaml());
        DiscordStub stub = DiscordStub.start(TimelineBenchmark.guild());
        stub.limitChannelMessageWrites(TimelineFeeds.CHANNEL_WRITES, TimelineFeeds.CHANNEL_WINDOW);
        stub.delayNext("*", ".*", LATENCY, Integer.MAX_VALUE);
        Settings settings = Settings.from(Map.of(
                Settings.DISCORD_TOKEN, stub.botToken(),
                Settings.SHOWS, showFile.toString(),
                Settings.DB_URL, "jdbc:h2:mem:screen-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                Settings.DISCORD_API, stub.apiBaseUrl().toString(),
                Settings.DISCORD_GATEWAY, stub.gatewayUrl().toString(),
                Settings.WEB_PORT, "0",
                Settings.WEB_BIND, "127.0.0.1"));
        Showcall showcall = Showcall.start(settings, Clock.systemUTC());
        Process screens = null;
        try {
            int port = showcall.startWeb().orElseThrow().port();
            showcall.loadShows();
            showcall.connect(settings.discordToken().orElseThrow()).awaitReady();
            TimelineBenchmark.awaitCommandsRegistered(stub);
            showcall.startCalls();
            String token = screenToken(stub);
            Thread.sleep(3_000);

            long heapBefore = heapAfterGc();
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            screens = startScreens("http://127.0.0.1:" + port + "/screen/" + token + "/events");
            BufferedReader fromScreens = new BufferedReader(new InputStreamReader(screens.getInputStream(),
                    StandardCharsets.UTF_8));
            String ready = fromScreens.readLine();
            if (!"READY".equals(ready)) {
                out.println("The screens did not open: " + ready);
                return 1;
            }
            Thread.sleep(1_000);
            long heapOpen = heapAfterGc();
            int threadsOpen = ManagementFactory.getThreadMXBean().getThreadCount();
            int open = showcall.web().orElseThrow().openPages();

            long eventsBefore = timeline(showcall).size();
            Instant started = Instant.now();
            TimelineBenchmark.burst(stub, events, burst);
            Duration sending = Duration.between(started, Instant.now());
            Thread.sleep(2_000); // the last change reaches every page
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            List<TimelineEvent> all = timeline(showcall);
            List<TimelineEvent> burstEvents = all.subList((int) eventsBefore, all.size());

            PrintWriter toScreens = new PrintWriter(screens.getOutputStream(), true, StandardCharsets.UTF_8);
            toScreens.println("STOP");
            List<TreeMap<Long, Long>> received = received(fromScreens);
            return report(burstEvents, received, sending, open, heapBefore, heapOpen,
                    new int[] {threadsBefore, threadsOpen, threadsAfter});
        } finally {
            if (screens != null) {
                screens.destroyForcibly();
            }
            showcall.close();
            stub.close();
            Files.deleteIfExists(showFile);
            Files.deleteIfExists(dir);
        }
    }

    private static String screenToken(DiscordStub stub) {
        String answer = stub.slash(SlashCommandInvocation.of("screen").by(TimelineBenchmark.PRODUCER)
                .in(TimelineBenchmark.TIMELINE_CHANNEL)).awaitResponse(Duration.ofSeconds(10)).message().content();
        Matcher m = SCREEN_LINK.matcher(answer);
        if (!m.find()) {
            throw new IllegalStateException("/screen gave no screen link: " + answer);
        }
        return m.group(2);
    }

    private Process startScreens(String url) throws java.io.IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ScreenPages.class.getName(), url, Integer.toString(pages))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Per page: the first arrival (microseconds since the epoch) of the state of each event id. */
    private List<TreeMap<Long, Long>> received(BufferedReader fromScreens) throws java.io.IOException {
        List<TreeMap<Long, Long>> received = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            received.add(new TreeMap<>());
        }
        for (String line = fromScreens.readLine(); line != null && !line.equals("END"); line = fromScreens.readLine()) {
            String[] f = line.split(" ");
            received.get(Integer.parseInt(f[0])).put(Long.parseLong(f[1]), Long.parseLong(f[2]));
        }
        return received;
    }

    private int report(List<TimelineEvent> burstEvents, List<TreeMap<Long, Long>> received, Duration sending, int open,
                       long heapBefore, long heapOpen, int[] threads) {
        long[] delays = new long[burstEvents.size() * pages];
        int n = 0;
        int missed = 0;
        Map<Long, Long> occurred = new HashMap<>();
        burstEvents.forEach(e -> occurred.put(e.id(), micros(e.occurredAt())));
        for (TimelineEvent e : burstEvents) {
            for (TreeMap<Long, Long> page : received) {
                // the first state whose id is this event's or a later one's reflects it
                Long first = page.tailMap(e.id(), true).values().stream().min(Long::compare).orElse(null);
                if (first == null) {
                    missed++;
                    continue;
                }
                delays[n++] = Math.max(0, first - occurred.get(e.id())) / 1000;
            }
        }
        long[] measured = java.util.Arrays.copyOf(delays, n);
        java.util.Arrays.sort(measured);
        long perPage = (heapOpen - heapBefore) / Math.max(1, pages);
        out.printf("%nScreen benchmark: %d open screens, %d events by /arrived over %d s (sent in %.1f s), %d cores%n",
                pages, burstEvents.size(), burst.toSeconds(), sending.toMillis() / 1000.0,
                Runtime.getRuntime().availableProcessors());
        out.printf("Discord stub: %d ms round trip, %d writes per %d s in the timeline channel%n%n", LATENCY.toMillis(),
                TimelineFeeds.CHANNEL_WRITES, TimelineFeeds.CHANNEL_WINDOW.toSeconds());
        out.printf("%-40s %8s %8s %8s %8s%n", "event to state on a page (ms)", "min", "p50", "p99", "max");
        if (n > 0) {
            out.printf("%-40s %8d %8d %8d %8d%n", "over " + n + " event-page pairs", measured[0],
                    TimelineBenchmark.percentile(measured, 50), TimelineBenchmark.percentile(measured, 99),
                    measured[n - 1]);
        }
        out.printf("%nPages open in showcall: %d; event-page pairs never shown: %d%n", open, missed);
        out.printf("showcall's heap after a full GC: %.1f MB before the pages, %.1f MB with them open: %.1f KB per page%n",
                heapBefore / 1e6, heapOpen / 1e6, perPage / 1e3);
        // Jetty's pool grows while the pages connect at once; the streams hold no thread, and idle ones expire
        out.printf("showcall's threads: %d before the pages, %d as they opened, %d after the burst (Jetty's pool, idle)%n",
                threads[0], threads[1], threads[2]);
        long p99 = n == 0 ? Long.MAX_VALUE : TimelineBenchmark.percentile(measured, 99);
        boolean ok = missed == 0 && open == pages && p99 <= TARGET.toMillis();
        out.printf("%nVerdict: %s (target: every page shows every event, p99 at most %d ms)%n", ok ? "PASS" : "FAIL",
                TARGET.toMillis());
        return ok ? 0 : 1;
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static List<TimelineEvent> timeline(Showcall showcall) {
        return showcall.database().inTransaction(c -> new TimelineEventRepository().forShow(c, TimelineBenchmark.SHOW));
    }
}

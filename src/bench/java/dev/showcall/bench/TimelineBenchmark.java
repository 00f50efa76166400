package dev.showcall.bench;

import dev.showcall.app.Settings;
import dev.showcall.app.Showcall;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.InteractionHandle;
import dev.showcall.discord.stub.RecordedRequest;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.FeedListener;
import dev.showcall.timeline.TimelineEvent;
import dev.showcall.timeline.TimelineFeeds;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.Permission;

/**
 * How soon the timeline shows a burst of changes: the real showcall (the real JDA client, the outbox feed) against
 * the Discord stub, which enforces Discord's limit of 5 message writes per 5 s in the timeline channel. PR marks
 * models arrived and takes it back through {@code /arrived}, {@code bench.events} times (300) in
 * {@code bench.burst-s} seconds (30). For every event it takes the instant the feed saw Discord take the log message
 * holding it, and the first board edit showing it, minus the instant the event happened; it prints p50, p99 and max
 * of both, the REST requests to the timeline channel per event, and the 429 answers.
 *
 * <p>The floor: the channel takes one write a second on average, and the log and the board each need one, so in a
 * sustained burst each gets a write every two seconds at best, and an event can wait up to that long for either.
 * The target is a p99 within 1.5 s of that floor, and at most one request per event.
 *
 * <p>A benchmark, not a test: {@code mvn -q -Pbench verify} runs it after the call-ping benchmark.
 */
public final class TimelineBenchmark {

    private static final long GUILD = 1300000000000000001L;
    private static final long TIMELINE = 1300000000000000002L;
    private static final long CALLS = 1300000000000000003L;
    private static final long PRODUCER_ROLE = 1300000000000000004L;
    private static final long PR_ROLE = 1300000000000000005L;
    private static final long BOT_ROLE = 1300000000000000006L;
    static final long PR = 1300000000000000111L;
    static final long PRODUCER = 1300000000000000121L;
    static final long TIMELINE_CHANNEL = TIMELINE;
    static final String SHOW = "timeline-bench";
    static final int MODELS = 60;
    private static final int LOOKS = 80;
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final Duration FLOOR = Duration.ofMillis(
            2 * TimelineFeeds.CHANNEL_WINDOW.toMillis() / TimelineFeeds.CHANNEL_WRITES);
    private static final Duration TARGET = FLOOR.plusMillis(1500);

    private final PrintStream out = System.out;
    private final int events = Integer.getInteger("bench.events", 300);
    private final Duration burst = Duration.ofSeconds(Long.getLong("bench.burst-s", 30));

    /** When the feed saw each event in the log, and each board edit by the newest event it shows. */
    private final Map<Long, Instant> loggedAt = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, Instant> boardShownAt = new ConcurrentSkipListMap<>();

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int status = new TimelineBenchmark().run();
        System.exit(status);
    }

    private int run() throws Exception {
        Path dir = Files.createTempDirectory("showcall-timeline-bench");
        Path showFile = dir.resolve("timeline-bench.yaml");
        Files.writeString(showFile, showYaml());
        DiscordStub stub = DiscordStub.start(guild());
        stub.limitChannelMessageWrites(TimelineFeeds.CHANNEL_WRITES, TimelineFeeds.CHANNEL_WINDOW);
        Settings settings = Settings.from(Map.of(
                Settings.DISCORD_TOKEN, stub.botToken(),
                Settings.SHOWS, showFile.toString(),
                Settings.DB_URL, "jdbc:h2:mem:timeline-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                Settings.DISCORD_API, stub.apiBaseUrl().toString(),
                Settings.DISCORD_GATEWAY, stub.gatewayUrl().toString()));
        Showcall showcall = Showcall.start(settings, Clock.systemUTC(), listener());
        try {
            showcall.loadShows();
            showcall.connect(settings.discordToken().orElseThrow()).awaitReady();
            awaitCommandsRegistered(stub);
            showcall.startCalls();
            Thread.sleep(6_000); // the board is posted and the write window is clear before the burst
            long eventsBefore = timeline(showcall).size();
            int requestsBefore = stub.requests().size();
            int tooManyBefore = stub.tooManyRequestsSent();

            Instant started = Instant.now();
            burst(stub, events, burst);
            Instant sent = Instant.now();
            Instant deadline = sent.plus(DRAIN);
            while (!settled(showcall) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            List<TimelineEvent> all = timeline(showcall);
            List<TimelineEvent> burstEvents = all.subList((int) eventsBefore, all.size());
            List<RecordedRequest> window = stub.requests().subList(requestsBefore, stub.requests().size());
            return report(stub, burstEvents, window, stub.tooManyRequestsSent() - tooManyBefore,
                    Duration.between(started, sent));
        } finally {
            showcall.close();
            stub.close();
            Files.deleteIfExists(showFile);
            Files.deleteIfExists(dir);
        }
    }

    private FeedListener listener() {
        return new FeedListener() {
            @Override
            public void logShown(String showId, List<Long> eventIds) {
                Instant now = Instant.now();
                eventIds.forEach(id -> loggedAt.putIfAbsent(id, now));
            }

            @Override
            public void boardShown(String showId, long newestEventId) {
                boardShownAt.putIfAbsent(newestEventId, Instant.now());
            }
        };
    }

    /** PR marks the models arrived in turn, then takes it back, round after round, evenly over the burst. */
    static void burst(DiscordStub stub, int events, Duration burst) throws InterruptedException {
        long spacingNanos = burst.toNanos() / events;
        long start = System.nanoTime();
        List<InteractionHandle> handles = new ArrayList<>();
        for (int n = 0; n < events; n++) {
            long due = start + n * spacingNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            boolean undo = (n / MODELS) % 2 == 1;
            handles.add(stub.slash(SlashCommandInvocation.of("arrived")
                    .option("model", model(n % MODELS)).option("undo", undo).by(PR).in(TIMELINE)));
        }
        handles.forEach(h -> h.awaitResponse(Duration.ofSeconds(10)));
    }

    private boolean settled(Showcall showcall) {
        List<TimelineEvent> all = timeline(showcall);
        long newest = all.isEmpty() ? 0 : all.get(all.size() - 1).id();
        return all.stream().allMatch(TimelineEvent::isPublished) && all.size() >= events
                && !boardShownAt.isEmpty() && boardShownAt.lastKey() >= newest;
    }

    private static List<TimelineEvent> timeline(Showcall showcall) {
        return showcall.database().inTransaction(c -> new TimelineEventRepository().forShow(c, SHOW));
    }

    private int report(DiscordStub stub, List<TimelineEvent> burstEvents, List<RecordedRequest> window, int tooMany,
                       Duration sending) {
        long[] log = new long[burstEvents.size()];
        long[] board = new long[burstEvents.size()];
        long[] both = new long[burstEvents.size()];
        int missing = 0;
        for (int i = 0; i < burstEvents.size(); i++) {
            TimelineEvent e = burstEvents.get(i);
            Instant logged = loggedAt.get(e.id());
            Map.Entry<Long, Instant> shown = boardShownAt.ceilingEntry(e.id());
            if (logged == null || shown == null) {
                missing++;
                continue;
            }
            log[i] = Duration.between(e.occurredAt(), logged).toMillis();
            board[i] = Duration.between(e.occurredAt(), shown.getValue()).toMillis();
            both[i] = Math.max(log[i], board[i]);
        }
        String channel = "channels/" + TIMELINE + "/.*";
        List<RecordedRequest> toChannel = window.stream().filter(r -> r.path().matches(channel)).toList();
        Map<String, Long> byRoute = toChannel.stream().collect(Collectors.groupingBy(
                r -> r.method() + " " + r.path().replaceAll("\\d{6,}", "{id}"), Collectors.counting()));
        double perEvent = toChannel.size() / (double) burstEvents.size();

        out.printf("%nTimeline benchmark: %d events by /arrived over %d s (sent in %.1f s), %d models, %d looks, "
                        + "%d cores%n", burstEvents.size(), burst.toSeconds(), sending.toMillis() / 1000.0, MODELS,
                LOOKS, Runtime.getRuntime().availableProcessors());
        out.printf("Channel limit %d writes per %d s; floor for an event to reach the log or the board: %d ms%n%n",
                TimelineFeeds.CHANNEL_WRITES, TimelineFeeds.CHANNEL_WINDOW.toSeconds(), FLOOR.toMillis());
        out.printf("%-34s %8s %8s %8s %8s%n", "delay after the event (ms)", "min", "p50", "p99", "max");
        row("in the log", log);
        row("on the board", board);
        row("in both", both);
        out.printf("%nREST requests to the timeline channel: %d (%.3f per event)%n", toChannel.size(), perEvent);
        byRoute.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(r -> out.printf("  %-50s %5d%n", r.getKey(), r.getValue()));
        boolean allPublished = burstEvents.stream().allMatch(TimelineEvent::isPublished);
        long posts = toChannel.stream().filter(r -> r.method().equals("POST")).count();
        out.printf("Log messages for the burst: %d; 429 answers: %d; requests that broke Discord's rules: %d%n",
                posts, tooMany, stub.violations().size());
        long p99 = percentile(both, 99);
        boolean ok = missing == 0 && tooMany == 0 && p99 <= TARGET.toMillis() && perEvent <= 1.0
                && stub.violations().isEmpty() && allPublished;
        out.printf("%nVerdict: %s (target: p99 in both within %d ms, the floor plus 1.5 s; at most 1 request per "
                + "event; no 429)%s%n", ok ? "PASS" : "FAIL", TARGET.toMillis(),
                missing > 0 ? "; " + missing + " events never shown" : "");
        return ok ? 0 : 1;
    }

    private void row(String name, long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        out.printf("%-34s %8d %8d %8d %8d%n", name, sorted[0], percentile(millis, 50), percentile(millis, 99),
                sorted[sorted.length - 1]);
    }

    /** Nearest rank. */
    static long percentile(long[] values, int percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    static void awaitCommandsRegistered(DiscordStub stub) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (stub.requestsTo("PUT", ".*/guilds/\\d+/commands").isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("showcall did not register its commands on the stub");
            }
            Thread.sleep(20);
        }
    }

    static String model(int i) {
        return String.format("Model %02d", i + 1);
    }

    static StubGuild guild() {
        long view = Permission.VIEW_CHANNEL.getRawValue();
        long bot = view | Permission.MESSAGE_SEND.getRawValue() | Permission.MESSAGE_EMBED_LINKS.getRawValue()
                | Permission.MESSAGE_HISTORY.getRawValue() | Permission.PIN_MESSAGES.getRawValue();
        return StubGuild.builder(GUILD, "Timeline bench")
                .botRole(BOT_ROLE, "showcall", 0)
                .role(PRODUCER_ROLE, "Producers", 0)
                .role(PR_ROLE, "PR", 0)
                .textChannel(TIMELINE, "timeline", StubGuild.Overwrite.role(BOT_ROLE, bot, 0))
                .textChannel(CALLS, "calls")
                .member(PR, "pr-lead", PR_ROLE)
                .member(PRODUCER, "producer", PRODUCER_ROLE)
                .build();
    }

    /** 60 models in 80 looks; the show starts in a day, so no call falls during the run. */
    static String showYaml() {
        String models = IntStream.range(0, MODELS).mapToObj(i -> "  - name: " + model(i) + "\n")
                .collect(Collectors.joining());
        String looks = IntStream.rangeClosed(1, LOOKS)
                .mapToObj(n -> "  - { number: " + n + ", model: " + model((n - 1) % MODELS) + ", description: Look "
                        + n + " }\n")
                .collect(Collectors.joining());
        LocalDateTime start = LocalDateTime.ofInstant(Instant.now().plus(Duration.ofDays(1)), ZoneOffset.UTC)
                .withNano(0).withSecond(0);
        return """
                id: %s
                name: Timeline Bench
                time-zone: UTC
                start: %s
                discord:
                  guild: "%d"
                  timeline-channel: "%d"
                  calls-channel: "%d"
                  producer-role: "%d"
                  pr-role: "%d"
                departments:
                  - id: pr
                    name: PR
                    call: 5h
                    members: ["%d"]
                models:
                %smodel-calls:
                  chairs: 6
                  prep: 45m
                looks:
                %s""".formatted(SHOW, start, GUILD, TIMELINE, CALLS, PRODUCER_ROLE, PR_ROLE, PR, models, looks);
    }
}

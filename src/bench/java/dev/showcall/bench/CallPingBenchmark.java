package dev.showcall.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.showcall.app.Settings;
import dev.showcall.app.Showcall;
import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.calls.PingPlan;
import dev.showcall.calls.PlannedPing;
import dev.showcall.calls.QuartzSchedulers;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.RecordedRequest;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.discord.stub.StubMessage;
import dev.showcall.show.Call;
import dev.showcall.show.Department;
import dev.showcall.store.CallPingRepository;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How late call pings go out under load: the real showcall (Quartz on its H2 job store, the real JDA client) against
 * the Discord stub on loopback, with a generated show of 100 departments called seconds apart and at least a thousand
 * DMs. For every ping it takes the instant the stub stored the message minus the instant the plan scheduled it, and
 * prints p50, p99 and max, the same as the job recorded it in the {@code call_ping} table, where a DM's time goes,
 * and the REST requests per ping.
 *
 * <p>A benchmark, not a test: run it with {@code mvn -q -Pbench verify}. The knobs are system properties (the
 * profile passes them on): {@code bench.departments} (100), {@code bench.members} (5 per department),
 * {@code bench.spacing-ms} (750 between two departments' calls), {@code bench.reminder-s} (3, one reminder this
 * long before each call), {@code bench.lead-s} (15, from start-up to the first call), {@code bench.latency-ms}
 * (0; the stub holds every request this long, as Discord's round trip would), {@code bench.channel-limits} (false;
 * true gives every channel Discord's 5 message writes per 5 s), {@code bench.stub-nodelay} (true) and
 * {@code bench.csv} (a file to write every ping's timings to, in ms after its scheduled instant).
 *
 * <p>The stub's HTTP server is the JDK's, which leaves Nagle's algorithm on unless
 * {@code sun.net.httpserver.nodelay} is set: its answers then wait for the client's delayed ACK, about 40 ms a
 * request on Linux loopback. The benchmark sets it, so that the stub answers in a millisecond or two and what is
 * measured is showcall; {@code -Dbench.stub-nodelay=false} shows the difference, {@code bench.latency-ms} adds a
 * deliberate round trip instead.
 */
public final class CallPingBenchmark {

    private static final long GUILD = 1200000000000000001L;
    private static final long TIMELINE = 1200000000000000002L;
    private static final long CALLS = 1200000000000000003L;
    private static final long PRODUCER_ROLE = 1200000000000000004L;
    private static final long PR_ROLE = 1200000000000000005L;
    private static final long FIRST_USER = 1200000000000100000L;
    private static final String SHOW = "bench-show";
    private static final String SHOW_NAME = "Bench Show";
    private static final Duration TARGET_P99 = Duration.ofMillis(250);
    private static final Duration DRAIN = Duration.ofSeconds(60);
    /** The first pings run on cold code; a row without them shows how much of the tail that is. */
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final String ROW = "%-50s %6s %8s %8s %8s %8s%n";
    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("channels/(\\d+)/messages");

    private final Options options;
    private final PrintStream out = System.out;

    private CallPingBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        // read by the JDK's HTTP server when the stub creates it
        System.setProperty("sun.net.httpserver.nodelay", String.valueOf(Boolean.parseBoolean(
                System.getProperty("bench.stub-nodelay", "true"))));
        int status = new CallPingBenchmark(Options.fromSystemProperties()).run();
        // the fork ends here whatever JDA or Quartz left running
        System.exit(status);
    }

    /** What to generate. */
    record Options(String plan, int departments, int members, Duration spacing, List<Duration> reminders, Duration lead,
                   Duration latency, boolean channelLimits, int dmOpens, int globalLimit, boolean dmChannelsKept) {

        /**
         * {@code wide}: 100 departments of 5 called 750 ms apart, a reminder 3 s before each call (1,000 DMs and 100
         * announcements); {@code burst}: 6 departments of 6 called 3 s apart, reminders 20 s and 10 s before (36 people
         * messaged for the first time within 15 s). Every knob overrides the plan's value.
         */
        static Options fromSystemProperties() {
            String plan = System.getProperty("bench.plan", "wide");
            boolean burst = plan.equals("burst");
            if (!burst && !plan.equals("wide")) {
                throw new IllegalArgumentException("bench.plan is wide or burst, not " + plan);
            }
            Options o = new Options(plan,
                    intOr("bench.departments", burst ? 6 : 100),
                    intOr("bench.members", burst ? 6 : 5),
                    Duration.ofMillis(longOr("bench.spacing-ms", burst ? 3000 : 750)),
                    seconds(stringOr("bench.reminder-s", burst ? "20,10" : "3")),
                    Duration.ofSeconds(longOr("bench.lead-s", 15)),
                    Duration.ofMillis(longOr("bench.latency-ms", 80)),
                    Boolean.parseBoolean(stringOr("bench.channel-limits", "false")),
                    intOr("bench.dm-opens", 10),
                    intOr("bench.global-limit", 50),
                    Boolean.parseBoolean(stringOr("bench.dm-channels-kept", burst ? "false" : "true")));
            if (o.departments < 1 || o.departments > 999 || o.members < 1 || o.members > 99 || o.spacing.isNegative()
                    || o.latency.isNegative() || o.lead.compareTo(Duration.ofSeconds(2)) < 0 || o.dmOpens < 0
                    || o.globalLimit < 0) {
                throw new IllegalArgumentException("Unusable benchmark options: " + o);
            }
            return o;
        }

        /** Every property is passed by the profile, empty when not set. */
        private static String stringOr(String name, String otherwise) {
            String value = System.getProperty(name, "");
            return value.isBlank() ? otherwise : value.trim();
        }

        private static int intOr(String name, int otherwise) {
            return Integer.parseInt(stringOr(name, String.valueOf(otherwise)));
        }

        private static long longOr(String name, long otherwise) {
            return Long.parseLong(stringOr(name, String.valueOf(otherwise)));
        }

        private static List<Duration> seconds(String list) {
            return java.util.Arrays.stream(list.split(",")).map(String::trim).filter(v -> !v.isEmpty())
                    .map(v -> Duration.ofSeconds(Long.parseLong(v))).filter(d -> !d.isZero()).toList();
        }

        int people() {
            return departments * members;
        }

        /** From start-up to the first ping: time for showcall to open every DM channel ahead, when none is kept. */
        Duration leadToFirstPing() {
            if (dmChannelsKept || dmOpens == 0) {
                return lead;
            }
            long windows = (people() + dmOpens - 1) / dmOpens;
            Duration opening = Duration.ofMillis(windows * 10_200L).plusSeconds(5);
            return opening.compareTo(lead) > 0 ? opening : lead;
        }
    }

    /** One ping of the plan and what became of it. */
    private static final class Ping {
        final PlannedPing planned;
        final long userId;             // 0 for an announcement in the calls channel
        final String announcementTag;  // "**Dept 007**:" for an announcement
        StubMessage delivered;
        int copies;
        CallPing recorded;
        RecordedRequest openRequest;
        RecordedRequest messageRequest;

        Ping(PlannedPing planned, long userId, String announcementTag) {
            this.planned = planned;
            this.userId = userId;
            this.announcementTag = announcementTag;
        }

        boolean isDm() {
            return userId != 0;
        }

        Instant due() {
            return planned.due();
        }
    }

    private int run() throws Exception {
        Path dir = Files.createTempDirectory("showcall-bench");
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Duration longestReminder = options.reminders.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        Instant firstCall = base.plus(options.leadToFirstPing()).plus(longestReminder);
        Path showFile = dir.resolve("bench-show.yaml");
        Files.writeString(showFile, showYaml(firstCall));

        DiscordStub stub = DiscordStub.start(guild());
        if (options.channelLimits) {
            stub.limitChannelMessageWrites(5, Duration.ofSeconds(5));
        }
        if (options.dmOpens > 0) {
            stub.limitDmOpens(options.dmOpens, Duration.ofSeconds(10));
        }
        if (options.globalLimit > 0) {
            stub.limitGlobal(options.globalLimit, Duration.ofSeconds(1));
        }
        Settings settings = Settings.from(Map.of(
                Settings.DISCORD_TOKEN, stub.botToken(),
                Settings.SHOWS, showFile.toString(),
                Settings.DB_URL, "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                Settings.DISCORD_API, stub.apiBaseUrl().toString(),
                Settings.DISCORD_GATEWAY, stub.gatewayUrl().toString()));
        Showcall showcall = null;
        try {
            long t0 = System.nanoTime();
            showcall = Showcall.start(settings, Clock.systemUTC());
            if (options.dmChannelsKept) {
                keepDmChannels(stub, showcall);
            }
            long t1 = System.nanoTime();
            ShowDirectory directory = showcall.loadShows();
            long t2 = System.nanoTime();
            showcall.connect(settings.discordToken().orElseThrow()).awaitReady();
            awaitCommandsRegistered(stub);
            long t3 = System.nanoTime();
            showcall.startCalls();
            long t4 = System.nanoTime();
            int requestsBefore = stub.requests().size();
            if (!options.latency.isZero()) {
                stub.delayNext("*", ".*", options.latency, Integer.MAX_VALUE);
            }

            PlannedShow show = directory.byId(SHOW).orElseThrow();
            List<Ping> pings = plan(show);
            Instant firstDue = pings.get(0).due();
            Instant lastDue = pings.get(pings.size() - 1).due();
            printHeader(pings, firstDue, lastDue, Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1),
                    Duration.ofNanos(t3 - t2), Duration.ofNanos(t4 - t3));
            Duration headroom = Duration.between(Instant.now(), firstDue);
            if (headroom.isNegative()) {
                out.printf("%nStart-up took %d ms past the first ping's time: raise -Dbench.lead-s and run again.%n",
                        -headroom.toMillis());
                return 2;
            }

            // Stay out of the way while the pings fire: no polling until the last one is due.
            sleepUntil(lastDue.plusMillis(500));
            Instant deadline = lastDue.plus(DRAIN);
            while (!collect(stub, pings, base) && !settled(showcall, pings) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            collect(stub, pings, base);
            Instant collectedAt = Instant.now();
            Map<String, CallPing> recorded = recorded(showcall);
            pings.forEach(p -> p.recorded = recorded.get(p.planned.jobName()));
            List<RecordedRequest> all = stub.requests();
            List<RecordedRequest> window = all.subList(requestsBefore, all.size()).stream()
                    .filter(r -> !r.at().isBefore(firstDue)).toList();
            matchRequests(stub, pings, window);

            boolean complete = report(stub, pings, window, firstDue, collectedAt);
            String csv = System.getProperty("bench.csv", "");
            if (!csv.isBlank()) {
                writeCsv(Path.of(csv), pings);
            }
            return complete ? 0 : 1;
        } finally {
            try {
                if (showcall != null) {
                    showcall.close();
                }
            } finally {
                stub.close();
                Files.deleteIfExists(showFile);
                Files.deleteIfExists(dir);
            }
        }
    }

    /** Everyone's DM channel as an earlier run of showcall opened and kept it: this run opens none. */
    private void keepDmChannels(DiscordStub stub, Showcall showcall) {
        Instant longAgo = Instant.now().minus(Duration.ofDays(1));
        showcall.database().runInTransaction(c -> {
            for (int d = 0; d < options.departments; d++) {
                for (int m = 1; m <= options.members; m++) {
                    new dev.showcall.store.DmChannelRepository().save(c, user(d, m), stub.openDm(user(d, m)), longAgo);
                }
            }
        });
    }

    // --- the show -----------------------------------------------------------------------------------------------

    private long user(int department, int member) {
        return FIRST_USER + department * 100L + member;
    }

    private StubGuild guild() {
        StubGuild.Builder guild = StubGuild.builder(GUILD, "Bench backstage")
                .role(PRODUCER_ROLE, "Producers", 0)
                .role(PR_ROLE, "PR", 0)
                .textChannel(TIMELINE, "timeline")
                .textChannel(CALLS, "calls");
        for (int d = 0; d < options.departments; d++) {
            for (int m = 1; m <= options.members; m++) {
                guild.member(user(d, m), String.format("crew-%03d-%d", d, m));
            }
        }
        return guild.build();
    }

    /** Departments called {@code spacing} apart from {@code firstCall}; the show starts ten minutes after the last. */
    private String showYaml(Instant firstCall) {
        Instant lastCall = firstCall.plus(options.spacing.multipliedBy(options.departments - 1L));
        Instant start = lastCall.plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
        StringBuilder departments = new StringBuilder();
        for (int d = 0; d < options.departments; d++) {
            departments.append(String.format("  - id: d%03d%n    name: Dept %03d%n    call: %s%n", d, d,
                    local(firstCall.plus(options.spacing.multipliedBy(d)))));
            if (!options.reminders.isEmpty()) {
                departments.append(String.format("    reminders: [%s]%n", options.reminders.stream()
                        .map(r -> r.toSeconds() + "s").collect(Collectors.joining(", "))));
            }
            departments.append("    members:\n");
            for (int m = 1; m <= options.members; m++) {
                departments.append(String.format("      - { user: \"%d\", name: Crew %03d-%d }%n", user(d, m), d, m));
            }
        }
        // The one model has a call of her own and no Discord account: no wave, no ping.
        return """
                id: %s
                name: %s
                time-zone: UTC
                start: %s
                discord:
                  guild: "%d"
                  timeline-channel: "%d"
                  calls-channel: "%d"
                  producer-role: "%d"
                  pr-role: "%d"
                departments:
                %smodels:
                  - { name: Bench Model, call: %s }
                model-calls:
                  chairs: 1
                  prep: 1m
                looks:
                  - { number: 1, model: Bench Model, description: Coat }
                """.formatted(SHOW, SHOW_NAME, local(start), GUILD, TIMELINE, CALLS, PRODUCER_ROLE, PR_ROLE,
                departments, local(start.minus(Duration.ofMinutes(5))));
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    /** Every ping of the plan, as the scheduler has it, in time order. */
    private static List<Ping> plan(PlannedShow show) {
        Map<String, Call> calls = show.sheet().calls().stream().collect(Collectors.toMap(Call::key, c -> c));
        Map<String, String> departmentNames = show.show().departments().stream()
                .collect(Collectors.toMap(Department::id, Department::name));
        List<Ping> pings = new ArrayList<>();
        for (PlannedPing p : PingPlan.of(show)) {
            if (p.isCheck() || p.isLateCheck() || p.isMilestone()) {
                continue; // moments to check something or to tell the timeline, not messages to measure
            }
            if (p.isAnnouncement()) {
                String id = p.subjectKey().substring("department:".length());
                pings.add(new Ping(p, 0, "**" + departmentNames.get(id) + "**:"));
            } else {
                pings.add(new Ping(p, calls.get(p.subjectKey()).userId().orElseThrow(), null));
            }
        }
        return pings;
    }

    // --- running ------------------------------------------------------------------------------------------------

    private static void awaitCommandsRegistered(DiscordStub stub) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (stub.requestsTo("PUT", ".*/guilds/\\d+/commands").isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("showcall did not register its commands on the stub");
            }
            Thread.sleep(20);
        }
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /**
     * Finds every ping's message on the stub; true when all have arrived. A person's calls and reminders are told
     * apart by their titles, and their reminders (the same title) by their order.
     */
    private static boolean collect(DiscordStub stub, List<Ping> pings, Instant since) {
        Map<Long, List<Ping>> byUser = new HashMap<>();
        List<StubMessage> inCalls = stub.messages(CALLS).stream().filter(m -> !m.createdAt().isBefore(since)).toList();
        boolean all = true;
        for (Ping p : pings) {
            if (p.isDm()) {
                byUser.computeIfAbsent(p.userId, k -> new ArrayList<>()).add(p);
                continue;
            }
            List<StubMessage> candidates = inCalls.stream().filter(m -> m.content().contains(p.announcementTag)).toList();
            p.copies = candidates.size();
            p.delivered = candidates.isEmpty() ? null : candidates.get(0);
            all &= p.delivered != null;
        }
        for (Map.Entry<Long, List<Ping>> e : byUser.entrySet()) {
            List<StubMessage> dms = stub.dms(e.getKey()).stream().filter(m -> !m.createdAt().isBefore(since)).toList();
            for (boolean reminder : new boolean[] {true, false}) {
                List<Ping> kind = e.getValue().stream().filter(p -> p.planned.isReminder() == reminder)
                        .sorted(Comparator.comparing(Ping::due)).toList();
                List<StubMessage> messages = dms.stream().filter(m -> isDmFor(m, reminder)).toList();
                for (int i = 0; i < kind.size(); i++) {
                    Ping p = kind.get(i);
                    p.delivered = i < messages.size() ? messages.get(i) : null;
                    // more messages than pings of the kind: the last ones were sent twice
                    p.copies = p.delivered == null ? 0 : (i == kind.size() - 1 ? 1 + messages.size() - kind.size() : 1);
                    all &= p.delivered != null;
                }
            }
        }
        return all;
    }

    /** The job's record of every ping, by job name. */
    private static Map<String, CallPing> recorded(Showcall showcall) {
        return showcall.database().inTransaction(c -> new CallPingRepository().forShow(c, SHOW)).stream()
                .collect(Collectors.toMap(p -> p.callKey() + "|" + p.ping(), Function.identity()));
    }

    /** Whether showcall is done with every ping that has not arrived (it dropped it, or gave up on it). */
    private static boolean settled(Showcall showcall, List<Ping> pings) {
        Map<String, CallPing> recorded = recorded(showcall);
        return pings.stream().allMatch(p -> p.delivered != null || Optional.ofNullable(recorded.get(p.planned.jobName()))
                .flatMap(CallPing::outcome).isPresent());
    }

    private static boolean isDmFor(StubMessage message, boolean reminder) {
        String title = message.embed(0).map(e -> e.path("title").asText()).orElse("");
        return reminder ? title.startsWith("Reminder: your call") : title.startsWith("Your call");
    }

    /** The open-DM and create-message requests that delivered each ping. */
    private static void matchRequests(DiscordStub stub, List<Ping> pings, List<RecordedRequest> window) {
        Map<Long, List<RecordedRequest>> opens = new HashMap<>();
        Map<Long, List<RecordedRequest>> posts = new HashMap<>();
        for (RecordedRequest r : window) {
            if (isOpenDm(r)) {
                opens.computeIfAbsent(r.body().path("recipient_id").asLong(), k -> new ArrayList<>()).add(r);
            } else {
                channelOf(r).ifPresent(channel -> posts.computeIfAbsent(channel, k -> new ArrayList<>()).add(r));
            }
        }
        for (Ping p : pings) {
            if (p.isDm()) {
                long channel = stub.dmChannelOf(p.userId).orElse(-1L);
                Instant stored = p.delivered == null ? Instant.MAX : p.delivered.createdAt();
                p.messageRequest = posts.getOrDefault(channel, List.of()).stream()
                        .filter(r -> r.status() == 200 && titleOf(r.body()).startsWith(
                                p.planned.isReminder() ? "Reminder: your call" : "Your call"))
                        .filter(r -> !r.at().isAfter(stored))
                        .reduce((first, second) -> second).orElse(null);
                if (p.messageRequest != null && p.recorded != null) {
                    Instant claimed = p.recorded.claimedAt();
                    p.openRequest = opens.getOrDefault(p.userId, List.of()).stream()
                            .filter(r -> !r.at().isBefore(claimed) && !r.at().isAfter(p.messageRequest.at()))
                            .reduce((first, second) -> second).orElse(null);
                }
            } else {
                p.messageRequest = posts.getOrDefault(CALLS, List.of()).stream()
                        .filter(r -> r.status() == 200 && r.body() != null
                                && r.body().path("content").asText().contains(p.announcementTag))
                        .findFirst().orElse(null);
            }
        }
    }

    private static String titleOf(JsonNode body) {
        return body == null ? "" : body.path("embeds").path(0).path("title").asText("");
    }

    private static boolean isOpenDm(RecordedRequest r) {
        return r.method().equals("POST") && r.path().equals("users/@me/channels") && r.body() != null;
    }

    private static Optional<Long> channelOf(RecordedRequest r) {
        Matcher m = CHANNEL_MESSAGES.matcher(r.path());
        return r.method().equals("POST") && m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    // --- the report ---------------------------------------------------------------------------------------------

    private void printHeader(List<Ping> pings, Instant firstDue, Instant lastDue, Duration database, Duration shows,
                             Duration connect, Duration schedule) {
        long dms = pings.stream().filter(Ping::isDm).count();
        long reminders = pings.stream().filter(p -> p.planned.isReminder()).count();
        int burst = pings.stream().collect(Collectors.groupingBy(Ping::due, Collectors.counting())).values().stream()
                .mapToInt(Long::intValue).max().orElse(0);
        out.println("showcall call-ping benchmark");
        out.printf("  machine      %d cores, Java %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        out.printf("  plan         %s: %d departments x %d members, calls %d ms apart, reminders %s before each call%n",
                options.plan, options.departments, options.members, options.spacing.toMillis(),
                options.reminders.stream().map(r -> r.toSeconds() + " s").collect(Collectors.joining(" and ")));
        out.printf("               %d DMs (%d calls + %d reminders) + %d announcements = %d pings over %.1f s,"
                        + " up to %d due at the same instant%n", dms, dms - reminders, reminders, pings.size() - dms,
                pings.size(), Duration.between(firstDue, lastDue).toMillis() / 1000.0, burst);
        out.printf("  showcall     Quartz threads %s%n", quartzThreads());
        out.printf("  stub         TCP_NODELAY %s, %d ms added to every request, rate limits: %s%n",
                Boolean.getBoolean("sun.net.httpserver.nodelay") ? "on" : "off (Nagle)", options.latency.toMillis(),
                options.channelLimits ? "5 message writes per 5 s per channel, 50/s per other route"
                        : "50/s per route and channel (the stub's default)");
        out.printf("               DM-channel opens: %s; global: %s%n",
                options.dmOpens > 0 ? options.dmOpens + " per 10 s" : "the route's default",
                options.globalLimit > 0 ? options.globalLimit + " requests per second" : "none");
        out.printf("  DM channels  %s%n", options.dmChannelsKept
                ? "kept from an earlier run (in the database): this run opens none"
                : "none kept: showcall opens all " + options.people() + " ahead, the first ping "
                        + options.leadToFirstPing().toSeconds() + " s after start-up");
        out.printf("  start-up     database %d ms, show loaded %d ms, connected %d ms, %d jobs scheduled in %d ms%n",
                database.toMillis(), shows.toMillis(), connect.toMillis(), pings.size(), schedule.toMillis());
        out.flush();
    }

    private static String quartzThreads() {
        try {
            Field threads = QuartzSchedulers.class.getDeclaredField("THREADS");
            threads.setAccessible(true);
            return String.valueOf(threads.getInt(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "unknown";
        }
    }

    private boolean report(DiscordStub stub, List<Ping> pings, List<RecordedRequest> window, Instant firstDue,
                           Instant collectedAt) {
        List<Ping> delivered = pings.stream().filter(p -> p.delivered != null).toList();
        List<Ping> dms = delivered.stream().filter(Ping::isDm).toList();
        List<Ping> announcements = delivered.stream().filter(p -> !p.isDm()).toList();
        Instant lastStored = delivered.stream().map(p -> p.delivered.createdAt()).max(Comparator.naturalOrder())
                .orElse(collectedAt);

        out.println();
        out.printf(ROW, "Lateness against the scheduled instant, ms", "n", "min", "p50", "p99", "max");
        out.println("  delivered: the stub stored the message");
        row("    DMs", lates(dms, p -> p.delivered.createdAt()));
        row("    announcements", lates(announcements, p -> p.delivered.createdAt()));
        Stats all = lates(delivered, p -> p.delivered.createdAt());
        row("    all pings", all);
        Instant warm = firstDue.plus(WARM_UP);
        row("    all pings due " + WARM_UP.toSeconds() + " s or more after the first", lates(
                delivered.stream().filter(p -> !p.due().isBefore(warm)).toList(), p -> p.delivered.createdAt()));
        List<Ping> recorded = delivered.stream().filter(p -> p.recorded != null && p.recorded.sentAt().isPresent())
                .toList();
        out.println("  as the job saw it (call_ping)");
        row("    fired: claimed_at - due_at", stats(recorded, p -> between(p.recorded.dueAt(), p.recorded.claimedAt())));
        row("    sent: sent_at - due_at", stats(recorded, p -> between(p.recorded.dueAt(), p.recorded.sentAt().get())));

        List<Ping> traced = dms.stream().filter(p -> p.recorded != null && p.messageRequest != null
                && p.recorded.sentAt().isPresent()).toList();
        List<Ping> opened = traced.stream().filter(p -> p.openRequest != null).toList();
        out.println();
        out.printf(ROW, "Where a DM's time goes, ms (" + traced.size() + " of " + dms.size() + " traced)", "n", "min",
                "p50", "p99", "max");
        row("  due -> job claims it (Quartz, plan)", stats(traced, p -> between(p.due(), p.recorded.claimedAt())));
        row("  claim -> message request at stub", stats(traced,
                p -> between(p.recorded.claimedAt(), p.messageRequest.at())));
        row("    claim -> open-DM request", stats(opened, p -> between(p.recorded.claimedAt(), p.openRequest.at())));
        row("    open-DM request -> message request", stats(opened,
                p -> between(p.openRequest.at(), p.messageRequest.at())));
        row("  message request -> stored", stats(traced, p -> between(p.messageRequest.at(), p.delivered.createdAt())));
        row("  stored -> job records it sent", stats(traced,
                p -> between(p.delivered.createdAt(), p.recorded.sentAt().get())));
        List<Ping> tracedAnnouncements = announcements.stream()
                .filter(p -> p.recorded != null && p.messageRequest != null).toList();
        row("  announcement: claim -> message request", stats(tracedAnnouncements,
                p -> between(p.recorded.claimedAt(), p.messageRequest.at())));
        out.printf("  pings in flight at once (claimed, not yet sent): at most %d%n", maxInFlight(recorded));

        Duration span = Duration.between(firstDue, lastStored);
        Map<String, Integer> routes = new LinkedHashMap<>();
        routes.put("POST users/@me/channels (open DM)", 0);
        routes.put("POST channels/{id}/messages, DM", 0);
        routes.put("POST channels/{id}/messages, calls channel", 0);
        routes.put("other", 0);
        List<Long> dmChannels = pings.stream().filter(Ping::isDm).map(p -> stub.dmChannelOf(p.userId).orElse(-1L))
                .toList();
        int tooMany = 0;
        for (RecordedRequest r : window) {
            Optional<Long> channel = channelOf(r);
            String route = isOpenDm(r) ? "POST users/@me/channels (open DM)"
                    : channel.filter(c -> c == CALLS).isPresent() ? "POST channels/{id}/messages, calls channel"
                    : channel.filter(dmChannels::contains).isPresent() ? "POST channels/{id}/messages, DM"
                    : "other";
            routes.merge(route, 1, Integer::sum);
            tooMany += r.status() == 429 ? 1 : 0;
        }
        out.println();
        out.printf("REST requests from the first ping's time until the last was stored (%.1f s)%n",
                span.toMillis() / 1000.0);
        out.printf("  %-48s %6s %9s%n", "", "count", "per ping");
        routes.forEach((route, count) -> out.printf("  %-48s %6d %9.2f%n", route, count,
                (double) count / pings.size()));
        out.printf("  %-48s %6d %9.2f   (%.1f requests/s)%n", "all", window.size(), (double) window.size() / pings.size(),
                window.size() / Math.max(0.001, span.toMillis() / 1000.0));
        out.printf("  429 answers: %d in the window, %d in the whole run (%d of them global); violations: %d%n", tooMany,
                stub.tooManyRequestsSent(), stub.globalTooManyRequestsSent(), stub.violations().size());
        out.printf("  peak: %d requests within one second (the whole run: %d)%n", peakPerSecond(window),
                peakPerSecond(stub.requests()));
        stub.violations().stream().limit(5).forEach(v -> out.println("    " + v));

        long missing = pings.stream().filter(p -> p.delivered == null).count();
        long duplicated = pings.stream().filter(p -> p.copies > 1).count();
        Map<String, Long> outcomes = pings.stream().collect(Collectors.groupingBy(
                p -> p.recorded == null ? "none" : p.recorded.outcome().map(Enum::name).orElse("unfinished"),
                TreeMap::new, Collectors.counting()));
        out.println();
        out.printf("Delivered %d of %d pings (%d missing, %d sent more than once); call_ping outcomes: %s%n",
                delivered.size(), pings.size(), missing, duplicated, outcomes.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        boolean complete = missing == 0;
        Stats dmStats = lates(dms, p -> p.delivered.createdAt());
        Stats announcementStats = lates(announcements, p -> p.delivered.createdAt());
        int refused = stub.tooManyRequestsSent();
        if (!complete) {
            out.printf("Verdict: INCOMPLETE: %d of %d pings never arrived (see the call_ping outcomes above)%n",
                    missing, pings.size());
        } else {
            boolean pass = dmStats.p99 <= TARGET_P99.toNanos() && announcementStats.p99 <= TARGET_P99.toNanos()
                    && refused == 0 && duplicated == 0;
            out.printf("Verdict: %s: p99 lateness %s ms for DMs, %s ms for announcements (max %s ms over all %d pings),"
                            + " %d x 429, %d sent twice; target p99 <= %d ms, no 429, each once%n",
                    pass ? "PASS" : "FAIL", ms(dmStats.p99), ms(announcementStats.p99), ms(all.max), all.n, refused,
                    duplicated, TARGET_P99.toMillis());
        }
        out.flush();
        return complete;
    }

    /** The most requests that reached the stub within any one second. */
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

    /** One line per ping: when each step happened, in ms after the ping's scheduled instant (empty when unknown). */
    private void writeCsv(Path file, List<Ping> pings) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("subject,ping,due,claimed,open_dm_request,message_request,stored,sent");
        for (Ping p : pings) {
            Instant due = p.due();
            lines.add(String.join(",", p.planned.subjectKey(), p.planned.ping(), due.toString(),
                    after(due, p.recorded == null ? null : p.recorded.claimedAt()),
                    after(due, p.openRequest == null ? null : p.openRequest.at()),
                    after(due, p.messageRequest == null ? null : p.messageRequest.at()),
                    after(due, p.delivered == null ? null : p.delivered.createdAt()),
                    after(due, p.recorded == null ? null : p.recorded.sentAt().orElse(null))));
        }
        Files.write(file, lines);
        out.println("Every ping's timings: " + file.toAbsolutePath());
    }

    private static String after(Instant due, Instant at) {
        return at == null ? "" : ms(Duration.between(due, at).toNanos());
    }

    private static Duration between(Instant from, Instant to) {
        return Duration.between(from, to);
    }

    private static Stats lates(List<Ping> pings, Function<Ping, Instant> at) {
        return stats(pings, p -> Duration.between(p.due(), at.apply(p)));
    }

    /** Nearest-rank percentiles. */
    private record Stats(int n, long min, long p50, long p99, long max) {
    }

    private static Stats stats(List<Ping> pings, Function<Ping, Duration> measure) {
        long[] nanos = pings.stream().map(measure).mapToLong(Duration::toNanos).sorted().toArray();
        if (nanos.length == 0) {
            return new Stats(0, 0, 0, 0, 0);
        }
        return new Stats(nanos.length, nanos[0], rank(nanos, 50), rank(nanos, 99), nanos[nanos.length - 1]);
    }

    private static long rank(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private void row(String label, Stats s) {
        if (s.n == 0) {
            out.printf(ROW, label, "0", "-", "-", "-", "-");
            return;
        }
        out.printf(ROW, label, String.valueOf(s.n), ms(s.min), ms(s.p50), ms(s.p99), ms(s.max));
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1_000_000.0);
    }

    private static int maxInFlight(List<Ping> recorded) {
        List<long[]> edges = new ArrayList<>();
        for (Ping p : recorded) {
            edges.add(new long[] {toNanos(p.recorded.claimedAt()), 1});
            edges.add(new long[] {toNanos(p.recorded.sentAt().get()), -1});
        }
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int now = 0;
        int max = 0;
        for (long[] e : edges) {
            now += (int) e[1];
            max = Math.max(max, now);
        }
        return max;
    }

    private static long toNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}

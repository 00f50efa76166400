package dev.showcall.bench;

import dev.showcall.app.Settings;
import dev.showcall.app.Showcall;
import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.calls.PingPlan;
import dev.showcall.calls.PlannedPing;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.discord.stub.StubMessage;
import dev.showcall.show.Call;
import dev.showcall.show.Escalation;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.DmChannelRepository;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The call-ping benchmark with escalation ladders on every department: the real showcall (Quartz on its H2 job store,
 * the real JDA client) against the Discord stub with Discord's limits (an 80 ms round trip, 50 requests/s globally,
 * 5 message writes per 5 s per channel, 10 DM channels opened per 10 s). Nobody answers, so every step of every
 * ladder is taken: DM again, DM the lead, DM the producers, and on some departments a mention in the calls channel.
 * For every step it takes the instant the stub stored its message minus the instant the step was due (the call plus
 * the step's wait), checks that each went out once (once to each producer), and counts Discord's 429s.
 *
 * <p>A benchmark, not a test: {@code mvn -q -Pbench verify} runs it after the call-ping plans;
 * {@code -Dbench.skip-ladders=true} leaves it out. Knobs (system properties, passed on by the profile): {@code bench.ladder-departments} (30),
 * {@code bench.members} (5), {@code bench.ladder-spacing-ms} (2000 between two departments' calls: a producer's DM channel takes
 * five messages per five seconds, and every department reaches the producers; at 1000 their DMs wait for room),
 * {@code bench.latency-ms} (80). Every tenth department also mentions its people in the calls channel: the
 * channel's 5 writes per 5 s hold those, so they are reported apart and not held to the DMs' target.
 */
public final class LadderBenchmark {

    private static final long GUILD = 1210000000000000001L;
    private static final long TIMELINE = 1210000000000000002L;
    private static final long CALLS = 1210000000000000003L;
    private static final long PRODUCER_ROLE = 1210000000000000004L;
    private static final long PR_ROLE = 1210000000000000005L;
    private static final long FIRST_USER = 1210000000000100000L;
    private static final long FIRST_LEAD = 1210000000000900000L;
    private static final List<Long> PRODUCERS = List.of(1210000000000000901L, 1210000000000000902L);
    private static final String SHOW = "ladder-bench";
    private static final Duration TARGET_P99 = Duration.ofMillis(250);
    private static final Duration LEAD_TIME = Duration.ofSeconds(15);
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final String ROW = "%-46s %6s %8s %8s %8s %8s%n";

    private final int departments = Integer.parseInt(property("bench.ladder-departments", "30"));
    private final int members = Integer.parseInt(property("bench.members", "5"));
    private final Duration spacing = Duration.ofMillis(Long.parseLong(property("bench.ladder-spacing-ms", "2000")));
    private final Duration latency = Duration.ofMillis(Long.parseLong(property("bench.latency-ms", "80")));
    private final PrintStream out = System.out;

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int status = new LadderBenchmark().run();
        System.exit(status);
    }

    private static String property(String name, String otherwise) {
        String value = System.getProperty(name, "");
        return value.isBlank() ? otherwise : value.trim();
    }

    /** One step of one person's ladder, and the messages it made. */
    private record Step(PlannedPing planned, Call call, Escalation.Action action, int of, List<StubMessage> messages) {

        boolean isDm() {
            return action != Escalation.Action.CALLS_CHANNEL;
        }

        /** One message, or one to each producer. */
        int expected() {
            return action == Escalation.Action.PRODUCERS ? PRODUCERS.size() : 1;
        }
    }

    private int run() throws Exception {
        Path dir = Files.createTempDirectory("showcall-ladder-bench");
        Instant firstCall = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(LEAD_TIME);
        Path showFile = dir.resolve("ladder-bench.yaml");
        String yaml = showYaml(firstCall);
        List<dev.showcall.show.Problem> problems = dev.showcall.show.ShowReader.read(showFile.toString(), yaml).errors();
        if (!problems.isEmpty()) {
            problems.forEach(p -> out.println("the generated show file: " + p));
            return 2;
        }
        Files.writeString(showFile, yaml);
        DiscordStub stub = DiscordStub.start(guild());
        stub.limitChannelMessageWrites(5, Duration.ofSeconds(5));
        stub.limitDmOpens(10, Duration.ofSeconds(10));
        stub.limitGlobal(50, Duration.ofSeconds(1));
        Settings settings = Settings.from(Map.of(
                Settings.DISCORD_TOKEN, stub.botToken(),
                Settings.SHOWS, showFile.toString(),
                Settings.DB_URL, "jdbc:h2:mem:ladder-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                Settings.DISCORD_API, stub.apiBaseUrl().toString(),
                Settings.DISCORD_GATEWAY, stub.gatewayUrl().toString()));
        Showcall showcall = null;
        try {
            showcall = Showcall.start(settings, Clock.systemUTC());
            keepDmChannels(stub, showcall);
            ShowDirectory directory = showcall.loadShows();
            showcall.connect(settings.discordToken().orElseThrow()).awaitReady();
            awaitCommandsRegistered(stub);
            showcall.startCalls();
            stub.delayNext("*", ".*", latency, Integer.MAX_VALUE);
            PlannedShow show = directory.byId(SHOW).orElseThrow();
            List<PlannedPing> planned = PingPlan.of(show).stream().filter(PlannedPing::isEscalation).toList();
            Instant lastDue = planned.stream().map(PlannedPing::due).max(Instant::compareTo).orElseThrow();
            printHeader(planned);
            if (Instant.now().isAfter(firstCall)) {
                out.println("Start-up took past the first call: raise the lead time and run again.");
                return 2;
            }
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), lastDue.plusSeconds(2)).toMillis()));
            Instant deadline = lastDue.plus(DRAIN);
            List<Step> steps = collect(stub, show, planned);
            while (steps.stream().anyMatch(s -> s.messages().size() < s.expected()) && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                steps = collect(stub, show, planned);
            }
            return report(stub, showcall, steps) ? 0 : 1;
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

    // --- the show -----------------------------------------------------------------------------------------------

    private long user(int department, int member) {
        return FIRST_USER + department * 100L + member;
    }

    private static long lead(int department) {
        return FIRST_LEAD + department;
    }

    private StubGuild guild() {
        StubGuild.Builder guild = StubGuild.builder(GUILD, "Ladder backstage")
                .role(PRODUCER_ROLE, "Producers", 0)
                .role(PR_ROLE, "PR", 0)
                .textChannel(TIMELINE, "timeline")
                .textChannel(CALLS, "calls");
        PRODUCERS.forEach(p -> guild.member(p, "producer-" + p % 10, PRODUCER_ROLE));
        for (int d = 0; d < departments; d++) {
            guild.member(lead(d), String.format("lead-%03d", d));
            for (int m = 1; m <= members; m++) {
                guild.member(user(d, m), String.format("crew-%03d-%d", d, m));
            }
        }
        return guild.build();
    }

    /** Everyone's DM channel as an earlier run opened it: the day's DMs, not 10 opens per 10 s, are measured. */
    private void keepDmChannels(DiscordStub stub, Showcall showcall) {
        Instant longAgo = Instant.now().minus(Duration.ofDays(1));
        List<Long> everyone = new ArrayList<>(PRODUCERS);
        for (int d = 0; d < departments; d++) {
            everyone.add(lead(d));
            for (int m = 1; m <= members; m++) {
                everyone.add(user(d, m));
            }
        }
        showcall.database().runInTransaction(c -> everyone.forEach(u ->
                new DmChannelRepository().save(c, u, stub.openDm(u), longAgo)));
    }

    /**
     * Departments called {@code spacing} apart, each with a lead; the show's ladders climb for everyone, and every
     * tenth department's not-arrived ladder also mentions them in the calls channel.
     */
    private String showYaml(Instant firstCall) {
        Instant lastCall = firstCall.plus(spacing.multipliedBy(departments - 1L));
        Instant start = lastCall.plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
        StringBuilder yaml = new StringBuilder();
        for (int d = 0; d < departments; d++) {
            yaml.append(String.format("  - id: d%03d%n    name: Dept %03d%n    call: %s%n    lead: \"%d\"%n", d, d,
                    local(firstCall.plus(spacing.multipliedBy(d))), lead(d)));
            if (d % 10 == 0) {
                yaml.append("""
                            escalation:
                              not-arrived:
                                - { after: 15s, do: dm-again }
                                - { after: 20s, do: dm-lead }
                                - { after: 22s, do: calls-channel }
                                - { after: 25s, do: producers }
                        """);
            }
            yaml.append("    members:\n");
            for (int m = 1; m <= members; m++) {
                yaml.append(String.format("      - { user: \"%d\", name: Crew %03d-%d }%n", user(d, m), d, m));
            }
        }
        return """
                id: %s
                name: Ladder Bench
                time-zone: UTC
                start: %s
                discord:
                  guild: "%d"
                  timeline-channel: "%d"
                  calls-channel: "%d"
                  producer-role: "%d"
                  pr-role: "%d"
                escalation:
                  not-confirmed:
                    - { after: 5s, do: dm-again }
                    - { after: 10s, do: dm-lead }
                  not-arrived:
                    - { after: 15s, do: dm-again }
                    - { after: 20s, do: dm-lead }
                    - { after: 25s, do: producers }
                departments:
                %smodels:
                  - { name: Bench Model, call: %s }
                model-calls:
                  chairs: 1
                  prep: 1m
                  escalation:
                    not-confirmed: []
                    not-arrived: []
                looks:
                  - { number: 1, model: Bench Model, description: Coat }
                """.formatted(SHOW, local(start), GUILD, TIMELINE, CALLS, PRODUCER_ROLE, PR_ROLE, yaml,
                local(start.minus(Duration.ofMinutes(5))));
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static void awaitCommandsRegistered(DiscordStub stub) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (stub.requestsTo("PUT", ".*/guilds/\\d+/commands").isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("showcall did not register its commands on the stub");
            }
            Thread.sleep(20);
        }
    }

    // --- what came of each step ---------------------------------------------------------------------------------

    /** Every step with the messages the stub stored for it, told apart by what they say. */
    private List<Step> collect(DiscordStub stub, PlannedShow show, List<PlannedPing> planned) {
        List<Step> steps = new ArrayList<>();
        for (PlannedPing p : planned) {
            Call call = show.call(p.subjectKey()).orElseThrow();
            CallPing.Rung rung = CallPing.rungOf(p.ping()).orElseThrow();
            List<Escalation.Step> ladder = show.show().escalationOf(call).ladder(rung.condition());
            Escalation.Action action = ladder.get(rung.step() - 1).action();
            String about = "**" + call.who() + "** (" + call.departmentName() + ") "
                    + (rung.condition() == Escalation.Condition.NOT_CONFIRMED ? "has not confirmed" : "has not arrived");
            String which = "(step " + rung.step() + " of " + ladder.size() + ")";
            long person = call.userId().orElseThrow();
            List<StubMessage> messages = switch (action) {
                case DM_AGAIN -> stub.dms(person).stream().filter(m -> title(m).startsWith(
                        rung.condition() == Escalation.Condition.NOT_CONFIRMED ? "⏫ Please confirm" : "⏫ You are not marked"))
                        .toList();
                case DM_LEAD -> stub.dms(call.leadUserId().orElseThrow()).stream()
                        .filter(m -> m.content().contains(about) && m.content().contains(which)).toList();
                case PRODUCERS -> PRODUCERS.stream().flatMap(pr -> stub.dms(pr).stream())
                        .filter(m -> m.content().contains(about) && m.content().contains(which)).toList();
                case CALLS_CHANNEL -> stub.messages(CALLS).stream()
                        .filter(m -> m.mentionedUserIds().contains(person) && m.content().contains(which)).toList();
            };
            steps.add(new Step(p, call, action, ladder.size(), messages));
        }
        return steps;
    }

    private static String title(StubMessage m) {
        return m.embed(0).map(e -> e.path("title").asText()).orElse("");
    }

    // --- the report ---------------------------------------------------------------------------------------------

    private void printHeader(List<PlannedPing> planned) {
        out.println("showcall escalation-ladder benchmark");
        out.printf("  machine      %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        out.printf("  plan         %d departments x %d members, calls %d ms apart, nobody answers: %d steps; "
                        + "not confirmed 5 s DM again, 10 s lead; not arrived 15 s DM again, 20 s lead, 25 s "
                        + "%d producers; every tenth department also the calls channel at 22 s%n",
                departments, members, spacing.toMillis(), planned.size(), PRODUCERS.size());
        out.printf("  stub         %d ms added to every request; 50 requests/s globally, 5 message writes per 5 s per "
                + "channel, 10 DM opens per 10 s (every DM channel kept from an earlier run)%n", latency.toMillis());
        out.flush();
    }

    private boolean report(DiscordStub stub, Showcall showcall, List<Step> steps) {
        out.println();
        out.printf(ROW, "Lateness of each step: stored - due, ms", "n", "min", "p50", "p99", "max");
        for (Escalation.Action action : Escalation.Action.values()) {
            row("  " + action.label(), lateness(steps.stream().filter(s -> s.action() == action).toList()));
        }
        long[] dms = lateness(steps.stream().filter(Step::isDm).toList());
        row("  every DM of a step", dms);
        Map<String, CallPing> recorded = showcall.database().inTransaction(c -> new CallPingRepository()
                .forShow(c, SHOW)).stream().collect(Collectors.toMap(p -> p.callKey() + "|" + p.ping(),
                Function.identity()));
        long[] table = steps.stream().filter(Step::isDm)
                .map(s -> recorded.get(s.planned().jobName()))
                .filter(p -> p != null && p.sentAt().isPresent())
                .mapToLong(p -> Duration.between(p.dueAt(), p.sentAt().orElseThrow()).toNanos()).sorted().toArray();
        row("  the same in call_ping (sent_at - due_at)", table);

        long missing = steps.stream().filter(s -> s.messages().size() < s.expected()).count();
        long twice = steps.stream().filter(s -> s.messages().size() > s.expected()).count();
        long notCompleted = steps.stream().map(s -> recorded.get(s.planned().jobName()))
                .filter(p -> p == null || p.sentAt().isEmpty()).count();
        Map<String, Long> outcomes = steps.stream().map(s -> recorded.get(s.planned().jobName()))
                .collect(Collectors.groupingBy(p -> p == null ? "none" : p.outcome().map(Enum::name).orElse("unfinished"),
                        TreeMap::new, Collectors.counting()));
        int tooMany = stub.tooManyRequestsSent();
        out.println();
        out.printf("Steps: %d planned, %d messages expected; %d missing, %d sent more than once, %d not recorded as "
                        + "sent; call_ping outcomes: %s%n", steps.size(),
                steps.stream().mapToInt(Step::expected).sum(), missing, twice, notCompleted, outcomes);
        out.printf("429 answers: %d (%d global); violations of Discord's limits or schemas: %d%n", tooMany,
                stub.globalTooManyRequestsSent(), stub.violations().size());
        stub.violations().stream().limit(5).forEach(v -> out.println("    " + v));
        boolean p99 = dms.length > 0 && dms[rank(dms.length, 99)] <= TARGET_P99.toNanos();
        boolean once = missing == 0 && twice == 0 && notCompleted == 0;
        boolean noLimits = tooMany == 0 && stub.violations().isEmpty();
        out.printf("%s escalation DMs p99 %d ms <= %d ms%n", p99 ? "PASS" : "FAIL",
                dms.length == 0 ? -1 : dms[rank(dms.length, 99)] / 1_000_000, TARGET_P99.toMillis());
        out.printf("%s 0 x 429, no limit broken%n", noLimits ? "PASS" : "FAIL");
        out.printf("%s each step taken once (once to each producer)%n", once ? "PASS" : "FAIL");
        return p99 && once && noLimits;
    }

    private static long[] lateness(List<Step> steps) {
        return steps.stream().flatMap(s -> s.messages().stream()
                        .map(m -> Duration.between(s.planned().due(), m.createdAt()).toNanos()))
                .mapToLong(Long::longValue).sorted().toArray();
    }

    private void row(String label, long[] sorted) {
        if (sorted.length == 0) {
            out.printf(ROW, label, 0, "-", "-", "-", "-");
            return;
        }
        out.printf(ROW, label, sorted.length, ms(sorted[0]), ms(sorted[rank(sorted.length, 50)]),
                ms(sorted[rank(sorted.length, 99)]), ms(sorted[sorted.length - 1]));
    }

    private static int rank(int n, int percentile) {
        return Math.max(0, (int) Math.ceil(percentile / 100.0 * n) - 1);
    }

    private static String ms(long nanos) {
        return String.valueOf(nanos / 1_000_000);
    }
}

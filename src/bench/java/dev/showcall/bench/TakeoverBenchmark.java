package dev.showcall.bench;

import dev.showcall.discord.ShowcallProcess;
import dev.showcall.discord.commands.StatusCommand;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.InteractionHandle;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.discord.stub.StubMessage;
import dev.showcall.store.Database;
import dev.showcall.store.LeaseRepository;
import dev.showcall.store.PostgresServer;
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
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import net.dv8tion.jda.api.Permission;

/**
 * Takeover time over {@code bench.kills} (10) SIGKILLs. Each round starts a fresh pair of {@code showcall run}
 * instances, each in a JVM of its own, on a fresh database of one embedded PostgreSQL and against the Discord stub, with
 * a show whose {@value #DEPARTMENTS} departments (one member each) are called {@value #SPACING_MS} ms apart. Once the
 * first two calls are out, the active instance is killed with SIGKILL at a random moment within the next spacing,
 * while a producer sends {@code /status} every {@value #STATUS_EVERY_MS} ms. It measures, from the kill, the standby's
 * first ping delivered (a DM or an announcement stored by the stub) and the first {@code /status} answered, then waits
 * for the rest of the show and counts every department's DM and announcement: none missing (lost), none twice (doubled).
 *
 * <p>It prints both takeover times per round, their p50, p99 and max over the rounds (nearest rank: over 10 rounds the
 * p99 is the max), the pings lost and doubled, the stub's rule violations, and a verdict against the target: p99 of
 * both at most 15 s, no ping lost or doubled. A benchmark, not a test: run it with {@code mvn -q -Pbench verify}.
 */
public final class TakeoverBenchmark {

    private static final long GUILD = 1400000000000000001L;
    private static final long TIMELINE = 1400000000000000101L;
    private static final long CALLS = 1400000000000000102L;
    private static final long PRODUCER_ROLE = 1400000000000000201L;
    private static final long PR_ROLE = 1400000000000000202L;
    private static final long BOT_ROLE = 1400000000000000203L;
    private static final long PRODUCER = 1400000000000000301L;
    private static final long PR = 1400000000000000302L;
    private static final long FIRST_CREW = 1400000000000001001L;

    private static final int DEPARTMENTS = 20;
    private static final long SPACING_MS = 1000;
    private static final long STATUS_EVERY_MS = 250;
    private static final Duration TARGET = Duration.ofSeconds(15);
    /** Two JVMs, Flyway, Quartz and JDA starting together on a busy 2-core machine. */
    private static final Duration START = Duration.ofSeconds(90);
    /** How long after the kill to go on waiting for the standby's first ping and answer. */
    private static final Duration GIVE_UP = Duration.ofSeconds(60);
    /** After the last call's instant, how long to wait for every ping before counting the missing ones as lost. */
    private static final Duration DRAIN = Duration.ofSeconds(60);

    private final int kills = Integer.getInteger("bench.kills", 10);
    private final Duration lead = Duration.ofSeconds(Integer.getInteger("bench.takeover-lead-s", 25));
    private final long seed = Long.getLong("bench.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final PrintStream out = System.out;

    /** One round's figures; an empty time when the standby never did it within {@link #GIVE_UP}. */
    private record Round(Optional<Duration> firstPing, Optional<Duration> firstAnswer, int lost, int doubled,
                         int late, int violations) {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int status = new TakeoverBenchmark().run();
        System.exit(status);
    }

    private int run() throws Exception {
        out.printf("Takeover benchmark: %d kills, 2 instances on one embedded PostgreSQL, %d departments called %d ms "
                        + "apart, /status every %d ms; %d cores, Java %s, seed %d%n", kills, DEPARTMENTS, SPACING_MS,
                STATUS_EVERY_MS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), seed);
        PostgresServer server = PostgresServer.get();
        List<Round> rounds = new ArrayList<>();
        for (int r = 1; r <= kills; r++) {
            Round round = round(server, r);
            rounds.add(round);
            out.printf("  kill %2d: first ping %s, first answer %s; lost %d, doubled %d, sent late %d, violations %d%n",
                    r, seconds(round.firstPing()), seconds(round.firstAnswer()), round.lost(), round.doubled(),
                    round.late(), round.violations());
        }
        return summary(rounds);
    }

    private Round round(PostgresServer server, int number) throws IOException {
        Path dir = Files.createTempDirectory("showcall-takeover");
        String databaseName = server.migratedDatabase();
        String url = server.url(databaseName);
        Optional<String> user = Optional.of(PostgresServer.USER);
        Instant firstCall = Instant.now().plus(lead).truncatedTo(ChronoUnit.SECONDS);
        Path showFile = dir.resolve("show.yaml");
        Files.writeString(showFile, showYaml(firstCall));
        boolean keepLogs = true;
        List<Instant> due = Stream.iterate(firstCall, i -> i.plusMillis(SPACING_MS)).limit(DEPARTMENTS).toList();
        try (DiscordStub stub = DiscordStub.start(guild());
             Database database = Database.open(url, user, Optional.empty());
             ShowcallProcess first = ShowcallProcess.launch(stub, dir, showFile, url, user, "round" + number + "-a");
             ShowcallProcess second = ShowcallProcess.launch(stub, dir, showFile, url, user, "round" + number + "-b")) {
            Pair pair = new Pair(database, first, second);
            await("one instance active and the other standing by", START, pair,
                    () -> pair.holder().isPresent() && pair.standby().get().logText().contains("Standing by"));
            ShowcallProcess active = pair.holder().orElseThrow();
            await("the first two calls", START.plus(lead), pair,
                    () -> !stub.dms(crew(0)).isEmpty() && !stub.dms(crew(1)).isEmpty());
            sleep(Duration.ofMillis(random.nextLong(SPACING_MS)));

            // the kill: the moment measured from, then the moment it is certainly dead
            Instant killed = Instant.now();
            active.kill();
            Instant dead = Instant.now();

            Optional<Instant> answered = Optional.empty();
            Optional<Instant> pinged = Optional.empty();
            List<InteractionHandle> asked = new ArrayList<>();
            Instant nextAsk = dead;
            Instant giveUp = killed.plus(GIVE_UP);
            while ((answered.isEmpty() || pinged.isEmpty()) && Instant.now().isBefore(giveUp)) {
                Instant now = Instant.now();
                if (answered.isEmpty() && !now.isBefore(nextAsk)) {
                    nextAsk = now.plusMillis(STATUS_EVERY_MS);
                    try {
                        asked.add(stub.slash(SlashCommandInvocation.of(StatusCommand.NAME).by(PRODUCER).in(TIMELINE)));
                    } catch (RuntimeException e) {
                        // no instance on the gateway at this moment
                    }
                }
                if (answered.isEmpty() && asked.stream().anyMatch(TakeoverBenchmark::answered)) {
                    answered = Optional.of(now);
                }
                if (pinged.isEmpty()) {
                    pinged = pings(stub).filter(m -> m.createdAt().isAfter(dead)).map(StubMessage::createdAt)
                            .min(Instant::compareTo);
                }
                sleep(Duration.ofMillis(20));
            }

            // every department's DM and announcement, counted once the last is out or the drain is over
            Instant drained = due.get(DEPARTMENTS - 1).plus(DRAIN);
            while (Instant.now().isBefore(drained) && !allDelivered(stub)) {
                sleep(Duration.ofMillis(200));
            }
            int lost = 0;
            int doubled = 0;
            int late = 0;
            for (int d = 0; d < DEPARTMENTS; d++) {
                List<StubMessage> dms = stub.dms(crew(d));
                long announced = announcements(stub, d);
                lost += (dms.isEmpty() ? 1 : 0) + (announced == 0 ? 1 : 0);
                doubled += Math.max(0, dms.size() - 1) + (int) Math.max(0, announced - 1);
                Instant dueAt = due.get(d);
                late += (int) dms.stream().filter(m -> m.createdAt().isAfter(dueAt.plusSeconds(2))).count();
            }
            Round round = new Round(pinged.map(p -> Duration.between(killed, p)),
                    answered.map(a -> Duration.between(killed, a)), lost, doubled, late, stub.violations().size());
            keepLogs = answered.isEmpty() || pinged.isEmpty() || lost + doubled + round.violations() > 0;
            if (keepLogs) {
                out.printf("  kill %d: see the instances' logs in %s%n", number, dir);
            }
            return round;
        } finally {
            server.drop(databaseName);
            if (!keepLogs) {
                deleteQuietly(dir);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }

    /** The instances of one round, and which holds the lease. */
    private record Pair(Database database, ShowcallProcess first, ShowcallProcess second) {

        Optional<ShowcallProcess> holder() {
            Optional<String> holder = database.inTransaction(c -> new LeaseRepository().find(c))
                    .flatMap(LeaseRepository.Row::holder);
            return holder.flatMap(h -> h.endsWith("-" + first.pid()) ? Optional.of(first)
                    : h.endsWith("-" + second.pid()) ? Optional.of(second) : Optional.empty());
        }

        Optional<ShowcallProcess> standby() {
            return holder().map(h -> h == first ? second : first);
        }
    }

    private static boolean answered(InteractionHandle handle) {
        try {
            handle.awaitResponse(Duration.ZERO);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /** The DMs to the crew and the announcements in the calls channel. */
    private static Stream<StubMessage> pings(DiscordStub stub) {
        Stream<StubMessage> dms = Stream.iterate(0, d -> d + 1).limit(DEPARTMENTS).flatMap(d -> stub.dms(crew(d)).stream());
        return Stream.concat(dms, stub.messages(CALLS).stream());
    }

    private static boolean allDelivered(DiscordStub stub) {
        for (int d = 0; d < DEPARTMENTS; d++) {
            if (stub.dms(crew(d)).isEmpty() || announcements(stub, d) == 0) {
                return false;
            }
        }
        return true;
    }

    private static long announcements(DiscordStub stub, int department) {
        String needle = department(department) + "**: your call is now";
        long n = 0;
        for (StubMessage message : stub.messages(CALLS)) {
            String content = message.content();
            for (int i = content.indexOf(needle); i >= 0; i = content.indexOf(needle, i + needle.length())) {
                n++;
            }
        }
        return n;
    }

    private int summary(List<Round> rounds) {
        List<Duration> pings = rounds.stream().flatMap(r -> r.firstPing().stream()).sorted().toList();
        List<Duration> answers = rounds.stream().flatMap(r -> r.firstAnswer().stream()).sorted().toList();
        int lost = rounds.stream().mapToInt(Round::lost).sum();
        int doubled = rounds.stream().mapToInt(Round::doubled).sum();
        int late = rounds.stream().mapToInt(Round::late).sum();
        int violations = rounds.stream().mapToInt(Round::violations).sum();
        out.println();
        out.printf("Kill to the standby's first ping delivered   (%2d of %d): p50 %s, p99 %s, max %s%n", pings.size(),
                rounds.size(), at(pings, 50), at(pings, 99), at(pings, 100));
        out.printf("Kill to the first /status answered          (%2d of %d): p50 %s, p99 %s, max %s%n", answers.size(),
                rounds.size(), at(answers, 50), at(answers, 99), at(answers, 100));
        out.printf("Pings: %d sent (a DM and an announcement for each of %d departments, %d rounds); lost %d, doubled "
                        + "%d; DMs sent more than 2 s late %d; the stub's rule violations %d%n",
                rounds.size() * DEPARTMENTS * 2, DEPARTMENTS, rounds.size(), lost, doubled, late, violations);
        boolean complete = pings.size() == rounds.size() && answers.size() == rounds.size();
        boolean pass = complete && !pings.isEmpty() && percentile(pings, 99).compareTo(TARGET) <= 0
                && percentile(answers, 99).compareTo(TARGET) <= 0 && lost == 0 && doubled == 0 && violations == 0;
        out.printf("Verdict: %s (target: p99 of both at most %d s, no ping lost or doubled, no violation)%n",
                pass ? "PASS" : "FAIL", TARGET.toSeconds());
        return 0;
    }

    /** Nearest rank. */
    private static Duration percentile(List<Duration> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static String at(List<Duration> sorted, int p) {
        return sorted.isEmpty() ? "-" : seconds(Optional.of(percentile(sorted, p)));
    }

    private static String seconds(Optional<Duration> duration) {
        return duration.map(d -> String.format("%.1f s", d.toMillis() / 1000.0)).orElse("none within "
                + GIVE_UP.toSeconds() + " s");
    }

    private static long crew(int department) {
        return FIRST_CREW + department;
    }

    private static String department(int d) {
        return String.format("Dept %02d", d + 1);
    }

    private static StubGuild guild() {
        long view = Permission.VIEW_CHANNEL.getRawValue();
        long bot = view | Permission.MESSAGE_SEND.getRawValue() | Permission.MESSAGE_EMBED_LINKS.getRawValue()
                | Permission.MESSAGE_HISTORY.getRawValue() | Permission.PIN_MESSAGES.getRawValue();
        StubGuild.Builder guild = StubGuild.builder(GUILD, "Takeover benchmark backstage")
                .botRole(BOT_ROLE, "showcall", 0)
                .role(PRODUCER_ROLE, "Producers", 0)
                .role(PR_ROLE, "PR", 0)
                .textChannel(TIMELINE, "timeline", StubGuild.Overwrite.role(GUILD, 0, view),
                        StubGuild.Overwrite.role(PRODUCER_ROLE, view, 0),
                        StubGuild.Overwrite.role(PR_ROLE, view, 0),
                        StubGuild.Overwrite.role(BOT_ROLE, bot, 0))
                .textChannel(CALLS, "calls")
                .member(PRODUCER, "producer", PRODUCER_ROLE)
                .member(PR, "pr-lead", PR_ROLE);
        for (int d = 0; d < DEPARTMENTS; d++) {
            guild.member(crew(d), String.format("crew-%02d", d + 1));
        }
        return guild.build();
    }

    /** One member to a department, the departments called {@link #SPACING_MS} apart; the show starts 10 min later. */
    private static String showYaml(Instant firstCall) {
        Instant start = firstCall.plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
        StringBuilder departments = new StringBuilder();
        for (int d = 0; d < DEPARTMENTS; d++) {
            departments.append(String.format("  - id: d%02d%n    name: %s%n    call: %s%n    members:%n"
                            + "      - { user: \"%d\", name: Crew %02d }%n", d + 1, department(d),
                    local(firstCall.plusMillis(SPACING_MS * d)), crew(d), d + 1));
        }
        // the one model has no Discord account: no ping of hers while the benchmark runs
        return """
                id: takeover-show
                name: Takeover Show
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
                  - { name: Anya Petrova, call: %s }
                model-calls:
                  chairs: 1
                  prep: 1m
                looks:
                  - { number: 1, model: Anya Petrova, description: Coat }
                """.formatted(local(start), GUILD, TIMELINE, CALLS, PRODUCER_ROLE, PR_ROLE, departments,
                local(start.minus(Duration.ofMinutes(5))));
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static void await(String what, Duration timeout, Pair pair, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not within " + timeout.toSeconds() + " s: " + what
                        + "\n--- first ---\n" + pair.first().logText() + "\n--- second ---\n" + pair.second().logText());
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

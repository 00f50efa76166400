package dev.showcall.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.calls.CallScheduler;
import dev.showcall.calls.ClaimNotice;
import dev.showcall.calls.PingJobFactory;
import dev.showcall.calls.QuartzSchedulers;
import dev.showcall.roster.LinkClaim;
import dev.showcall.roster.MemberList;
import dev.showcall.roster.Person;
import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Show;
import dev.showcall.show.ShowReader;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.FreshDatabase;
import dev.showcall.store.LinkClaimRepository;
import dev.showcall.store.LinkRepository;
import dev.showcall.store.ShowRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;

@DisplayName("Claiming a roster line with /iam")
class ClaimsTest {

    private static final Instant NOW = Instant.parse("2027-02-21T10:00:00Z");
    private static final String SHOW = "claims-show";
    private static final long PRODUCER = 1190000000000000121L;
    private static final long OTHER_PRODUCER = 1190000000000000122L;
    private static final long PRIYA = 1190000000000000131L;
    private static final long SIOBHAN = 1190000000000000132L;
    private static final long STRANGER = 1190000000000000133L;
    private static final String SIOBHAN_KEY = "@siobhan.kelly";
    private static final String SIOBHAN_LINE = "Siobhan Kelly (Hair)";
    private static final String YAML = """
            id: %s
            name: Claims Show
            time-zone: Europe/London
            start: 2027-02-21T19:00
            discord:
              guild: "1190000000000000001"
              timeline-channel: "1190000000000000002"
              calls-channel: "1190000000000000003"
              producer-role: "1190000000000000004"
              pr-role: "1190000000000000005"
            departments:
              - id: hair
                name: Hair
                call: 4h
                members:
                  - { user: "%d", name: Priya Shah }
                  - { user: "@siobhan.kelly", name: Siobhan Kelly }
                  - { user: "@tom.wu", name: Tom Wu }
                  - { user: "@uma.rao", name: Uma Rao }
                  - { user: "@vic.lee", name: Vic Lee }
            models:
              - name: Anya Petrova
            model-calls:
              chairs: 6
              prep: 45m
            looks:
              - { number: 1, model: Anya Petrova, description: Coat }
            """.formatted(SHOW, PRIYA);

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<Asked> asked = new CopyOnWriteArrayList<>();
    private final List<String> rescheduled = new CopyOnWriteArrayList<>();
    private ShowDirectory directory;
    private Scheduler quartz;
    private CallScheduler scheduler;
    private Claims claims;

    private record Asked(long claimId, boolean inDoubt) {
    }

    @BeforeEach
    void setUp() throws Exception {
        Show filed = ShowReader.read("claims.yaml", YAML).show().orElseThrow();
        db.database().runInTransaction(c -> new ShowRepository().save(c, filed, CallPlanner.plan(filed), "claims.yaml",
                YAML, NOW));
        directory = new ShowDirectory(List.of(new PlannedShow(filed, CallPlanner.plan(filed))));
        TimelineEventRepository timeline = new TimelineEventRepository();
        Links links = new Links(db.database(), new LinkRepository(), timeline, () -> directory, MemberList.NONE,
                show -> rescheduled.add(show.id()), clock);
        // not started: nothing fires, the job store is what is checked
        quartz = QuartzSchedulers.create(db.database().dataSource(), new PingJobFactory());
        scheduler = new CallScheduler(quartz, clock);
        claims = new Claims(db.database(), new LinkClaimRepository(), new CallPingRepository(), timeline, links,
                () -> scheduler, (claim, inDoubt) -> asked.add(new Asked(claim.id(), inDoubt)), clock);
    }

    @AfterEach
    void shutdown() {
        scheduler.shutdown();
    }

    private PlannedShow show() {
        return directory.byId(SHOW).orElseThrow();
    }

    private Claims.Outcome claim(String value, long userId) {
        return claims.claim(show(), value, userId);
    }

    private LinkClaim claimed(String value, long userId) {
        Claims.Outcome outcome = claim(value, userId);
        assertThat(outcome).isInstanceOf(Claims.Outcome.Asked.class);
        return ((Claims.Outcome.Asked) outcome).claim();
    }

    private Map<String, Long> links() {
        return db.inTransaction(c -> new LinkRepository().forShow(c, SHOW));
    }

    private List<String> linkEvents() {
        return db.inTransaction(c -> new TimelineEventRepository().forShow(c, SHOW)).stream()
                .filter(e -> e.kind() == EventKind.LINK).map(TimelineEvent::text).toList();
    }

    private Set<String> jobs() throws Exception {
        return quartz.getJobKeys(GroupMatcher.jobGroupEquals(SHOW)).stream().map(JobKey::getName)
                .filter(name -> name.contains("|claim:"))
                .collect(Collectors.toSet());
    }

    private static String notice(LinkClaim claim) {
        return ClaimNotice.subject(claim) + "|" + CallPing.claim(claim.id());
    }

    private static String ref(String personKey) {
        return Call.ref(personKey);
    }

    @Test
    @DisplayName("a claim is kept pending, said on the timeline and put before the producers")
    void claimAsks() {
        Claims.Outcome outcome = claim(ref(SIOBHAN_KEY), SIOBHAN);

        assertThat(outcome).isInstanceOfSatisfying(Claims.Outcome.Asked.class, asked -> {
            assertThat(asked.claim().personKey()).isEqualTo(SIOBHAN_KEY);
            assertThat(asked.claim().personLabel()).isEqualTo(SIOBHAN_LINE);
            assertThat(asked.claim().userId()).isEqualTo(SIOBHAN);
            assertThat(asked.claim().claimedAt()).isEqualTo(NOW);
            assertThat(asked.claim().isPending()).isTrue();
        });
        long id = ((Claims.Outcome.Asked) outcome).claim().id();
        assertThat(claims.find(id)).hasValueSatisfying(c -> assertThat(c.isPending()).isTrue());
        assertThat(asked).containsExactly(new Asked(id, false));
        assertThat(linkEvents()).containsExactly("<@" + SIOBHAN + "> claims to be " + SIOBHAN_LINE
                + ": waiting for a producer");
        assertThat(links()).isEmpty();
    }

    @Test
    @DisplayName("a line may be named as typed: by name, label or account, whatever the case and accents")
    void typedNames() {
        assertThat(Claims.find(claims.roster(SHOW).orElseThrow(), "siobhan KELLY")).map(Person::key)
                .contains(SIOBHAN_KEY);
        assertThat(Claims.find(claims.roster(SHOW).orElseThrow(), "@Siobhan.Kelly")).map(Person::key)
                .contains(SIOBHAN_KEY);
        assertThat(Claims.find(claims.roster(SHOW).orElseThrow(), SIOBHAN_LINE)).map(Person::key)
                .contains(SIOBHAN_KEY);
        assertThat(Claims.find(claims.roster(SHOW).orElseThrow(), "  ")).isEmpty();
    }

    @Test
    @DisplayName("a name nobody on the roster has is refused with the closest ones, and nothing is kept")
    void unknownLine() {
        Claims.Outcome outcome = claim("Siobhan Kely", SIOBHAN);

        assertThat(outcome).isInstanceOfSatisfying(Claims.Outcome.UnknownLine.class, unknown ->
                assertThat(unknown.suggestions()).startsWith("Siobhan Kelly"));
        assertThat(asked).isEmpty();
        assertThat(linkEvents()).isEmpty();
    }

    @Test
    @DisplayName("the line that is already theirs asks nobody")
    void alreadyYours() {
        Claims.Outcome outcome = claim(ref(String.valueOf(PRIYA)), PRIYA);

        assertThat(outcome).isInstanceOfSatisfying(Claims.Outcome.AlreadyYours.class, yours ->
                assertThat(yours.person().label()).isEqualTo("Priya Shah (Hair)"));
        assertThat(asked).isEmpty();
        assertThat(linkEvents()).isEmpty();
    }

    @Test
    @DisplayName("a line someone else is on may be claimed: producers decide")
    void someoneElsesLine() {
        Claims.Outcome outcome = claim(ref(String.valueOf(PRIYA)), STRANGER);

        assertThat(outcome).isInstanceOf(Claims.Outcome.Asked.class);
        assertThat(asked).hasSize(1);
    }

    @Test
    @DisplayName("the same line claimed again while it waits is not asked twice; a fourth line waiting is too many")
    void waitingClaims() {
        LinkClaim first = claimed(ref(SIOBHAN_KEY), STRANGER);

        Claims.Outcome again = claim("Siobhan Kelly", STRANGER);
        claimed(ref("@tom.wu"), STRANGER);
        claimed(ref("@uma.rao"), STRANGER);
        Claims.Outcome fourth = claim(ref("@vic.lee"), STRANGER);
        Claims.Outcome byAnother = claim(ref("@vic.lee"), SIOBHAN);

        assertThat(again).isEqualTo(new Claims.Outcome.AlreadyWaiting(first));
        assertThat(fourth).isInstanceOfSatisfying(Claims.Outcome.TooMany.class, many ->
                assertThat(many.waiting()).hasSize(Claims.MAX_WAITING));
        assertThat(byAnother).isInstanceOf(Claims.Outcome.Asked.class);
        assertThat(asked).hasSize(4);
    }

    @Test
    @DisplayName("approved, the line is linked to the claimant by the producer, the show's people are found again "
            + "and the claimant's answer is scheduled")
    void approve() throws Exception {
        LinkClaim claim = claimed(ref(SIOBHAN_KEY), SIOBHAN);

        Claims.Decision decision = claims.approve(claim.id(), PRODUCER);

        assertThat(decision).isInstanceOfSatisfying(Claims.Decision.Approved.class, approved -> {
            assertThat(approved.claim().status()).isEqualTo(LinkClaim.Status.APPROVED);
            assertThat(approved.claim().decidedBy()).hasValue(PRODUCER);
        });
        assertThat(links()).isEqualTo(Map.of(SIOBHAN_KEY, SIOBHAN));
        assertThat(linkEvents()).last().isEqualTo(SIOBHAN_LINE + " linked to <@" + SIOBHAN
                + ">: claimed with /iam, approved by <@" + PRODUCER + ">");
        assertThat(rescheduled).containsExactly(SHOW);
        assertThat(show().call("crew:hair:" + SIOBHAN_KEY)).hasValueSatisfying(call ->
                assertThat(call.userId()).isEqualTo(OptionalLong.of(SIOBHAN)));
        assertThat(jobs()).containsExactly(notice(claim));
    }

    @Test
    @DisplayName("refused, nothing is linked, the timeline says who refused, and the claimant's answer is scheduled")
    void refuse() throws Exception {
        LinkClaim claim = claimed(ref(SIOBHAN_KEY), STRANGER);

        Claims.Decision decision = claims.refuse(claim.id(), PRODUCER);

        assertThat(decision).isInstanceOfSatisfying(Claims.Decision.Refused.class, refused ->
                assertThat(refused.claim().status()).isEqualTo(LinkClaim.Status.REFUSED));
        assertThat(links()).isEmpty();
        assertThat(rescheduled).isEmpty();
        assertThat(linkEvents()).last().isEqualTo("<@" + STRANGER + ">'s claim to be " + SIOBHAN_LINE
                + " refused by <@" + PRODUCER + ">");
        assertThat(jobs()).containsExactly(notice(claim));
    }

    @Test
    @DisplayName("a second click, approving or refusing, decides nothing and says who decided")
    void decidedOnce() {
        LinkClaim claim = claimed(ref(SIOBHAN_KEY), SIOBHAN);
        claims.approve(claim.id(), PRODUCER);
        int events = linkEvents().size();

        Claims.Decision again = claims.approve(claim.id(), OTHER_PRODUCER);
        Claims.Decision refused = claims.refuse(claim.id(), OTHER_PRODUCER);

        assertThat(List.of(again, refused)).allSatisfy(d -> assertThat(d).isInstanceOfSatisfying(
                Claims.Decision.AlreadyDecided.class, already -> {
                    assertThat(already.claim().status()).isEqualTo(LinkClaim.Status.APPROVED);
                    assertThat(already.claim().decidedBy()).hasValue(PRODUCER);
                }));
        assertThat(linkEvents()).hasSize(events);
        assertThat(rescheduled).hasSize(1);
    }

    @Test
    @DisplayName("approving a line linked to the claimant meanwhile links nothing again, and says so")
    void approvedWhenLinkedAlready() {
        LinkClaim claim = claimed(ref(SIOBHAN_KEY), SIOBHAN);
        db.database().runInTransaction(c -> new LinkRepository().link(c, SHOW, SIOBHAN_KEY, SIOBHAN, OTHER_PRODUCER,
                NOW));

        Claims.Decision decision = claims.approve(claim.id(), PRODUCER);

        assertThat(decision).isInstanceOf(Claims.Decision.Approved.class);
        assertThat(linkEvents()).last().isEqualTo("<@" + SIOBHAN + ">'s claim to be " + SIOBHAN_LINE
                + " approved by <@" + PRODUCER + ">; linked already");
        assertThat(rescheduled).isEmpty();
    }

    @Test
    @DisplayName("an unknown claim decides nothing")
    void unknownClaim() {
        assertThat(claims.approve(404, PRODUCER)).isInstanceOf(Claims.Decision.Failed.class);
        assertThat(claims.refuse(404, PRODUCER)).isInstanceOf(Claims.Decision.Failed.class);
        assertThat(links()).isEmpty();
    }

    @Test
    @DisplayName("reconciling asks again, in doubt, for a claim whose message was not recorded, and tells a claimant "
            + "not told yet, once")
    void reconcile() throws Exception {
        LinkClaim waiting = claimed(ref("@tom.wu"), STRANGER);
        LinkClaim posted = claimed(ref("@uma.rao"), STRANGER);
        LinkClaim decided = claimed(ref(SIOBHAN_KEY), SIOBHAN);
        LinkClaim told = claimed(ref("@vic.lee"), SIOBHAN);
        db.database().runInTransaction(c -> {
            LinkClaimRepository repository = new LinkClaimRepository();
            repository.markAsked(c, posted.id(), 1190000000000009001L);
            // decided, as by a run that stopped before it scheduled the notice
            repository.decide(c, decided.id(), LinkClaim.Status.REFUSED, PRODUCER, NOW);
            repository.decide(c, told.id(), LinkClaim.Status.REFUSED, PRODUCER, NOW);
            CallPingRepository pings = new CallPingRepository();
            pings.claim(c, SHOW, ClaimNotice.subject(told), CallPing.claim(told.id()), NOW, NOW);
            pings.complete(c, SHOW, ClaimNotice.subject(told), CallPing.claim(told.id()), NOW, Duration.ZERO,
                    PingOutcome.DM, Optional.empty());
        });
        asked.clear();

        claims.reconcile(show());

        assertThat(asked).containsExactly(new Asked(waiting.id(), true));
        assertThat(jobs()).containsExactly(notice(decided));
    }
}

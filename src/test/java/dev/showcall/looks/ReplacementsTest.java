package dev.showcall.looks;

import static dev.showcall.backstage.TwelveLooks.ANYA;
import static dev.showcall.backstage.TwelveLooks.DANA;
import static dev.showcall.backstage.TwelveLooks.EVA;
import static dev.showcall.backstage.TwelveLooks.FAY;
import static dev.showcall.backstage.TwelveLooks.GIA;
import static dev.showcall.backstage.TwelveLooks.GIA_USER;
import static dev.showcall.backstage.TwelveLooks.HANA;
import static dev.showcall.backstage.TwelveLooks.ROSA;
import static dev.showcall.backstage.TwelveLooks.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.Replacement;
import dev.showcall.calls.CallScheduler;
import dev.showcall.calls.PingJobFactory;
import dev.showcall.calls.QuartzSchedulers;
import dev.showcall.calls.ReplacementNotice;
import dev.showcall.looks.Replacements.Delivery;
import dev.showcall.looks.Replacements.Notice;
import dev.showcall.looks.Replacements.Outcome;
import dev.showcall.looks.Replacements.Way;
import dev.showcall.show.QuickChange;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.FreshDatabase;
import dev.showcall.store.ReplacementRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;

@DisplayName("Replacing a model")
class ReplacementsTest {

    private static final Instant NOW = Instant.parse("2027-02-21T16:40:00Z");
    private static final long PRODUCER = 1190000000000000502L;

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    private final LooksDatabase day = new LooksDatabase(db);
    private Scheduler quartz;
    private CallScheduler scheduler;

    @BeforeEach
    void saveShowAndStandbyScheduler() throws Exception {
        day.save();
        // not started: nothing fires, the job store is what is checked
        quartz = QuartzSchedulers.create(db.database().dataSource(), new PingJobFactory());
        scheduler = new CallScheduler(quartz, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void shutdown() {
        scheduler.shutdown();
    }

    private Replacements replacements() {
        return new Replacements(db.database(), new Lineups(db.database()), new ReplacementRepository(),
                new CallPingRepository(), new TimelineEventRepository(), () -> scheduler, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Outcome replace(String model, String with) {
        return replacements().replace(day.show(), model, with, PRODUCER);
    }

    private Set<String> jobs() throws Exception {
        return quartz.getJobKeys(GroupMatcher.jobGroupEquals(day.id())).stream().map(JobKey::getName)
                .collect(Collectors.toSet());
    }

    private List<Replacement> stored() {
        return db.inTransaction(c -> new ReplacementRepository().forShow(c, day.id()));
    }

    /** {@code ping} to {@code subject} went out an hour ago, as {@code outcome}. */
    private void sent(String subject, String ping, PingOutcome outcome) {
        Instant at = NOW.minus(Duration.ofHours(1));
        db.database().runInTransaction(c -> {
            CallPingRepository pings = new CallPingRepository();
            pings.claim(c, day.id(), subject, ping, at, at);
            pings.complete(c, day.id(), subject, ping, at, Duration.ZERO, outcome, Optional.empty());
        });
    }

    private static String notice(long user, Replacement r) {
        return ReplacementNotice.subject(user) + "|" + CallPing.replaced(r.id());
    }

    @Test
    @DisplayName("stores who replaces whom in which looks, with one event, and tells the dressers and her")
    void replaces() throws Exception {
        // given nothing walked and Gia was not called yet
        // when a producer replaces Anya with Gia
        Outcome outcome = replace(ANYA, GIA);

        // then Gia takes all three looks, is called now, and the timeline says so
        assertThat(outcome).isInstanceOf(Outcome.Replaced.class);
        Outcome.Replaced replaced = (Outcome.Replaced) outcome;
        Replacement r = replaced.replacement();
        assertThat(r.model()).isEqualTo(ANYA);
        assertThat(r.replacedBy()).isEqualTo(GIA);
        assertThat(r.looks()).containsExactly(1, 6, 11);
        assertThat(r.decidedBy()).isEqualTo(PRODUCER);
        assertThat(replaced.notices()).containsExactly(new Notice(SAM, Way.DM), new Notice(ROSA, Way.DM),
                new Notice(GIA_USER, Way.DM));
        assertThat(replaced.withoutDiscord()).isFalse();
        assertThat(replaced.called()).isTrue();
        assertThat(replaced.quickChanges()).isEmpty();
        assertThat(stored()).containsExactly(r);
        assertThat(day.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.REPLACEMENT);
            assertThat(e.actorUserId()).isEqualTo(OptionalLong.of(PRODUCER));
            assertThat(e.subject()).contains("model:Gia Sol");
            assertThat(e.text()).isEqualTo("🔁 Gia Sol replaces Anya Petrova in looks 1, 6, 11. Called now.");
        });
        // and a notice for each of them, and her call, are due now
        assertThat(jobs()).containsExactlyInAnyOrder(notice(SAM, r), notice(ROSA, r), notice(GIA_USER, r),
                "model:Gia Sol|call");
    }

    @Test
    @DisplayName("says a notice goes to the calls channel for someone whose last message could not go by DM")
    void closedDms() {
        // given Rosa's call went to the calls channel this afternoon: her DMs are closed
        String rosasCall = day.show().sheet().calls().stream()
                .filter(c -> c.userId().isPresent() && c.userId().getAsLong() == ROSA).findFirst().orElseThrow().key();
        sent(rosasCall, CallPing.CALL, PingOutcome.CHANNEL);

        // when Gia replaces Anya, whose looks 6 and 11 Rosa dresses
        Outcome outcome = replace(ANYA, GIA);

        // then Rosa is to be told in the calls channel, the others by DM
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Replaced.class, r -> assertThat(r.notices())
                .containsExactly(new Notice(SAM, Way.DM), new Notice(ROSA, Way.CALLS_CHANNEL), new Notice(GIA_USER, Way.DM)));
    }

    @Test
    @DisplayName("does not call a standby without a Discord account, and says she is to be told in person")
    void withoutDiscord() throws Exception {
        // when Hana, a standby with no Discord account, replaces Fay (look 12, dressed by Sam)
        Outcome outcome = replace(FAY, HANA);

        // then only Sam is sent a notice, Hana is not called, and the timeline says to tell her in person
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Replaced.class, r -> {
            assertThat(r.notices()).containsExactly(new Notice(SAM, Way.DM));
            assertThat(r.withoutDiscord()).isTrue();
            assertThat(r.called()).isFalse();
        });
        Replacement r = stored().get(0);
        assertThat(jobs()).containsExactly(notice(SAM, r));
        assertThat(day.events()).singleElement().satisfies(e -> assertThat(e.text())
                .isEqualTo("🔁 Hana Ito replaces Fay Roux in look 12. Hana Ito has no Discord account: tell her in person."));
    }

    @Test
    @DisplayName("tells how each notice went once it has, and which are still on their way")
    void deliveries() {
        // given Gia replaced Anya; Sam's notice went by DM, Rosa's to the calls channel, Gia's not yet
        Replacement r = ((Outcome.Replaced) replace(ANYA, GIA)).replacement();
        sent(ReplacementNotice.subject(SAM), CallPing.replaced(r.id()), PingOutcome.DM);
        sent(ReplacementNotice.subject(ROSA), CallPing.replaced(r.id()), PingOutcome.CHANNEL);

        // when the deliveries are read
        List<Delivery> deliveries = replacements().deliveries(day.show(), r);

        // then
        assertThat(deliveries).containsExactly(new Delivery(SAM, Optional.of(Way.DM)),
                new Delivery(ROSA, Optional.of(Way.CALLS_CHANNEL)), new Delivery(GIA_USER, Optional.empty()));
    }

    @Test
    @DisplayName("does not call her again when her call went out already")
    void alreadyCalled() throws Exception {
        // given Gia's call went out this afternoon
        db.database().runInTransaction(c -> {
            CallPingRepository pings = new CallPingRepository();
            Instant called = NOW.minus(Duration.ofHours(1));
            pings.claim(c, day.id(), "model:Gia Sol", CallPing.CALL, called, called);
            pings.complete(c, day.id(), "model:Gia Sol", CallPing.CALL, called, Duration.ZERO, PingOutcome.DM,
                    Optional.empty());
        });

        // when she replaces Fay
        Outcome outcome = replace(FAY, GIA);

        // then she is told of her look but not called again
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Replaced.class, r -> assertThat(r.called()).isFalse());
        assertThat(day.events()).singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("🔁 Gia Sol replaces Fay Roux in look 12."));
        assertThat(jobs()).doesNotContain("model:Gia Sol|call");
    }

    @Test
    @DisplayName("warns of a new quick change under the threshold")
    void quickChange() {
        // when Eva (look 10) replaces Fay (look 12)
        Outcome outcome = replace(FAY, EVA);

        // then it is done, with the warning
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Replaced.class, r -> assertThat(r.quickChanges())
                .containsExactly(new QuickChange(EVA, 10, 12, Duration.ofMinutes(1), true)));
        assertThat(day.events()).singleElement().satisfies(e -> assertThat(e.text())
                .endsWith("⚠️ New quick change: looks 10 → 12 with 1m between them."));
    }

    @Test
    @DisplayName("refuses a replacement the lineup refuses, writing and scheduling nothing")
    void refused() throws Exception {
        // when Eva is asked to replace Dana, straight before each of her own looks
        Outcome outcome = replace(DANA, EVA);

        // then it is refused with the reason, and nothing changed
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).startsWith("Eva Lund already walks a look too close"));
        assertThat(stored()).isEmpty();
        assertThat(day.events()).isEmpty();
        assertThat(jobs()).isEmpty();
    }

    @Test
    @DisplayName("finds the models whatever the case typed, and suggests names for one it does not know")
    void names() {
        // when names are typed loosely, or wrong
        Outcome unknown = replace("Anya Petrva", GIA);
        Outcome loose = replace(" anya petrova", "GIA SOL ");

        // then the wrong one gets suggestions and the loose ones are found
        assertThat(unknown).isInstanceOfSatisfying(Outcome.UnknownModel.class,
                u -> assertThat(u.suggestions()).first().isEqualTo(ANYA));
        assertThat(loose).isInstanceOfSatisfying(Outcome.Replaced.class,
                r -> assertThat(r.replacement().replacedBy()).isEqualTo(GIA));
    }

    @Test
    @DisplayName("after a restart, schedules the notices of a replacement that were not sent, and only those")
    void resumesNotices() throws Exception {
        // given Gia replaced Anya in 6 and 11 before a restart, and Rosa's notice went out
        day.replaced(ANYA, GIA, List.of(6, 11), NOW.minusSeconds(60));
        Replacement r = stored().get(0);
        db.database().runInTransaction(c -> new CallPingRepository().claim(c, day.id(), ReplacementNotice.subject(ROSA),
                CallPing.replaced(r.id()), NOW.minusSeconds(60), NOW.minusSeconds(60)));

        // when the notices are resumed
        replacements().resumeNotices(day.show());

        // then only Gia's is scheduled
        assertThat(jobs()).containsExactly(notice(GIA_USER, r));
    }
}

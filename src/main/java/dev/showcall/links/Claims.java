package dev.showcall.links;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.calls.CallScheduler;
import dev.showcall.calls.ClaimNotice;
import dev.showcall.calls.Reconciliation;
import dev.showcall.roster.LinkClaim;
import dev.showcall.roster.Person;
import dev.showcall.roster.Roster;
import dev.showcall.show.Call;
import dev.showcall.show.Closest;
import dev.showcall.show.Names;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.Database;
import dev.showcall.store.LinkClaimRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.text.UserText;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crew and models claiming their own line of a show's roster ({@code /iam}). A claim grants what a link does
 * (their calls by DM, their department's rights on {@code /look}), so it waits for one producer's click: it is
 * kept in the database, put before the producers in the show's timeline channel, and decided once. Approved,
 * it links the line to the claimant; either way the claimant is told by a notice of the ping table. What a
 * crash leaves undone (producers not asked yet, a claimant not told yet) is done by the next reconciliation.
 */
public final class Claims implements Reconciliation.Step {

    /**
     * How many lines one person may have waiting at once in a show: everyone has one line, and each claim is a
     * message to producers, which nobody should be able to flood.
     */
    public static final int MAX_WAITING = 3;
    /** Close names suggested for a name nobody on the roster has. */
    static final int SUGGESTIONS = 3;
    /** The line is kept as it was chosen, within what its column holds. */
    static final int LABEL_LENGTH = 300;

    private static final Logger log = LoggerFactory.getLogger(Claims.class);

    private final Database database;
    private final LinkClaimRepository claims;
    private final CallPingRepository pings;
    private final TimelineEventRepository timeline;
    private final Links links;
    private final Supplier<CallScheduler> scheduler;
    private final Producers producers;
    private final Clock clock;

    /** Puts a claim before the show's producers, with Approve and Refuse; the Discord side implements it. */
    @FunctionalInterface
    public interface Producers {

        /**
         * Hands the claim over to be posted, and returns at once; once posted, its message is recorded
         * ({@link LinkClaimRepository#markAsked}). A claim already on its way is left to it.
         *
         * @param inDoubt whether it may have been posted before (by an earlier run that stopped before recording
         *                its message): looked for before it is posted again
         */
        void ask(LinkClaim claim, boolean inDoubt);
    }

    /** What became of {@code /iam}. */
    public sealed interface Outcome {

        /** Kept, and on its way to the producers. */
        record Asked(LinkClaim claim) implements Outcome {
        }

        /** The line is theirs already: nothing to ask. */
        record AlreadyYours(Person person) implements Outcome {
        }

        /** They claimed this line before, and it still waits for a producer. */
        record AlreadyWaiting(LinkClaim claim) implements Outcome {
        }

        /** They have {@link #MAX_WAITING} claims waiting already. */
        record TooMany(List<LinkClaim> waiting) implements Outcome {
        }

        /** No line of the roster is called that. */
        record UnknownLine(String typed, List<String> suggestions) implements Outcome {
        }

        /** It could not be asked; {@code reason} says why. Nothing was kept. */
        record Failed(String reason) implements Outcome {
        }
    }

    /** What became of a producer's click. */
    public sealed interface Decision {

        /** The line is now linked to the claimant (or was already). */
        record Approved(LinkClaim claim) implements Decision {
        }

        record Refused(LinkClaim claim) implements Decision {
        }

        /** Someone approved or refused it already: nothing more was done. */
        record AlreadyDecided(LinkClaim claim) implements Decision {
        }

        /** It could not be done; {@code reason} says why, for the producer. Nothing was changed. */
        record Failed(String reason) implements Decision {
        }
    }

    /** @param scheduler sends the claimant's notice; read when one is due, as it is built after this */
    public Claims(Database database, LinkClaimRepository claims, CallPingRepository pings,
                  TimelineEventRepository timeline, Links links, Supplier<CallScheduler> scheduler, Producers producers,
                  Clock clock) {
        this.database = database;
        this.claims = claims;
        this.pings = pings;
        this.timeline = timeline;
        this.links = links;
        this.scheduler = scheduler;
        this.producers = producers;
        this.clock = clock;
    }

    public Optional<LinkClaim> find(long claimId) {
        return database.inTransaction(c -> claims.find(c, claimId));
    }

    /** The show's roster as it runs now: for choosing a line. */
    public Optional<Roster> roster(String showId) {
        return links.roster(showId);
    }

    /**
     * {@code userId} says the line {@code value} names (a person's {@link Call#ref}, as a choice sends it, or a
     * name typed) is theirs. Kept pending, with its timeline event, and handed to the producers. Whoever the line
     * is linked to now is for producers to see, not the claimant. One claim at a time, so that a double command
     * keeps one.
     */
    public synchronized Outcome claim(PlannedShow show, String value, long userId) {
        Optional<Roster> roster = links.roster(show.id());
        if (roster.isEmpty()) {
            return new Outcome.Failed("This show is no longer running.");
        }
        Optional<Person> found = find(roster.get(), value);
        if (found.isEmpty()) {
            return new Outcome.UnknownLine(value, Closest.ranked(value,
                    roster.get().people().stream().map(Person::name).distinct().toList(), SUGGESTIONS));
        }
        Person person = found.get();
        if (person.userId().equals(OptionalLong.of(userId))) {
            return new Outcome.AlreadyYours(person);
        }
        Instant now = clock.instant();
        String label = UserText.cut(person.label(), LABEL_LENGTH);
        Outcome outcome = database.inTransaction(c -> {
            List<LinkClaim> waiting = claims.pending(c, show.id()).stream().filter(k -> k.userId() == userId).toList();
            Optional<LinkClaim> same = waiting.stream().filter(k -> k.personKey().equals(person.key())).findFirst();
            if (same.isPresent()) {
                return new Outcome.AlreadyWaiting(same.get());
            }
            if (waiting.size() >= MAX_WAITING) {
                return new Outcome.TooMany(waiting);
            }
            LinkClaim claim = claims.add(c, show.id(), person.key(), label, userId, now);
            timeline.append(c, TimelineEvent.of(show.id(), now, EventKind.LINK, OptionalLong.of(userId),
                    Optional.of(person.key()), "<@" + userId + "> claims to be " + UserText.inline(label)
                            + ": waiting for a producer"));
            return new Outcome.Asked(claim);
        });
        if (outcome instanceof Outcome.Asked asked) {
            log.info("Show {}: user {} claims to be {} (claim {})", show.id(), userId, person.key(), asked.claim().id());
            ask(asked.claim(), false);
        }
        return outcome;
    }

    /** The person a chosen value ({@link Call#ref}) or a typed name, label or account names. */
    static Optional<Person> find(Roster roster, String value) {
        String typed = value.strip();
        if (Call.isRef(typed)) {
            Optional<Person> byRef = roster.byRef(typed);
            if (byRef.isPresent()) {
                return byRef;
            }
        }
        String wanted = Names.key(typed);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        return roster.people().stream()
                .filter(p -> Names.key(p.name()).equals(wanted) || Names.key(p.label()).equals(wanted)
                        || p.account().map(a -> a.ref().equalsIgnoreCase(typed)).orElse(false))
                .findFirst();
    }

    /**
     * Approves a pending claim: the line is linked to the claimant, with the producer as who linked it, in the
     * transaction that decides the claim; then the show's people are found again and the claimant is told.
     */
    public Decision approve(long claimId, long by) {
        Optional<LinkClaim> found = find(claimId);
        if (found.isEmpty()) {
            return new Decision.Failed("This claim is no longer known; nothing was changed.");
        }
        LinkClaim claim = found.get();
        if (!claim.isPending()) {
            return new Decision.AlreadyDecided(claim);
        }
        Optional<Person> person = links.roster(claim.showId()).flatMap(r -> r.people().stream()
                .filter(p -> p.key().equals(claim.personKey())).findFirst());
        if (person.isEmpty()) {
            return new Decision.Failed(UserText.inline(claim.personLabel()) + " is no longer on the roster of this show,"
                    + " so nothing can be linked: refuse the claim.");
        }
        Instant now = clock.instant();
        Optional<Links.Linked> linked = database.inTransaction(c -> {
            if (!claims.decide(c, claimId, LinkClaim.Status.APPROVED, by, now)) {
                return Optional.empty();
            }
            Links.Linked result = links.linkIn(c, claim.showId(), claim.personKey(), person.get().label(),
                    claim.userId(), by, ": claimed with /iam, approved by <@" + by + ">");
            if (result == Links.Linked.ALREADY) {
                event(c, claim, by, now, "approved by <@" + by + ">; linked already");
            }
            return Optional.of(result);
        });
        LinkClaim decided = find(claimId).orElse(claim);
        if (linked.isEmpty()) {
            return new Decision.AlreadyDecided(decided);
        }
        log.info("Show {}: claim {} of {} by user {} approved by user {}", claim.showId(), claimId, claim.personKey(),
                claim.userId(), by);
        if (linked.get() == Links.Linked.LINKED) {
            links.refresh(claim.showId());
        }
        tell(decided);
        return new Decision.Approved(decided);
    }

    /** Refuses a pending claim: nothing is linked, and the claimant is told. */
    public Decision refuse(long claimId, long by) {
        Optional<LinkClaim> found = find(claimId);
        if (found.isEmpty()) {
            return new Decision.Failed("This claim is no longer known; nothing was changed.");
        }
        LinkClaim claim = found.get();
        Instant now = clock.instant();
        boolean refused = database.inTransaction(c -> {
            if (!claims.decide(c, claimId, LinkClaim.Status.REFUSED, by, now)) {
                return false;
            }
            event(c, claim, by, now, "refused by <@" + by + ">");
            return true;
        });
        LinkClaim decided = find(claimId).orElse(claim);
        if (!refused) {
            return new Decision.AlreadyDecided(decided);
        }
        log.info("Show {}: claim {} of {} by user {} refused by user {}", claim.showId(), claimId, claim.personKey(),
                claim.userId(), by);
        tell(decided);
        return new Decision.Refused(decided);
    }

    private void event(Connection c, LinkClaim claim, long by, Instant now, String what) {
        timeline.append(c, TimelineEvent.of(claim.showId(), now, EventKind.LINK, OptionalLong.of(by),
                Optional.of(claim.personKey()), "<@" + claim.userId() + ">'s claim to be "
                        + UserText.inline(claim.personLabel()) + " " + what));
    }

    /**
     * Puts every claim still waiting and not yet before the producers before them, and tells every claimant whose
     * claim was decided and who has not been told: after a crash, or a failure to post or schedule.
     */
    @Override
    public void reconcile(PlannedShow show) {
        record Owed(List<LinkClaim> asks, List<LinkClaim> notices) {
        }
        Owed owed = database.inTransaction(c -> {
            List<LinkClaim> all = claims.forShow(c, show.id());
            if (all.isEmpty()) {
                return new Owed(List.of(), List.of());
            }
            Set<String> recorded = pings.forShow(c, show.id()).stream()
                    .map(p -> p.callKey() + "|" + p.ping())
                    .collect(Collectors.toSet());
            return new Owed(
                    all.stream().filter(k -> k.isPending() && k.messageId().isEmpty()).toList(),
                    all.stream().filter(k -> !k.isPending())
                            .filter(k -> !recorded.contains(ClaimNotice.subject(k) + "|" + CallPing.claim(k.id())))
                            .toList());
        });
        owed.asks().forEach(claim -> ask(claim, true));
        owed.notices().forEach(this::tell);
    }

    private void ask(LinkClaim claim, boolean inDoubt) {
        try {
            producers.ask(claim, inDoubt);
        } catch (RuntimeException e) {
            // kept: the next reconciliation asks again
            log.warn("Show {}: could not put claim {} before the producers yet", claim.showId(), claim.id(), e);
        }
    }

    /** Schedules the claimant's notice, unless the ping table has it already. */
    private void tell(LinkClaim claim) {
        String subject = ClaimNotice.subject(claim);
        String ping = CallPing.claim(claim.id());
        boolean recorded = database.inTransaction(c -> pings.find(c, claim.showId(), subject, ping)).isPresent();
        if (recorded) {
            return;
        }
        try {
            scheduler.get().sendNow(claim.showId(), subject, ping);
        } catch (SchedulerException e) {
            // the decision is stored: the next reconciliation schedules the notice
            log.error("Show {}: could not schedule the answer to claim {} yet", claim.showId(), claim.id(), e);
        }
    }
}

package dev.showcall.looks;

import dev.showcall.text.UserText;
import dev.showcall.backstage.Arrivals;
import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.Lineup;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.Replacement;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.calls.CallScheduler;
import dev.showcall.calls.ClosedDms;
import dev.showcall.calls.ReplacementNotice;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Closest;
import dev.showcall.show.Model;
import dev.showcall.show.QuickChange;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.Database;
import dev.showcall.store.ReplacementRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model replaced on the day: whoever replaces her takes over her looks still to walk, their
 * dressers are told, and she is called at once if she has not been.
 */
public final class Replacements {

    private static final Logger log = LoggerFactory.getLogger(Replacements.class);

    private final Database database;
    private final Lineups lineups;
    private final ReplacementRepository replacements;
    private final CallPingRepository pings;
    private final TimelineEventRepository timeline;
    private final Supplier<CallScheduler> scheduler;
    private final Clock clock;

    public Replacements(Database database, Lineups lineups, ReplacementRepository replacements,
                        CallPingRepository pings, TimelineEventRepository timeline, Supplier<CallScheduler> scheduler,
                        Clock clock) {
        this.database = database;
        this.lineups = lineups;
        this.replacements = replacements;
        this.pings = pings;
        this.timeline = timeline;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** How someone hears of a replacement. */
    public enum Way {
        /** A direct message. */
        DM,
        /** A mention in the show's calls channel, as their DMs are closed. */
        CALLS_CHANNEL
    }

    /**
     * A notice of a replacement to one person. It goes out through the ping table just after the
     * replacement is stored, so when the replacement is answered it is on its way, not delivered:
     * {@code way} is how it is being sent, in the calls channel when the last message showcall sent
     * them could not go by DM ({@link ClosedDms}).
     */
    public record Notice(long userId, Way way) {
    }

    /** How a notice went, once it has: {@code way} is empty while it is still on its way. */
    public record Delivery(long userId, Optional<Way> way) {

        public boolean delivered() {
            return way.isPresent();
        }
    }

    public sealed interface Outcome {

        /**
         * @param quickChanges   her new changes under the show's threshold, to warn about
         * @param notices        the people being told (dressers, and her), and how
         * @param withoutDiscord whoever replaces has no Discord account in the show file: nobody
         *                       can message her, PR tells her in person
         * @param called         she had not been called and her call is being made now
         */
        record Replaced(Replacement replacement, List<QuickChange> quickChanges, List<Notice> notices,
                        boolean withoutDiscord, boolean called) implements Outcome {

            public Replaced {
                quickChanges = List.copyOf(quickChanges);
                notices = List.copyOf(notices);
            }
        }

        record Refused(String reason) implements Outcome {
        }

        record UnknownModel(String typed, List<String> suggestions) implements Outcome {
        }
    }

    public Outcome replace(PlannedShow show, String typedModel, String typedWith, long by) {
        Optional<Model> model = show.modelNamed(typedModel);
        if (model.isEmpty()) {
            return unknown(show, typedModel);
        }
        Optional<Model> with = show.modelNamed(typedWith);
        if (with.isEmpty()) {
            return unknown(show, typedWith);
        }
        Instant now = clock.instant();
        String withKey = CallPlanner.modelKey(with.get().name());
        Outcome outcome = database.inTransaction(c -> {
            Lineup lineup = lineups.of(c, show);
            Lineup.ReplacementPlan plan = lineup.planReplacement(model.get().name(), with.get().name());
            if (plan instanceof Lineup.ReplacementPlan.Refused refused) {
                return new Outcome.Refused(refused.reason());
            }
            Lineup.ReplacementPlan.Allowed allowed = (Lineup.ReplacementPlan.Allowed) plan;
            Optional<Replacement> stored = replacements.add(c, new Replacement(Replacement.UNSTORED, show.id(),
                    model.get().name(), with.get().name(), allowed.looks(), now, by));
            if (stored.isEmpty()) {
                return new Outcome.Refused(UserText.inline(model.get().name())
                        + " was replaced a moment ago by someone else.");
            }
            boolean withoutDiscord = with.get().userId().isEmpty();
            // a model without Discord has a call on the sheet, but PR marks her in: nothing is sent to her
            boolean toCall = !withoutDiscord && show.call(withKey).isPresent() && !pings.isCallSent(c, show.id(), withKey);
            Set<Long> closed = ClosedDms.of(show, pings.forShow(c, show.id()));
            List<Notice> notices = ReplacementNotice.recipients(show, stored.get()).stream()
                    .map(user -> new Notice(user, closed.contains(user) ? Way.CALLS_CHANNEL : Way.DM))
                    .toList();
            timeline.append(c, TimelineEvent.of(show.id(), now, EventKind.REPLACEMENT, OptionalLong.of(by),
                    Optional.of(withKey), text(stored.get(), allowed.newQuickChanges(), toCall, withoutDiscord)));
            return new Outcome.Replaced(stored.get(), allowed.newQuickChanges(), notices, withoutDiscord, toCall);
        });
        if (outcome instanceof Outcome.Replaced replaced) {
            tell(show, replaced.replacement());
            if (replaced.called()) {
                call(show, withKey);
            }
        }
        return outcome;
    }

    /** How each notice of {@code replacement} went so far, in the order of its recipients. */
    public List<Delivery> deliveries(PlannedShow show, Replacement replacement) {
        String ping = CallPing.replaced(replacement.id());
        return database.inTransaction(c -> ReplacementNotice.recipients(show, replacement).stream()
                .map(user -> new Delivery(user, pings.find(c, show.id(), ReplacementNotice.subject(user), ping)
                        .flatMap(CallPing::outcome).flatMap(Replacements::way)))
                .toList());
    }

    private static Optional<Way> way(PingOutcome outcome) {
        return switch (outcome) {
            case DM -> Optional.of(Way.DM);
            case CHANNEL -> Optional.of(Way.CALLS_CHANNEL);
            case EMAIL, BY_NAME, ROLE, DROPPED -> Optional.empty();
        };
    }

    /**
     * Schedules every replacement notice not sent yet: after a restart, those that were decided but
     * whose notices had not gone out are sent now. Sending is idempotent, so a notice already on
     * its way is not sent twice.
     */
    public void resumeNotices(PlannedShow show) {
        List<Replacement> all = database.inTransaction(c -> replacements.forShow(c, show.id()));
        all.forEach(r -> tell(show, r));
    }

    private void tell(PlannedShow show, Replacement replacement) {
        String ping = CallPing.replaced(replacement.id());
        for (long user : ReplacementNotice.recipients(show, replacement)) {
            String subject = ReplacementNotice.subject(user);
            boolean recorded = database.inTransaction(c -> pings.find(c, show.id(), subject, ping)).isPresent();
            if (recorded) {
                continue;
            }
            try {
                scheduler.get().sendNow(show.id(), subject, ping);
            } catch (SchedulerException e) {
                // Resumed at the next start; the replacement itself is stored.
                log.error("Show {}: could not schedule the replacement notice {} to {}", show.id(), ping, user, e);
            }
        }
    }

    private void call(PlannedShow show, String callKey) {
        try {
            scheduler.get().callNow(show.id(), callKey);
        } catch (SchedulerException e) {
            log.error("Show {}: could not call {} now; her planned call stands", show.id(), callKey, e);
        }
    }

    private static String text(Replacement r, List<QuickChange> quickChanges, boolean called, boolean withoutDiscord) {
        return "🔁 " + UserText.inline(r.replacedBy()) + " replaces " + UserText.inline(r.model()) + " in "
                + (r.looks().size() == 1 ? "look " : "looks ") + LookSteps.numbers(r.looks()) + "."
                + (called ? " Called now." : "")
                + (withoutDiscord ? " " + UserText.inline(r.replacedBy()) + " has no Discord account: tell her in person." : "")
                + (quickChanges.isEmpty() ? "" : " ⚠️ New quick change: " + Lineup.describe(quickChanges) + ".");
    }

    private static Outcome unknown(PlannedShow show, String typed) {
        return new Outcome.UnknownModel(typed, Closest.ranked(typed, show.modelNames(), Arrivals.SUGGESTIONS));
    }
}

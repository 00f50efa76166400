package dev.showcall.looks;

import dev.showcall.text.UserText;
import dev.showcall.backstage.Arrivals;
import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.Lineup;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.Replacement;
import dev.showcall.calls.CallScheduler;
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

    public sealed interface Outcome {

        /**
         * @param quickChanges her new changes under the show's threshold, to warn about
         * @param told         the people sent a notice (dressers, and her)
         * @param called       she had not been called and was called now
         */
        record Replaced(Replacement replacement, List<QuickChange> quickChanges, Set<Long> told, boolean called)
                implements Outcome {
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
            boolean toCall = !pings.isCallSent(c, show.id(), withKey) && show.call(withKey).isPresent();
            Set<Long> told = ReplacementNotice.recipients(show, stored.get());
            timeline.append(c, TimelineEvent.of(show.id(), now, EventKind.REPLACEMENT, OptionalLong.of(by),
                    Optional.of(withKey), text(stored.get(), allowed.newQuickChanges(), toCall)));
            return new Outcome.Replaced(stored.get(), allowed.newQuickChanges(), told, toCall);
        });
        if (outcome instanceof Outcome.Replaced replaced) {
            tell(show, replaced.replacement());
            if (replaced.called()) {
                call(show, withKey);
            }
        }
        return outcome;
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

    private static String text(Replacement r, List<QuickChange> quickChanges, boolean called) {
        return "🔁 " + UserText.inline(r.replacedBy()) + " replaces " + UserText.inline(r.model()) + " in "
                + (r.looks().size() == 1 ? "look " : "looks ") + LookSteps.numbers(r.looks()) + "."
                + (called ? " Called now." : "")
                + (quickChanges.isEmpty() ? "" : " ⚠️ New quick change: " + Lineup.describe(quickChanges) + ".");
    }

    private static Outcome unknown(PlannedShow show, String typed) {
        return new Outcome.UnknownModel(typed, Closest.ranked(typed, show.modelNames(), Arrivals.SUGGESTIONS));
    }
}

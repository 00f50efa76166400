package dev.showcall.backstage;

import dev.showcall.text.UserText;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Look;
import dev.showcall.show.QuickChange;
import dev.showcall.show.Show;
import dev.showcall.show.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The running order as it stands on the day: who wears each look after the replacements, what
 * each look still needs, which looks walked, and the rules for what may happen next.
 */
public final class Lineup {

    /**
     * Under this, a model cannot be back from one look and out in the next: a replacement that
     * would ask it is refused. Between this and the show's quick-change threshold it is allowed,
     * with a warning.
     */
    public static final Duration SHORTEST_CHANGE = Duration.ofMinutes(1);

    private final PlannedShow show;
    private final Floor floor;
    private final Map<Integer, LookState> looks;

    private Lineup(PlannedShow show, Floor floor, Map<Integer, LookState> looks) {
        this.show = show;
        this.floor = floor;
        this.looks = looks;
    }

    public static Lineup of(PlannedShow show, Floor floor) {
        Map<Integer, String> wearers = wearers(show.show(), floor.replacements());
        Map<String, Set<Step>> modelSteps = new HashMap<>();
        floor.modelSteps().forEach(s -> modelSteps.computeIfAbsent(s.model(), m -> EnumSet.noneOf(Step.class)).add(s.step()));
        Map<Integer, Set<Step>> lookSteps = new HashMap<>();
        floor.lookSteps().forEach(s -> lookSteps.computeIfAbsent(s.lookNumber(), n -> EnumSet.noneOf(Step.class)).add(s.step()));
        Map<Integer, Walk> walks = floor.walks().stream().collect(Collectors.toMap(Walk::lookNumber, w -> w, (a, b) -> a));

        Map<Integer, LookState> states = new LinkedHashMap<>();
        for (Look look : show.show().runningOrder()) {
            String model = wearers.get(look.number());
            Set<Step> done = EnumSet.noneOf(Step.class);
            modelSteps.getOrDefault(model, Set.of()).stream().filter(Step::onModel).forEach(done::add);
            lookSteps.getOrDefault(look.number(), Set.of()).stream().filter(s -> !s.onModel()).forEach(done::add);
            List<Step> missing = show.show().lookSteps().stream().filter(s -> !done.contains(s)).sorted().toList();
            states.put(look.number(), new LookState(look, model, done, missing, done.contains(Step.READY),
                    floor.arrived().contains(model), floor.noShows().contains(model),
                    Optional.ofNullable(walks.get(look.number()))));
        }
        return new Lineup(show, floor, states);
    }

    /** Who wears each look: the plan, then each replacement in the order it was decided. */
    private static Map<Integer, String> wearers(Show show, List<Replacement> replacements) {
        Map<Integer, String> wearers = new HashMap<>();
        show.looks().forEach(l -> wearers.put(l.number(), l.model()));
        replacements.stream().sorted(Comparator.comparingLong(Replacement::id))
                .forEach(r -> r.looks().forEach(n -> wearers.computeIfPresent(n, (k, v) -> r.replacedBy())));
        return wearers;
    }

    public PlannedShow show() {
        return show;
    }

    public Floor floor() {
        return floor;
    }

    /** Every look, in running order. */
    public List<LookState> looks() {
        return List.copyOf(looks.values());
    }

    public Optional<LookState> look(int number) {
        return Optional.ofNullable(looks.get(number));
    }

    /** The looks she wears now, in running order. */
    public List<LookState> looksOf(String model) {
        return looks.values().stream().filter(l -> l.model().equals(model)).toList();
    }

    /** The look on the runway: the last one recorded going out. */
    public Optional<LookState> out() {
        return floor.walks().stream()
                .max(Comparator.comparing(Walk::walkedAt).thenComparingInt(Walk::lookNumber))
                .flatMap(w -> look(w.lookNumber()));
    }

    /**
     * The next look to walk, wherever the show names it (the board, the timeline, {@code /walked}
     * without a number, {@code /lineup}): the first of the running order that has not walked and
     * has a model to wear it. Looks {@link LookState#withoutModel() without a model} are passed over.
     */
    public Optional<LookState> next() {
        return toWalk().stream().filter(l -> !l.withoutModel()).findFirst();
    }

    /** The looks still to walk, in running order, those without a model included. */
    public List<LookState> toWalk() {
        return looks.values().stream().filter(l -> !l.walked()).toList();
    }

    /**
     * The looks still to walk that have no model (she is a no-show and nobody replaces her), in
     * running order: they cannot walk until someone does.
     */
    public List<LookState> withoutModel() {
        return toWalk().stream().filter(LookState::withoutModel).toList();
    }

    /**
     * The looks without a model that the running order passes over to reach {@code look}: those
     * between the last look walked before it and it.
     */
    public List<LookState> passedOver(LookState look) {
        List<LookState> passed = new ArrayList<>();
        for (LookState l : looks.values()) {
            if (l.number() == look.number()) {
                return List.copyOf(passed);
            }
            if (l.walked()) {
                passed.clear();
            } else if (l.withoutModel()) {
                passed.add(l);
            }
        }
        return List.copyOf(passed);
    }

    public long readyCount() {
        return looks.values().stream().filter(LookState::ready).count();
    }

    /**
     * For each required step, how many looks still to walk lack it (those marked ready count as
     * complete, and those without a model are counted by {@link #withoutModel()} instead).
     */
    public Map<Step, Long> missingCounts() {
        Map<Step, Long> counts = new EnumMap<>(Step.class);
        toWalk().stream().filter(l -> !l.ready() && !l.withoutModel())
                .forEach(l -> l.missing().forEach(s -> counts.merge(s, 1L, Long::sum)));
        return counts;
    }

    /** The show as it will walk: every look with the model who wears it now. */
    public Show assigned() {
        return show.show().withLooks(looks.values().stream()
                .map(l -> new Look(l.number(), l.model(), l.look().description(), l.look().dresserUserId(),
                        l.look().seconds(), l.look().dresser()))
                .toList());
    }

    /** The gaps between consecutive looks of each model as the looks are worn now. */
    public List<QuickChange> quickChanges() {
        return CallPlanner.quickChanges(assigned());
    }

    /** Why {@code step} cannot be marked on this look now, if it cannot. */
    public Optional<String> refusalOf(LookState look, Step step) {
        if (look.walked()) {
            return Optional.of("look " + look.number() + " walked already");
        }
        if (look.modelNoShow()) {
            return Optional.of(UserText.inline(look.model()) + ", who wears look " + look.number()
                    + ", is marked a no-show; replace her first with /replace");
        }
        if (!look.modelArrived() && step != Step.READY) {
            return Optional.of(UserText.inline(look.model()) + ", who wears look " + look.number()
                    + ", is not marked arrived yet");
        }
        return Optional.empty();
    }

    /** What replacing {@code model} by {@code with} would do, or why it cannot be done (a sentence for Discord). */
    public ReplacementPlan planReplacement(String model, String with) {
        String shownModel = UserText.inline(model);
        String shownWith = UserText.inline(with);
        Optional<Replacement> already = replacementOf(model);
        if (model.equals(with)) {
            return new ReplacementPlan.Refused(shownModel + " cannot replace herself.");
        }
        if (already.isPresent()) {
            return new ReplacementPlan.Refused(shownModel + " was already replaced by "
                    + UserText.inline(already.get().replacedBy()) + ".");
        }
        if (floor.noShows().contains(with)) {
            return new ReplacementPlan.Refused(shownWith + " is marked a no-show.");
        }
        Optional<Replacement> withReplaced = replacementOf(with);
        if (withReplaced.isPresent()) {
            return new ReplacementPlan.Refused(shownWith + " is out of the show: she was replaced by "
                    + UserText.inline(withReplaced.get().replacedBy()) + ".");
        }
        List<Integer> taken = looksOf(model).stream().filter(l -> !l.walked()).map(LookState::number).toList();
        if (taken.isEmpty()) {
            return new ReplacementPlan.Refused(shownModel + " has no look left to walk.");
        }
        List<QuickChange> changes = quickChangesIf(taken, with).stream()
                .filter(q -> q.model().equals(with))
                .filter(q -> taken.contains(q.fromLook()) != taken.contains(q.toLook()))
                .toList();
        List<QuickChange> impossible = changes.stream().filter(q -> q.gap().compareTo(SHORTEST_CHANGE) < 0).toList();
        if (!impossible.isEmpty()) {
            return new ReplacementPlan.Refused(shownWith + " already walks a look too close: " + describe(impossible)
                    + ". Nobody changes in under " + SHORTEST_CHANGE.toSeconds() + " seconds.");
        }
        return new ReplacementPlan.Allowed(taken, changes.stream().filter(QuickChange::underThreshold).toList());
    }

    private List<QuickChange> quickChangesIf(List<Integer> taken, String with) {
        Show show = assigned();
        return CallPlanner.quickChanges(show.withLooks(show.looks().stream()
                .map(l -> taken.contains(l.number())
                        ? new Look(l.number(), with, l.description(), l.dresserUserId(), l.seconds(), l.dresser()) : l)
                .toList()));
    }

    public Optional<Replacement> replacementOf(String model) {
        return floor.replacements().stream().filter(r -> r.model().equals(model)).findFirst();
    }

    /** "looks 6 → 7 with 0s between them". */
    public static String describe(List<QuickChange> changes) {
        return changes.stream()
                .map(q -> "looks " + q.fromLook() + " → " + q.toLook() + " with " + dev.showcall.show.Durations.format(q.gap())
                        + " between them")
                .collect(Collectors.joining("; "));
    }

    /** What a replacement would do. */
    public sealed interface ReplacementPlan {

        /** @param newQuickChanges her changes between her own looks and the ones taken over that are under the threshold */
        record Allowed(List<Integer> looks, List<QuickChange> newQuickChanges) implements ReplacementPlan {
        }

        record Refused(String reason) implements ReplacementPlan {
        }
    }
}

package dev.showcall.backstage;

import dev.showcall.show.Escalation;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How far someone is up a ladder still open for them: its last step taken, and when. Pure.
 *
 * @param of how many steps the ladder has
 */
public record Climb(Escalation.Condition condition, int step, int of, Escalation.Action action, Instant at) {

    /**
     * The last step taken of the ladders still open for someone, if any.
     *
     * @param ladders their ladders, as the show file has them now
     * @param pings   the pings of their call, as recorded
     * @param closed  the ladders that climb no further for them: they confirmed, arrived, or their lead reached them
     */
    public static Optional<Climb> of(Escalation ladders, Collection<CallPing> pings, Set<Escalation.Condition> closed) {
        return pings.stream()
                .filter(p -> p.sentAt().isPresent() && p.outcome().filter(o -> o != PingOutcome.DROPPED).isPresent())
                .flatMap(p -> CallPing.rungOf(p.ping()).stream()
                        .filter(r -> !closed.contains(r.condition()))
                        .flatMap(r -> climb(ladders.ladder(r.condition()), r, p.sentAt().orElseThrow()).stream()))
                .max(Comparator.comparing(Climb::at));
    }

    private static Optional<Climb> climb(List<Escalation.Step> ladder, CallPing.Rung rung, Instant at) {
        return rung.step() <= ladder.size()
                ? Optional.of(new Climb(rung.condition(), rung.step(), ladder.size(), ladder.get(rung.step() - 1).action(), at))
                : Optional.empty();
    }

    /** The ladders closed for someone, from where they stand. */
    public static Set<Escalation.Condition> closed(boolean answered, boolean arrivedOrGone,
                                                   Collection<Escalation.Condition> stopped) {
        java.util.EnumSet<Escalation.Condition> closed = java.util.EnumSet.noneOf(Escalation.Condition.class);
        closed.addAll(stopped);
        if (answered || arrivedOrGone) {
            closed.add(Escalation.Condition.NOT_CONFIRMED);
        }
        if (arrivedOrGone) {
            closed.add(Escalation.Condition.NOT_ARRIVED);
        }
        return closed;
    }
}

package dev.showcall.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the board shows, read from the database in one transaction. The board is a pure render
 * of it ({@link BoardRenderer}), so the board and the database cannot disagree for long.
 *
 * @param start when the show starts now, with every delay
 * @param delay the sum of the delays declared; negative when the show was brought forward
 * @param escalated who a ladder is climbing for now, by name
 */
public record BoardState(
        String showName,
        Instant start,
        Duration delay,
        Optional<NextMilestone> nextMilestone,
        Arrivals arrivals,
        List<DepartmentConfirmations> crew,
        LooksSection looks,
        List<String> escalated) {

    public BoardState {
        Objects.requireNonNull(showName, "showName");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(nextMilestone, "nextMilestone");
        Objects.requireNonNull(arrivals, "arrivals");
        Objects.requireNonNull(looks, "looks");
        crew = List.copyOf(crew);
        escalated = List.copyOf(escalated);
    }

    /** A board with nobody escalated. */
    public BoardState(String showName, Instant start, Duration delay, Optional<NextMilestone> nextMilestone,
                      Arrivals arrivals, List<DepartmentConfirmations> crew, LooksSection looks) {
        this(showName, start, delay, nextMilestone, arrivals, crew, looks, List.of());
    }

    public record NextMilestone(String name, Instant at) {
    }

    /**
     * The models: how many of those expected are here, who is late, who will not come.
     *
     * @param expected models on the call sheet, less those marked no-show
     */
    public record Arrivals(int arrived, int expected, List<String> late, List<String> noShows) {

        public Arrivals {
            late = List.copyOf(late);
            noShows = List.copyOf(noShows);
        }
    }

    /**
     * A crew department: how many of the people it calls have answered their call.
     *
     * @param confirmed on their way, running late or here
     * @param here      marked or confirmed here
     */
    public record DepartmentConfirmations(String name, int confirmed, int here, int total) {
    }
}

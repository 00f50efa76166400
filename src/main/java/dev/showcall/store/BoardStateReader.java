package dev.showcall.store;

import dev.showcall.backstage.Arrival;
import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.Climb;
import dev.showcall.backstage.Confirmation;
import dev.showcall.backstage.EscalationStop;
import dev.showcall.backstage.ConfirmationState;
import dev.showcall.backstage.Lineup;
import dev.showcall.backstage.LookState;
import dev.showcall.backstage.NoShow;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Call;
import dev.showcall.show.CallSheet;
import dev.showcall.show.Department;
import dev.showcall.show.Step;
import dev.showcall.timeline.BoardState;
import dev.showcall.timeline.LooksSection;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads what the board shows from the database, on the caller's connection so that it is one consistent view. */
public final class BoardStateReader {

    private final DelayRepository delays = new DelayRepository();
    private final ArrivalRepository arrivals = new ArrivalRepository();
    private final NoShowRepository noShows = new NoShowRepository();
    private final AlertRepository alerts = new AlertRepository();
    private final ConfirmationRepository confirmations = new ConfirmationRepository();
    private final FloorReader floors = new FloorReader();
    private final CallPingRepository pings = new CallPingRepository();
    private final EscalationStopRepository stops = new EscalationStopRepository();
    private final Clock clock;

    public BoardStateReader(Clock clock) {
        this.clock = clock;
    }

    public BoardState read(Connection c, PlannedShow show) {
        Duration delay = delays.totalDelay(c, show.id());
        Set<String> arrived = arrivals.forShow(c, show.id()).stream().map(Arrival::subjectKey)
                .collect(Collectors.toSet());
        return new BoardState(show.show().name(), show.show().startInstant().plus(delay), delay,
                nextMilestone(show, delay), arrivals(c, show, arrived), crew(c, show, arrived), looks(c, show),
                escalated(c, show, arrived));
    }

    /** Who a ladder is climbing for: a step taken, and the ladder not closed since. */
    private List<String> escalated(Connection c, PlannedShow show, Set<String> arrived) {
        Map<String, List<CallPing>> taken = pings.forShow(c, show.id()).stream()
                .filter(p -> CallPing.rungOf(p.ping()).isPresent())
                .collect(Collectors.groupingBy(CallPing::callKey));
        if (taken.isEmpty()) {
            return List.of();
        }
        Set<String> answered = confirmations.forShow(c, show.id()).stream().map(Confirmation::callKey)
                .collect(Collectors.toSet());
        Set<String> gone = noShows.forShow(c, show.id()).stream().map(NoShow::subjectKey).collect(Collectors.toSet());
        Map<String, List<EscalationStop>> stopped = stops.forShow(c, show.id()).stream()
                .collect(Collectors.groupingBy(EscalationStop::callKey));
        return show.sheet().calls().stream()
                .filter(call -> taken.containsKey(call.key()))
                .filter(call -> Climb.of(show.show().escalationOf(call), taken.get(call.key()), Climb.closed(
                        answered.contains(call.key()), arrived.contains(call.key()) || gone.contains(call.key()),
                        stopped.getOrDefault(call.key(), List.of()).stream().map(EscalationStop::condition).toList()))
                        .isPresent())
                .map(Call::who)
                .toList();
    }

    private Optional<BoardState.NextMilestone> nextMilestone(PlannedShow show, Duration delay) {
        Instant now = clock.instant();
        return show.sheet().milestones().stream()
                .map(m -> new CallSheet.TimedMilestone(m.name(), m.at().plus(delay)))
                .filter(m -> m.at().isAfter(now))
                .findFirst()
                .map(m -> new BoardState.NextMilestone(m.name(), m.at()));
    }

    private BoardState.Arrivals arrivals(Connection c, PlannedShow show, Set<String> arrived) {
        List<Call> models = show.sheet().calls().stream().filter(call -> call.kind() == Call.Kind.MODEL).toList();
        Set<String> gone = noShows.forShow(c, show.id()).stream().map(NoShow::subjectKey).collect(Collectors.toSet());
        Set<String> lateAlerts = alerts.raisedKeys(c, show.id()).stream()
                .filter(k -> k.startsWith("late:")).map(k -> k.substring("late:".length()))
                .collect(Collectors.toSet());
        int here = (int) models.stream().filter(m -> arrived.contains(m.key())).count();
        List<String> late = models.stream()
                .filter(m -> lateAlerts.contains(m.key()) && !arrived.contains(m.key()) && !gone.contains(m.key()))
                .map(Call::who).toList();
        List<String> noShowNames = models.stream().filter(m -> gone.contains(m.key())).map(Call::who).toList();
        return new BoardState.Arrivals(here, models.size() - noShowNames.size(), late, noShowNames);
    }

    /** People called by name in each department, and how many of them answered or are here. */
    private List<BoardState.DepartmentConfirmations> crew(Connection c, PlannedShow show, Set<String> arrived) {
        Map<String, Confirmation> answers = confirmations.forShow(c, show.id()).stream()
                .collect(Collectors.toMap(Confirmation::callKey, a -> a, (a, b) -> b));
        List<BoardState.DepartmentConfirmations> departments = new ArrayList<>();
        for (Department d : show.show().departments()) {
            List<Call> people = show.sheet().calls().stream()
                    .filter(call -> call.kind() == Call.Kind.CREW && call.departmentId().equals(d.id())
                            && call.userId().isPresent())
                    .toList();
            if (people.isEmpty()) {
                continue;
            }
            int confirmed = (int) people.stream()
                    .filter(p -> answers.containsKey(p.key()) || arrived.contains(p.key())).count();
            int here = (int) people.stream().filter(p -> arrived.contains(p.key())
                    || Optional.ofNullable(answers.get(p.key())).filter(a -> a.state() == ConfirmationState.HERE).isPresent())
                    .count();
            departments.add(new BoardState.DepartmentConfirmations(d.name(), confirmed, here, people.size()));
        }
        return departments;
    }

    /** The looks section, from the lineup as it stands: replacements, steps done and walks. */
    LooksSection looks(Connection c, PlannedShow show) {
        Lineup lineup = Lineup.of(show, floors.read(c, show.id()));
        if (lineup.looks().isEmpty()) {
            return LooksSection.none();
        }
        Map<String, Integer> missing = new LinkedHashMap<>();
        lineup.missingCounts().forEach((step, count) -> missing.put(step.label(), Math.toIntExact(count)));
        return new LooksSection(Math.toIntExact(lineup.readyCount()), lineup.looks().size(), missing,
                lineup.out().map(BoardStateReader::line), lineup.next().map(BoardStateReader::line),
                lineup.withoutModel().stream().map(LookState::number).toList());
    }

    private static LooksSection.LookLine line(LookState look) {
        return new LooksSection.LookLine(look.number(), look.model(), look.look().description(), look.ready(),
                look.missing().stream().map(Step::label).toList());
    }
}

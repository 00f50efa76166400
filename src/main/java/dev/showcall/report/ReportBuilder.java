package dev.showcall.report;

import dev.showcall.backstage.Arrival;
import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.Confirmation;
import dev.showcall.backstage.Delay;
import dev.showcall.backstage.LookStep;
import dev.showcall.backstage.ModelStep;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.Replacement;
import dev.showcall.backstage.Walk;
import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Look;
import dev.showcall.show.Model;
import dev.showcall.show.Show;
import dev.showcall.show.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Computes a {@link ShowReport} from what the store holds about a show's day. Pure. */
public final class ReportBuilder {

    /** A ping this late or later is reported as sent late. */
    public static final Duration SENT_LATE = Duration.ofMinutes(1);
    /** The group of the models the show file gives no agency. */
    public static final String NO_AGENCY = "(no agency)";
    private static final String FINALE = "finale";

    private ReportBuilder() {
    }

    public static ShowReport build(ReportInput in) {
        Show show = in.show();
        Map<String, Arrival> arrivals = index(in.arrivals(), Arrival::subjectKey);
        Map<String, Confirmation> confirmations = index(in.confirmations(), Confirmation::callKey);
        Set<String> noShows = in.noShows().stream().map(n -> n.subjectKey()).collect(Collectors.toSet());
        Map<String, String> replacedBy = in.replacements().stream()
                .collect(Collectors.toMap(Replacement::model, Replacement::replacedBy, (a, b) -> a));
        Set<String> unreachable = in.pings().stream()
                .filter(p -> p.outcome().equals(Optional.of(PingOutcome.CHANNEL)))
                .map(CallPing::callKey).collect(Collectors.toSet());

        List<ShowReport.Person> people = new ArrayList<>();
        for (Call call : in.calls()) {
            Optional<Arrival> arrival = Optional.ofNullable(arrivals.get(call.key()));
            Instant moved = call.at().plus(delayBefore(in.delays(),
                    arrival.map(Arrival::arrivedAt).orElse(call.at())));
            Optional<Duration> late = arrival.map(a -> Duration.between(moved, a.arrivedAt()))
                    .filter(d -> d.toMinutes() >= 1);
            Optional<Confirmation> confirmation = Optional.ofNullable(confirmations.get(call.key()));
            Optional<String> agency = call.kind() == Call.Kind.MODEL
                    ? show.model(modelName(call)).flatMap(Model::agency) : Optional.empty();
            people.add(new ShowReport.Person(call.key(), call.kind(), call.departmentName(), call.who(),
                    agency, call.at(), moved, confirmation.map(Confirmation::state),
                    confirmation.map(Confirmation::updatedAt), arrival.map(Arrival::arrivedAt), late,
                    noShows.contains(call.key()),
                    call.kind() == Call.Kind.MODEL ? Optional.ofNullable(replacedBy.get(modelName(call)))
                            : Optional.empty(),
                    unreachable.contains(call.key())));
        }

        Map<String, List<ShowReport.Person>> byDepartment = group(people, ShowReport.Person::department);
        Map<String, List<ShowReport.Person>> byAgency = group(
                people.stream().filter(p -> p.kind() == Call.Kind.MODEL).toList(),
                p -> p.agency().orElse(NO_AGENCY));

        List<ShowReport.LookLine> looks = looks(in);
        List<ShowReport.ModelPrep> prep = preparation(in, arrivals, looks);
        List<Duration> measured = prep.stream().map(ShowReport.ModelPrep::total).flatMap(Optional::stream).toList();
        Optional<Duration> average = measured.isEmpty() ? Optional.empty() : Optional.of(
                measured.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(measured.size()));
        ShowReport.ChairPace chairs = new ShowReport.ChairPace(show.modelCalls().chairs(), show.modelCalls().prep(),
                average, measured.size());

        return new ShowReport(show.id(), show.name(), show.zone(), start(in, looks), people,
                lateness(byDepartment), lateness(byAgency), prep, chairs, looks, delivery(in, people, confirmations));
    }

    private static ShowReport.Start start(ReportInput in, List<ShowReport.LookLine> looks) {
        Show show = in.show();
        Duration total = in.delays().stream().map(Delay::duration).reduce(Duration.ZERO, Duration::plus);
        Optional<Instant> first = in.walks().stream().map(Walk::walkedAt).min(Comparator.naturalOrder());
        Optional<Instant> last = in.walks().stream().map(Walk::walkedAt).max(Comparator.naturalOrder());
        Optional<Instant> finale = show.milestones().stream()
                .filter(m -> m.name().toLowerCase(Locale.ROOT).contains(FINALE)).findFirst()
                .map(m -> show.resolve(m.at()).plus(total));
        List<ShowReport.DelayLine> delays = in.delays().stream()
                .map(d -> new ShowReport.DelayLine(d.declaredAt(), d.minutes(), d.reason())).toList();
        return new ShowReport.Start(show.startInstant(), show.startInstant().plus(total), first, delays, finale, last);
    }

    /** The sum of the delays declared up to {@code at}: what had moved a call by then. */
    static Duration delayBefore(List<Delay> delays, Instant at) {
        return delays.stream().filter(d -> !d.declaredAt().isAfter(at)).map(Delay::duration)
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static List<ShowReport.LookLine> looks(ReportInput in) {
        Show show = in.show();
        Map<Integer, Walk> walks = index(in.walks(), Walk::lookNumber);
        Duration total = in.delays().stream().map(Delay::duration).reduce(Duration.ZERO, Duration::plus);
        Instant due = show.startInstant().plus(total);
        List<ShowReport.LookLine> lines = new ArrayList<>();
        for (Look look : show.runningOrder()) {
            Optional<Walk> walk = Optional.ofNullable(walks.get(look.number()));
            String wornBy = walk.map(Walk::model).orElseGet(() -> wearer(in.replacements(), look));
            Optional<Instant> ready = readyAt(in, look.number(), wornBy);
            boolean unready = walk.isPresent()
                    && (ready.isEmpty() || ready.get().isAfter(walk.get().walkedAt()));
            lines.add(new ShowReport.LookLine(look.number(), look.description(), look.model(), wornBy, due,
                    walk.map(Walk::walkedAt), ready, unready));
            due = due.plus(show.lookDuration(look));
        }
        return lines;
    }

    /** Who wears a look that has not walked: its model, or whoever replaced her, and so on. */
    private static String wearer(List<Replacement> replacements, Look look) {
        String model = look.model();
        Set<String> seen = new HashSet<>();
        boolean moved = true;
        while (moved && seen.add(model)) {
            moved = false;
            for (Replacement r : replacements) {
                if (r.model().equals(model) && r.looks().contains(look.number())) {
                    model = r.replacedBy();
                    moved = true;
                    break;
                }
            }
        }
        return model;
    }

    /** When the look's last required step was done, or a producer marked it ready, whichever came first. */
    private static Optional<Instant> readyAt(ReportInput in, int number, String model) {
        Map<Step, Instant> done = new HashMap<>();
        in.modelSteps().stream().filter(s -> s.model().equals(model))
                .forEach(s -> done.put(s.step(), s.doneAt()));
        in.lookSteps().stream().filter(s -> s.lookNumber() == number)
                .forEach(s -> done.put(s.step(), s.doneAt()));
        Optional<Instant> allSteps = Optional.empty();
        if (in.show().lookSteps().stream().allMatch(done::containsKey)) {
            allSteps = in.show().lookSteps().stream().map(done::get).max(Comparator.naturalOrder());
        }
        Optional<Instant> markedReady = Optional.ofNullable(done.get(Step.READY));
        return java.util.stream.Stream.of(allSteps, markedReady).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }

    /** Every model who wears a look on the day, in running order of her first look. */
    private static List<ShowReport.ModelPrep> preparation(ReportInput in, Map<String, Arrival> arrivals,
                                                         List<ShowReport.LookLine> looks) {
        List<String> models = looks.stream().map(ShowReport.LookLine::wornBy).distinct().toList();
        List<ShowReport.ModelPrep> prep = new ArrayList<>();
        for (String model : models) {
            Optional<Instant> arrived = Optional.ofNullable(arrivals.get(CallPlanner.modelKey(model)))
                    .map(Arrival::arrivedAt);
            prep.add(new ShowReport.ModelPrep(model, arrived, stepAfter(in, model, Step.HAIR, arrived),
                    stepAfter(in, model, Step.MAKEUP, arrived), stepAfter(in, model, Step.NAILS, arrived)));
        }
        return prep;
    }

    private static Optional<Duration> stepAfter(ReportInput in, String model, Step step, Optional<Instant> arrived) {
        return arrived.flatMap(a -> in.modelSteps().stream()
                .filter(s -> s.model().equals(model) && s.step() == step).findFirst()
                .map(s -> Duration.between(a, s.doneAt())));
    }

    private static ShowReport.Delivery delivery(ReportInput in, List<ShowReport.Person> people,
                                                Map<String, Confirmation> confirmations) {
        Map<String, String> who = people.stream()
                .collect(Collectors.toMap(ShowReport.Person::callKey, ShowReport.Person::who, (a, b) -> a));
        List<ShowReport.PingLine> late = in.pings().stream()
                .filter(p -> p.late().isPresent() && p.late().get().compareTo(SENT_LATE) >= 0)
                .filter(p -> !p.outcome().equals(Optional.of(PingOutcome.DROPPED)))
                .map(p -> new ShowReport.PingLine(who.getOrDefault(p.callKey(), p.callKey()), p.ping(), p.dueAt(),
                        p.late().get(), p.outcome(), p.detail()))
                .toList();
        int failed = (int) in.pings().stream().filter(p -> !p.isSent()).count();
        int channel = (int) in.pings().stream().filter(p -> p.outcome().equals(Optional.of(PingOutcome.CHANNEL)))
                .count();
        int dropped = (int) in.pings().stream().filter(p -> p.outcome().equals(Optional.of(PingOutcome.DROPPED)))
                .count();
        List<String> notConfirmed = in.pings().stream()
                .filter(p -> p.ping().equals(CallPing.CALL) && p.isSent())
                .filter(p -> !p.outcome().equals(Optional.of(PingOutcome.ROLE)))
                .map(CallPing::callKey)
                .filter(key -> !confirmations.containsKey(key))
                .distinct()
                .map(key -> who.getOrDefault(key, key))
                .toList();
        return new ShowReport.Delivery(in.pings().size(), late, failed, channel, dropped, notConfirmed,
                reached(in, people));
    }

    private static ShowReport.Reached reached(ReportInput in, List<ShowReport.Person> people) {
        Map<String, PingOutcome> calls = in.pings().stream()
                .filter(p -> p.ping().equals(CallPing.CALL) && p.isSent() && p.outcome().isPresent())
                .collect(Collectors.toMap(CallPing::callKey, p -> p.outcome().get(), (a, b) -> a));
        Map<Optional<PingOutcome>, Long> by = people.stream().map(ShowReport.Person::callKey).distinct()
                .collect(Collectors.groupingBy(key -> Optional.ofNullable(calls.get(key)), Collectors.counting()));
        return new ShowReport.Reached(count(by, PingOutcome.DM), count(by, PingOutcome.EMAIL),
                count(by, PingOutcome.CHANNEL), count(by, PingOutcome.BY_NAME), count(by, PingOutcome.ROLE),
                (int) (by.getOrDefault(Optional.empty(), 0L) + by.getOrDefault(Optional.of(PingOutcome.DROPPED), 0L)));
    }

    private static int count(Map<Optional<PingOutcome>, Long> by, PingOutcome outcome) {
        return (int) (long) by.getOrDefault(Optional.of(outcome), 0L);
    }

    private static List<ShowReport.Lateness> lateness(Map<String, List<ShowReport.Person>> groups) {
        return groups.entrySet().stream().map(e -> {
            List<ShowReport.Person> p = e.getValue();
            return new ShowReport.Lateness(e.getKey(), p.size(),
                    (int) p.stream().filter(x -> x.arrivedAt().isPresent()).count(),
                    (int) p.stream().filter(ShowReport.Person::isLate).count(),
                    p.stream().map(ShowReport.Person::late).flatMap(Optional::stream).mapToLong(Duration::toMinutes)
                            .sum(),
                    (int) p.stream().filter(ShowReport.Person::noShow).count());
        }).toList();
    }

    private static String modelName(Call call) {
        return call.key().substring(CallPlanner.modelKey("").length());
    }

    private static <T, K> Map<K, T> index(List<T> items, Function<T, K> key) {
        Map<K, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.putIfAbsent(key.apply(i), i));
        return map;
    }

    private static Map<String, List<ShowReport.Person>> group(List<ShowReport.Person> people,
                                                             Function<ShowReport.Person, String> by) {
        return people.stream().collect(Collectors.groupingBy(by, LinkedHashMap::new, Collectors.toList()));
    }
}

package dev.showcall.calls;

import dev.showcall.backstage.Arrival;
import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.Climb;
import dev.showcall.backstage.Confirmation;
import dev.showcall.backstage.EscalationStop;
import dev.showcall.show.Escalation;
import dev.showcall.store.EscalationStopRepository;
import dev.showcall.backstage.NoShow;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Call;
import dev.showcall.store.AlertRepository;
import dev.showcall.store.ArrivalRepository;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.ConfirmationRepository;
import dev.showcall.store.Database;
import dev.showcall.store.DelayRepository;
import dev.showcall.store.NoShowRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Where each person on the call sheet stands right now: the producers' view of the calls. */
public final class CallStatuses {

    public enum State {
        NOT_YET_CALLED, CALLED, ON_MY_WAY, RUNNING_LATE, HERE, UNREACHABLE, CALLED_BY_ROLE, PR_MARKS_IN,
        /** A model not marked arrived by her call plus the show's grace. */
        LATE,
        NO_SHOW;

        /** People showcall can reach who have not said they are coming. */
        public static final Set<State> NOT_CONFIRMED = EnumSet.of(NOT_YET_CALLED, CALLED, UNREACHABLE, LATE);
    }

    /** How showcall reaches them: how their call went out, or how it will. */
    public enum Reach {
        DM, EMAIL,
        /** Their DMs are closed: a mention in the calls channel. */
        CALLS_CHANNEL,
        /** Not linked on Discord: their name in the calls channel. */
        BY_NAME,
        ROLE,
        /** No Discord and no email: PR marks them in. */
        NOBODY;

        static Reach of(PingOutcome outcome) {
            return switch (outcome) {
                case DM -> DM;
                case EMAIL -> EMAIL;
                case CHANNEL -> CALLS_CHANNEL;
                case BY_NAME -> BY_NAME;
                case ROLE -> ROLE;
                case DROPPED -> NOBODY;
            };
        }
    }

    /**
     * @param callAt  the call with any delay, or when it went out once it has
     * @param climb   the last step taken of a ladder still open for them
     * @param reached a lead who reached them, stopping a ladder
     * @param reach   how their call reached them, or will
     */
    public record Status(Call call, Instant callAt, State state, OptionalInt lateMinutes, Optional<Climb> climb,
                         Optional<EscalationStop> reached, Reach reach) {

        public Status(Call call, Instant callAt, State state, OptionalInt lateMinutes) {
            this(call, callAt, state, lateMinutes, Optional.empty(), Optional.empty(), planned(call, false));
        }

        /** Someone a ladder is climbing for now. */
        public boolean escalated() {
            return climb.isPresent();
        }

        Status withLadders(Optional<Climb> climb, Optional<EscalationStop> reached) {
            return new Status(call, callAt, state, lateMinutes, climb, reached, reach);
        }

        Status withReach(Reach reach) {
            return new Status(call, callAt, state, lateMinutes, climb, reached, reach);
        }
    }

    /** How a call not sent yet will reach them. */
    static Reach planned(Call call, boolean byEmail) {
        if (call.roleId().isPresent()) {
            return Reach.ROLE;
        }
        if (byEmail) {
            return Reach.EMAIL;
        }
        if (call.userId().isPresent()) {
            return Reach.DM;
        }
        return call.notLinked() ? Reach.BY_NAME : Reach.NOBODY;
    }

    /** The alert raised for a call that could not be delivered after every retry. */
    public static String undelivered(String callKey) {
        return "undelivered:" + callKey;
    }

    private final Database database;
    private final CallPingRepository pings;
    private final ConfirmationRepository confirmations;
    private final ArrivalRepository arrivals;
    private final DelayRepository delays;
    private final NoShowRepository noShows;
    private final Clock clock;
    private final EscalationStopRepository stops = new EscalationStopRepository();
    private final AlertRepository alerts = new AlertRepository();
    private final BiPredicate<PlannedShow, Call> byEmail;

    public CallStatuses(Database database, CallPingRepository pings, ConfirmationRepository confirmations,
                        ArrivalRepository arrivals, DelayRepository delays, NoShowRepository noShows, Clock clock) {
        this(database, pings, confirmations, arrivals, delays, noShows, clock, (show, call) -> false);
    }

    /** @param byEmail whether a call to this person goes by email (they have one, and no Discord showcall reaches) */
    public CallStatuses(Database database, CallPingRepository pings, ConfirmationRepository confirmations,
                        ArrivalRepository arrivals, DelayRepository delays, NoShowRepository noShows, Clock clock,
                        BiPredicate<PlannedShow, Call> byEmail) {
        this.byEmail = byEmail;
        this.noShows = noShows;
        this.clock = clock;
        this.database = database;
        this.pings = pings;
        this.confirmations = confirmations;
        this.arrivals = arrivals;
        this.delays = delays;
    }

    public List<Status> of(PlannedShow show) {
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            Duration delay = delays.totalDelay(c, show.id());
            Map<String, CallPing> calls = pings.forShow(c, show.id()).stream()
                    .filter(p -> p.ping().equals(CallPing.CALL))
                    .collect(Collectors.toMap(CallPing::callKey, Function.identity()));
            Map<String, Confirmation> answers = confirmations.forShow(c, show.id()).stream()
                    .collect(Collectors.toMap(Confirmation::callKey, Function.identity()));
            Set<String> arrived = arrivals.forShow(c, show.id()).stream().map(Arrival::subjectKey)
                    .collect(Collectors.toSet());
            Set<String> gone = noShows.forShow(c, show.id()).stream().map(NoShow::subjectKey)
                    .collect(Collectors.toSet());
            Map<String, List<CallPing>> pingsByCall = pings.forShow(c, show.id()).stream()
                    .collect(Collectors.groupingBy(CallPing::callKey));
            Map<String, List<EscalationStop>> stopsByCall = stops.forShow(c, show.id()).stream()
                    .collect(Collectors.groupingBy(EscalationStop::callKey));
            Set<String> raised = Set.copyOf(alerts.raisedKeys(c, show.id()));
            return show.sheet().calls().stream()
                    .map(call -> status(show, call, delay, Optional.ofNullable(calls.get(call.key())),
                            Optional.ofNullable(answers.get(call.key())), arrived.contains(call.key()), calls,
                            byEmail.test(show, call)))
                    .map(status -> unreachableIfUndelivered(status, raised))
                    .map(status -> gone.contains(status.call().key())
                            ? new Status(status.call(), status.callAt(), State.NO_SHOW, OptionalInt.empty())
                            : lateIfOverdue(show, status, delay, now))
                    .map(status -> withLadders(show, status, answers.containsKey(status.call().key()),
                            arrived.contains(status.call().key()) || gone.contains(status.call().key()),
                            pingsByCall.getOrDefault(status.call().key(), List.of()),
                            stopsByCall.getOrDefault(status.call().key(), List.of())))
                    .map(status -> status.withReach(reach(show, status, Optional.ofNullable(calls.get(status.call().key())))))
                    .sorted(Comparator.comparing(Status::callAt).thenComparing(s -> s.call().departmentName())
                            .thenComparing(s -> s.call().who()))
                    .toList();
        });
    }

    /** How their call went, or will. */
    private Reach reach(PlannedShow show, Status status, Optional<CallPing> sent) {
        return sent.filter(CallPing::isSent).flatMap(CallPing::outcome).map(Reach::of)
                .orElseGet(() -> planned(status.call(), byEmail.test(show, status.call())));
    }

    /** A call never delivered after every retry leaves them unreachable until it goes out. */
    private static Status unreachableIfUndelivered(Status status, Set<String> raisedAlerts) {
        return status.state() == State.NOT_YET_CALLED && raisedAlerts.contains(undelivered(status.call().key()))
                ? new Status(status.call(), status.callAt(), State.UNREACHABLE, OptionalInt.empty())
                : status;
    }

    private static Status withLadders(PlannedShow show, Status status, boolean answered, boolean settled,
                                      List<CallPing> pings, List<EscalationStop> stops) {
        Set<Escalation.Condition> closed = Climb.closed(answered, settled,
                stops.stream().map(EscalationStop::condition).toList());
        return status.withLadders(Climb.of(show.show().escalationOf(status.call()), pings, closed),
                stops.stream().max(Comparator.comparing(EscalationStop::stoppedAt)));
    }

    /**
     * A model past her call and the grace, not here and not answering, is late. Her call is the
     * planned one with any delay, as for her late alert, not when the DM went out: a call sent
     * late after an outage, or early when she replaces someone, does not move when she is due.
     */
    private static Status lateIfOverdue(PlannedShow show, Status status, Duration delay, Instant now) {
        boolean overdue = status.call().kind() == Call.Kind.MODEL
                && now.isAfter(status.call().at().plus(delay).plus(show.show().noShowGrace()))
                && EnumSet.of(State.NOT_YET_CALLED, State.CALLED, State.UNREACHABLE, State.PR_MARKS_IN)
                        .contains(status.state());
        return overdue ? new Status(status.call(), status.callAt(), State.LATE, OptionalInt.empty()) : status;
    }

    private static Status status(PlannedShow show, Call call, Duration delay, Optional<CallPing> sent,
                                 Optional<Confirmation> answer, boolean arrived, Map<String, CallPing> calls,
                                 boolean byEmail) {
        Instant callAt = sent.flatMap(CallPing::sentAt).orElse(call.at().plus(delay));
        if (arrived) {
            return new Status(call, callAt, State.HERE, OptionalInt.empty());
        }
        if (answer.isPresent()) {
            Confirmation a = answer.get();
            State state = switch (a.state()) {
                case ON_MY_WAY -> State.ON_MY_WAY;
                case RUNNING_LATE -> State.RUNNING_LATE;
                case HERE -> State.HERE;
            };
            return new Status(call, callAt, state, a.lateMinutes());
        }
        if (call.roleId().isPresent()) {
            boolean announced = calls.containsKey(Announcements.department(call.departmentId()));
            return new Status(call, callAt, announced ? State.CALLED_BY_ROLE : State.NOT_YET_CALLED, OptionalInt.empty());
        }
        if (call.userId().isEmpty() && !call.notLinked() && !byEmail) {
            return new Status(call, callAt, State.PR_MARKS_IN, OptionalInt.empty());
        }
        if (sent.isPresent() && sent.get().isSent()) {
            State state = sent.get().outcome().filter(o -> o == PingOutcome.CHANNEL).isPresent()
                    ? State.UNREACHABLE : State.CALLED;
            return new Status(call, callAt, state, OptionalInt.empty());
        }
        return new Status(call, callAt, State.NOT_YET_CALLED, OptionalInt.empty());
    }
}

package dev.showcall.report;

import dev.showcall.backstage.ConfirmationState;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.show.Call;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * How a show ran, computed from what the store holds: the start, the people, the preparation,
 * the running order as walked and how the calls were delivered. Durations are exact; formats
 * round them to whole minutes.
 */
public record ShowReport(
        String showId,
        String showName,
        ZoneId zone,
        Start start,
        List<Person> people,
        List<Lateness> byDepartment,
        List<Lateness> byAgency,
        List<ModelPrep> preparation,
        ChairPace chairs,
        List<LookLine> looks,
        Delivery delivery) {

    public ShowReport {
        people = List.copyOf(people);
        byDepartment = List.copyOf(byDepartment);
        byAgency = List.copyOf(byAgency);
        preparation = List.copyOf(preparation);
        looks = List.copyOf(looks);
    }

    /**
     * @param planned  the start in the show file
     * @param delayed  the start moved by every delay declared
     * @param actual   when the first look walked
     * @param finale   the planned finale milestone, moved by the delays, if the show has one
     * @param lastWalk when the last look walked
     */
    public record Start(Instant planned, Instant delayed, Optional<Instant> actual, List<DelayLine> delays,
                        Optional<Instant> finale, Optional<Instant> lastWalk) {

        public Start {
            delays = List.copyOf(delays);
        }

        /** How late the first look walked against the planned start; negative when early. */
        public Optional<Duration> lateness() {
            return actual.map(a -> Duration.between(planned, a));
        }
    }

    public record DelayLine(Instant declaredAt, int minutes, String reason) {
    }

    /**
     * One line of the call sheet and what became of it.
     *
     * @param call      the call as the delays declared before it moved it
     * @param late      how late they arrived, when by a whole minute or more
     * @param replacedBy for a model who did not walk her looks: who wore them
     * @param unreachableByDm a ping to them went to the calls channel because their DMs failed
     */
    public record Person(String callKey, Call.Kind kind, String department, String who, Optional<String> agency,
                         Instant plannedCall, Instant call, Optional<ConfirmationState> confirmation,
                         Optional<Instant> confirmedAt, Optional<Instant> arrivedAt, Optional<Duration> late,
                         boolean noShow, Optional<String> replacedBy, boolean unreachableByDm) {

        public boolean isLate() {
            return late.isPresent();
        }
    }

    /** Lateness of a group of people: a department, or the models of an agency. */
    public record Lateness(String group, int people, int arrived, int late, long lateMinutes, int noShows) {
    }

    /** One model's time in the chairs, from her arrival to each step done on her. */
    public record ModelPrep(String model, Optional<Instant> arrivedAt, Optional<Duration> hair,
                            Optional<Duration> makeup, Optional<Duration> nails) {

        /** From her arrival to the last of her chair steps done. */
        public Optional<Duration> total() {
            return java.util.stream.Stream.of(hair, makeup, nails).flatMap(Optional::stream)
                    .max(Duration::compareTo);
        }
    }

    /** The plan's minutes per model in the chairs against what the day took, on average. */
    public record ChairPace(int chairs, Duration plannedPrep, Optional<Duration> averagePrep, int modelsMeasured) {
    }

    /**
     * One look of the running order, as walked.
     *
     * @param plannedAt  when it was due out: the delayed start plus the looks before it
     * @param readyAt    when its last required step was done (or a producer marked it ready)
     * @param walkedUnready it walked before it was ready, or was never ready
     */
    public record LookLine(int number, String description, String plannedModel, String wornBy, Instant plannedAt,
                           Optional<Instant> walkedAt, Optional<Instant> readyAt, boolean walkedUnready) {

        public Optional<Duration> offset() {
            return walkedAt.map(w -> Duration.between(plannedAt, w));
        }

        /** How long before walking it was ready. */
        public Optional<Duration> readyBefore() {
            return walkedAt.flatMap(w -> readyAt.map(r -> Duration.between(r, w)));
        }

        public boolean replaced() {
            return !plannedModel.equals(wornBy);
        }
    }

    /** How the pings went: calls, reminders and notices. */
    /** @param reached how each person on the call sheet got their call */
    public record Delivery(int pings, List<PingLine> sentLate, int failed, int toChannel, int dropped,
                           List<String> notConfirmed, Reached reached) {

        public Delivery {
            sentLate = List.copyOf(sentLate);
            notConfirmed = List.copyOf(notConfirmed);
        }
    }

    /**
     * People on the call sheet by how their call reached them: a DM, an email, a mention in the calls channel (their
     * DMs closed), their name in the calls channel (not linked on Discord), their department's role; nobody when no
     * call went out to them (no Discord and no email: PR marks them in).
     */
    public record Reached(int dm, int email, int callsChannel, int byName, int role, int nobody) {
    }

    public record PingLine(String who, String ping, Instant dueAt, Duration late, Optional<PingOutcome> outcome,
                           Optional<String> detail) {
    }

    public List<Person> latePeople() {
        return people.stream().filter(Person::isLate).toList();
    }

    public List<LookLine> walkedUnready() {
        return looks.stream().filter(LookLine::walkedUnready).toList();
    }
}

package dev.showcall.show;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A show as planned in its show file. Immutable; built only by {@link ShowReader} once the
 * file has validated, so every invariant the validator checks holds here.
 *
 * @param callSheet when everyone's call sheet goes out by itself ({@code call-sheet: T-24h}), before the first call
 */
public record Show(
        String id,
        String name,
        String venue,
        ZoneId zone,
        LocalDateTime start,
        Optional<TimeSpec> doors,
        DiscordBinding discord,
        List<Department> departments,
        List<Model> models,
        ModelCalls modelCalls,
        List<Look> looks,
        List<Milestone> milestones,
        int secondsPerLook,
        Duration noShowGrace,
        Duration quickChangeThreshold,
        Duration confirmBy,
        List<Step> lookSteps,
        Escalation escalation,
        Optional<TimeSpec> callSheet) {

    public Show {
        Objects.requireNonNull(id);
        Objects.requireNonNull(zone);
        Objects.requireNonNull(start);
        departments = List.copyOf(departments);
        models = List.copyOf(models);
        looks = List.copyOf(looks);
        milestones = List.copyOf(milestones);
        lookSteps = List.copyOf(lookSteps);
        Objects.requireNonNull(escalation);
        Objects.requireNonNull(callSheet);
    }

    /** A show that escalates nobody, whose call sheet is sent ahead only when a producer says so ({@code /callsheet send}). */
    public Show(String id, String name, String venue, ZoneId zone, LocalDateTime start, Optional<TimeSpec> doors,
                DiscordBinding discord, List<Department> departments, List<Model> models, ModelCalls modelCalls,
                List<Look> looks, List<Milestone> milestones, int secondsPerLook, Duration noShowGrace,
                Duration quickChangeThreshold, Duration confirmBy, List<Step> lookSteps) {
        this(id, name, venue, zone, start, doors, discord, departments, models, modelCalls, looks, milestones,
                secondsPerLook, noShowGrace, quickChangeThreshold, confirmBy, lookSteps, Escalation.NONE, Optional.empty());
    }

    /** The ladders that apply to {@code call}: its department's own, else the show's. */
    public Escalation escalationOf(Call call) {
        Escalation own = call.kind() == Call.Kind.MODEL ? modelCalls.escalation()
                : departments.stream().filter(d -> d.id().equals(call.departmentId())).findFirst()
                        .map(Department::escalation).orElse(Escalation.NONE);
        return own.over(escalation);
    }

    /** The same show with its people as found on Discord: what the show file says, with who they are. */
    public Show withPeople(List<Department> found, List<Model> foundModels, ModelCalls foundModelCalls,
                           List<Look> foundLooks) {
        return new Show(id, name, venue, zone, start, doors, discord, found, foundModels, foundModelCalls, foundLooks,
                milestones, secondsPerLook, noShowGrace, quickChangeThreshold, confirmBy, lookSteps, escalation,
                callSheet);
    }

    /** The same show with its looks worn as assigned on the day, for the rules that follow the running order. */
    public Show withLooks(List<Look> assigned) {
        return new Show(id, name, venue, zone, start, doors, discord, departments, models, modelCalls, assigned,
                milestones, secondsPerLook, noShowGrace, quickChangeThreshold, confirmBy, lookSteps, escalation,
                callSheet);
    }

    /**
     * Where the person of {@code call} can be mailed: a model's call by her name ({@code model:<name>}), a crew
     * member's by their department and account, as {@link CallPlanner} makes the keys. Empty for someone the file
     * gives no email, and for a department called through its role.
     */
    public Optional<Contact> contactOf(Call call) {
        if (call.kind() == Call.Kind.MODEL) {
            return models.stream().filter(m -> CallPlanner.modelKey(m.name()).equals(call.key())).findFirst()
                    .filter(m -> m.email().isPresent())
                    .map(m -> new Contact(m.email(), m.agencyEmail().filter(a -> !a.equalsIgnoreCase(m.email().get()))));
        }
        return departments.stream().filter(d -> d.id().equals(call.departmentId()))
                .flatMap(d -> d.members().stream().filter(m -> CallPlanner.crewKey(d.id(), m.account()).equals(call.key())))
                .findFirst()
                .flatMap(Member::email)
                .map(e -> new Contact(Optional.of(e), Optional.empty()));
    }

    /** The start on the show's wall clock, resolved against its zone's rules. */
    public ZonedDateTime zonedStart() {
        return start.atZone(zone);
    }

    public Instant startInstant() {
        return zonedStart().toInstant();
    }

    public Instant resolve(TimeSpec spec) {
        return spec.resolve(zonedStart());
    }

    public Optional<Model> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<Look> look(int number) {
        return looks.stream().filter(l -> l.number() == number).findFirst();
    }

    /** Looks in running order (the show file's numbers, ascending). */
    public List<Look> runningOrder() {
        return looks.stream().sorted(java.util.Comparator.comparingInt(Look::number)).toList();
    }

    /** The numbers the running order starts and ends with, to tell someone who typed a number it does not have. */
    public int firstLookNumber() {
        return runningOrder().get(0).number();
    }

    public int lastLookNumber() {
        return runningOrder().get(looks.size() - 1).number();
    }

    public List<Look> looksOf(String modelName) {
        return runningOrder().stream().filter(l -> l.model().equals(modelName)).toList();
    }

    public Duration lookDuration(Look look) {
        return Duration.ofSeconds(look.seconds().orElse(secondsPerLook));
    }
}

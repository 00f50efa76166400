package dev.showcall.show;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Computes a show's call sheet: crew at their departments' calls, models in waves that fill the
 * hair-and-makeup chairs, and the gaps between each model's looks. Pure: same show, same sheet.
 */
public final class CallPlanner {

    public static final String MODELS_DEPARTMENT_ID = "models";
    public static final String MODELS_DEPARTMENT_NAME = "Models";

    private CallPlanner() {
    }

    public static CallSheet plan(Show show) {
        List<Wave> waves = waves(show);
        List<Call> calls = new ArrayList<>(crewCalls(show));
        calls.addAll(modelCalls(show, waves));
        calls.sort(Comparator.comparing(Call::at).thenComparing(Call::departmentName).thenComparing(Call::who));
        return new CallSheet(show, calls, waves, quickChanges(show), milestones(show));
    }

    public static String crewKey(String departmentId, long userId) {
        return crewKey(departmentId, Account.id(userId));
    }

    public static String crewKey(String departmentId, Account account) {
        return "crew:" + departmentId + ":" + account.ref();
    }

    public static String roleKey(String departmentId, long roleId) {
        return "crew:" + departmentId + ":role:" + roleId;
    }

    public static String modelKey(String modelName) {
        return "model:" + modelName;
    }

    private static List<Call> crewCalls(Show show) {
        Instant start = show.startInstant();
        List<Call> calls = new ArrayList<>();
        for (Department d : show.departments()) {
            Instant at = show.resolve(d.call());
            for (Member m : d.members()) {
                calls.add(new Call(crewKey(d.id(), m.account()), Call.Kind.CREW, d.id(), d.name(), m.displayName(),
                        m.userId(), OptionalLong.empty(), at, Duration.between(at, start),
                        d.name() + " call", OptionalInt.empty(), d.reminders(), d.meetingPoint(), d.leadUserId(),
                        d.notes(), Optional.of(m.account())));
            }
            d.roleId().ifPresent(role -> calls.add(new Call(roleKey(d.id(), role), Call.Kind.CREW, d.id(), d.name(),
                    "everyone with role " + role, OptionalLong.empty(), OptionalLong.of(role), at,
                    Duration.between(at, start), d.name() + " call (role)", OptionalInt.empty(), d.reminders(),
                    d.meetingPoint(), d.leadUserId(), d.notes())));
        }
        return calls;
    }

    /**
     * Waves are counted back from the moment every model must be ready (start minus buffer), so
     * the last wave leaves the chairs just in time and nobody sits around longer than one wave.
     */
    private static List<Wave> waves(Show show) {
        ModelCalls mc = show.modelCalls();
        List<String> staggered = staggeredModels(show);
        int count = (staggered.size() + mc.chairs() - 1) / mc.chairs();
        Instant lastChairs = show.startInstant().minus(mc.buffer()).minus(mc.prep());
        List<Wave> waves = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            Instant chairs = lastChairs.minus(mc.prep().multipliedBy(count - k));
            int from = (k - 1) * mc.chairs();
            List<String> models = staggered.subList(from, Math.min(from + mc.chairs(), staggered.size()));
            waves.add(new Wave(k, chairs.minus(mc.checkIn()), chairs, models));
        }
        return waves;
    }

    /** Models without a call of their own, in the order of their first look. */
    private static List<String> staggeredModels(Show show) {
        Map<String, Integer> firstLook = new HashMap<>();
        for (Look look : show.looks()) {
            firstLook.merge(look.model(), look.number(), Math::min);
        }
        return show.models().stream()
                .filter(m -> !m.standby() && m.call().isEmpty())
                .sorted(Comparator.comparingInt((Model m) -> firstLook.getOrDefault(m.name(), Integer.MAX_VALUE)))
                .map(Model::name)
                .toList();
    }

    private static List<Call> modelCalls(Show show, List<Wave> waves) {
        ModelCalls mc = show.modelCalls();
        Instant start = show.startInstant();
        Map<String, Wave> waveOf = new HashMap<>();
        waves.forEach(w -> w.models().forEach(m -> waveOf.put(m, w)));
        Instant firstCall = waves.isEmpty()
                ? start.minus(mc.buffer()).minus(mc.prep()).minus(mc.checkIn())
                : waves.get(0).call();
        List<Call> calls = new ArrayList<>();
        for (Model m : show.models()) {
            Instant at;
            String reason;
            OptionalInt waveNumber = OptionalInt.empty();
            if (m.call().isPresent()) {
                at = show.resolve(m.call().get());
                reason = "own call time";
            } else if (m.standby()) {
                at = firstCall;
                reason = "standby, called with the first wave";
            } else {
                Wave w = waveOf.get(m.name());
                at = w.call();
                waveNumber = OptionalInt.of(w.number());
                reason = "wave " + w.number() + " of " + waves.size() + ", chairs at "
                        + LocalTime.ofInstant(w.chairs(), show.zone());
            }
            calls.add(new Call(modelKey(m.name()), Call.Kind.MODEL, MODELS_DEPARTMENT_ID, MODELS_DEPARTMENT_NAME,
                    m.name(), m.userId(), OptionalLong.empty(), at, Duration.between(at, start), reason, waveNumber,
                    mc.reminders(), mc.meetingPoint(), mc.leadUserId(), mc.notes(), m.account()));
        }
        return calls;
    }

    /**
     * Look {@code n} goes out at the start plus the runway time of every look before it; its model
     * is back once its own time has passed. The gap runs from her return to her next look.
     */
    public static List<QuickChange> quickChanges(Show show) {
        Map<Integer, Duration> out = new LinkedHashMap<>();
        Duration elapsed = Duration.ZERO;
        for (Look look : show.runningOrder()) {
            out.put(look.number(), elapsed);
            elapsed = elapsed.plus(show.lookDuration(look));
        }
        Map<String, Look> previousOf = new HashMap<>();
        List<QuickChange> changes = new ArrayList<>();
        for (Look look : show.runningOrder()) {
            Optional.ofNullable(previousOf.put(look.model(), look)).ifPresent(previous -> {
                Duration back = out.get(previous.number()).plus(show.lookDuration(previous));
                Duration gap = out.get(look.number()).minus(back);
                changes.add(new QuickChange(look.model(), previous.number(), look.number(), gap,
                        gap.compareTo(show.quickChangeThreshold()) < 0));
            });
        }
        return changes;
    }

    private static List<CallSheet.TimedMilestone> milestones(Show show) {
        return show.milestones().stream()
                .map(m -> new CallSheet.TimedMilestone(m.name(), show.resolve(m.at())))
                .sorted(Comparator.comparing(CallSheet.TimedMilestone::at))
                .toList();
    }
}

package dev.showcall.calls;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Call;
import dev.showcall.show.Department;
import dev.showcall.show.Escalation;
import dev.showcall.show.Wave;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Every ping a show's call sheet asks for, in time order. Pure. */
public final class PingPlan {

    private PingPlan() {
    }

    public static List<PlannedPing> of(PlannedShow show) {
        List<PlannedPing> pings = new ArrayList<>();
        for (Call call : show.sheet().calls()) {
            if (call.kind() == Call.Kind.MODEL) {
                Instant late = call.at().plus(show.show().noShowGrace());
                pings.add(new PlannedPing(call.key(), PlannedPing.LATE_CHECK, late, call.at()));
            }
            pings.addAll(ladders(show, call));
            boolean byEmail = RoutedNotifier.byEmail(show, call);
            if (call.notLinked() && !byEmail) {
                // called by name in the calls channel; reminders and checks wait until a producer links them
                pings.add(new PlannedPing(call.key(), PlannedPing.CALL, call.at(), call.at()));
                continue;
            }
            if (call.userId().isEmpty() && !byEmail) {
                // a model without Discord or email is marked in by PR; a role is called by its department's announcement
                continue;
            }
            pings.add(new PlannedPing(call.key(), PlannedPing.CALL, call.at(), call.at()));
            for (Duration before : call.reminders()) {
                pings.add(new PlannedPing(call.key(), PlannedPing.reminder(before), call.at().minus(before), call.at()));
            }
            Duration confirmBy = show.show().confirmBy();
            if (call.reminders().stream().anyMatch(r -> r.compareTo(confirmBy) > 0)) {
                // reminded before it: by now they have had the time to answer
                pings.add(new PlannedPing(call.key(), PlannedPing.CHECK, call.at().minus(confirmBy), call.at()));
            }
        }
        for (Department d : show.show().departments()) {
            Instant at = show.show().resolve(d.call());
            pings.add(new PlannedPing(Announcements.department(d.id()), PlannedPing.CALL, at, at));
        }
        for (Wave w : show.sheet().waves()) {
            pings.add(new PlannedPing(Announcements.wave(w.number()), PlannedPing.CALL, w.call(), w.call()));
        }
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (dev.showcall.show.CallSheet.TimedMilestone m : show.sheet().milestones()) {
            int occurrence = seen.merge(m.name(), 1, Integer::sum);
            pings.add(new PlannedPing(Announcements.milestone(m.name(), occurrence), PlannedPing.CALL, m.at(), m.at()));
        }
        show.show().callSheet().map(show.show()::resolve)
                .ifPresent(at -> pings.add(new PlannedPing(CallSheets.EVERYONE, PlannedPing.CALL, at, at)));
        pings.sort(java.util.Comparator.comparing(PlannedPing::due).thenComparing(PlannedPing::jobName));
        return pings;
    }

    /**
     * The steps of the ladders that apply to {@code call}, each after its wait from the call. Only a person climbs a
     * ladder: a department called through its role does not. Nobody is waited on to confirm who has no buttons to
     * do it with: a model without Discord or email is marked in by PR.
     */
    static List<PlannedPing> ladders(PlannedShow show, Call call) {
        if (call.roleId().isPresent()) {
            return List.of();
        }
        Escalation escalation = show.show().escalationOf(call);
        List<PlannedPing> steps = new ArrayList<>();
        for (Escalation.Condition condition : Escalation.Condition.values()) {
            if (condition == Escalation.Condition.NOT_CONFIRMED && call.userId().isEmpty() && !call.notLinked()
                    && !RoutedNotifier.byEmail(show, call)) {
                continue;
            }
            List<Escalation.Step> ladder = escalation.ladder(condition);
            for (int i = 0; i < ladder.size(); i++) {
                steps.add(new PlannedPing(call.key(), CallPing.escalation(condition, i + 1),
                        call.at().plus(ladder.get(i).after()), call.at()));
            }
        }
        return steps;
    }
}

package dev.showcall.calls;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Call;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whose DMs showcall knows to be closed: those whose last message from showcall (a call, a
 * reminder, a notice) could not be sent by DM and went to the calls channel instead. A DM that
 * went through since, because they opened their DMs, makes them reachable again. Pure.
 */
public final class ClosedDms {

    private ClosedDms() {
    }

    /** The users of {@code show} whose last message, among {@code pings}, went to the calls channel. */
    public static Set<Long> of(PlannedShow show, List<CallPing> pings) {
        Map<String, Call> calls = show.sheet().calls().stream()
                .collect(Collectors.toMap(Call::key, c -> c, (a, b) -> a));
        Map<Long, CallPing> last = new HashMap<>();
        for (CallPing ping : pings) {
            boolean toThePerson = ping.outcome().filter(o -> o == PingOutcome.DM || o == PingOutcome.CHANNEL).isPresent();
            OptionalLong user = userOf(calls, ping.callKey());
            if (!toThePerson || user.isEmpty()) {
                continue;
            }
            last.merge(user.getAsLong(), ping, (a, b) -> sentAt(b).isAfter(sentAt(a)) ? b : a);
        }
        return last.entrySet().stream()
                .filter(e -> e.getValue().outcome().orElseThrow() == PingOutcome.CHANNEL)
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The person a ping went to: a notice's user, or the person of a call; none for announcements and milestones. */
    private static OptionalLong userOf(Map<String, Call> calls, String subjectKey) {
        if (subjectKey.startsWith(ReplacementNotice.USER)) {
            try {
                return OptionalLong.of(Long.parseLong(subjectKey.substring(ReplacementNotice.USER.length())));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        Call call = calls.get(subjectKey);
        return call == null ? OptionalLong.empty() : call.userId();
    }

    private static Instant sentAt(CallPing ping) {
        return ping.sentAt().orElseThrow();
    }
}

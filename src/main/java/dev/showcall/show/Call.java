package dev.showcall.show;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One line of the call sheet: who is called, when, and why.
 *
 * @param key         stable across reloads of the show file: {@code crew:<dept>:<user>},
 *                    {@code crew:<dept>:role:<role>} or {@code model:<name>}
 * @param userId      the person to ping, when known
 * @param roleId      for a department called through a role: everyone holding it
 * @param reminders   how long before {@code at} each reminder goes out, longest first
 */
public record Call(
        String key,
        Kind kind,
        String departmentId,
        String departmentName,
        String who,
        OptionalLong userId,
        OptionalLong roleId,
        Instant at,
        Duration beforeStart,
        String reason,
        OptionalInt wave,
        List<Duration> reminders,
        Optional<String> meetingPoint,
        OptionalLong leadUserId,
        Optional<String> notes) {

    public enum Kind { CREW, MODEL }

    public Call {
        reminders = List.copyOf(reminders);
    }

    public List<Instant> reminderInstants() {
        return reminders.stream().map(at::minus).toList();
    }
}

package dev.showcall.show;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A crew department and how it is called. */
public record Department(
        String id,
        String name,
        TimeSpec call,
        List<Member> members,
        OptionalLong roleId,
        OptionalLong leadUserId,
        Optional<String> meetingPoint,
        Optional<String> notes,
        List<Duration> reminders) {

    public Department {
        members = List.copyOf(members);
        reminders = List.copyOf(reminders);
    }
}

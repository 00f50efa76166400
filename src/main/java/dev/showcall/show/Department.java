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
        List<Duration> reminders,
        Optional<Account> lead,
        Escalation escalation) {

    public Department {
        members = List.copyOf(members);
        reminders = List.copyOf(reminders);
    }

    /** A department with no ladders of its own. */
    public Department(String id, String name, TimeSpec call, List<Member> members, OptionalLong roleId,
                      OptionalLong leadUserId, Optional<String> meetingPoint, Optional<String> notes,
                      List<Duration> reminders, Optional<Account> lead) {
        this(id, name, call, members, roleId, leadUserId, meetingPoint, notes, reminders, lead, Escalation.NONE);
    }

    /** A department whose lead, if any, is given by id. */
    public Department(String id, String name, TimeSpec call, List<Member> members, OptionalLong roleId,
                      OptionalLong leadUserId, Optional<String> meetingPoint, Optional<String> notes,
                      List<Duration> reminders) {
        this(id, name, call, members, roleId, leadUserId, meetingPoint, notes, reminders,
                leadUserId.isPresent() ? Optional.of(Account.id(leadUserId.getAsLong())) : Optional.empty());
    }

    /** This department with its people as found on Discord. */
    public Department withPeople(List<Member> found, OptionalLong leadFound) {
        return new Department(id, name, call, found, roleId, leadFound, meetingPoint, notes, reminders, lead, escalation);
    }
}

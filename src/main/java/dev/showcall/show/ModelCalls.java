package dev.showcall.show;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How models are called: in waves that fill the hair-and-makeup chairs, so that every model is
 * ready {@code buffer} before the start and nobody is called hours before her chair is free.
 */
public record ModelCalls(
        int chairs,
        Duration prep,
        Duration buffer,
        Duration checkIn,
        Optional<String> meetingPoint,
        OptionalLong leadUserId,
        Optional<String> notes,
        List<Duration> reminders,
        Optional<Account> lead,
        Escalation escalation) {

    public ModelCalls {
        reminders = List.copyOf(reminders);
    }

    /** Model calls with no ladders of their own. */
    public ModelCalls(int chairs, Duration prep, Duration buffer, Duration checkIn, Optional<String> meetingPoint,
                      OptionalLong leadUserId, Optional<String> notes, List<Duration> reminders, Optional<Account> lead) {
        this(chairs, prep, buffer, checkIn, meetingPoint, leadUserId, notes, reminders, lead, Escalation.NONE);
    }

    /** Model calls whose lead, if any, is given by id. */
    public ModelCalls(int chairs, Duration prep, Duration buffer, Duration checkIn, Optional<String> meetingPoint,
                      OptionalLong leadUserId, Optional<String> notes, List<Duration> reminders) {
        this(chairs, prep, buffer, checkIn, meetingPoint, leadUserId, notes, reminders,
                leadUserId.isPresent() ? Optional.of(Account.id(leadUserId.getAsLong())) : Optional.empty());
    }

    /** These model calls with their lead found on Discord, or not ({@code userId} empty). */
    public ModelCalls withLeadUserId(OptionalLong userId) {
        return new ModelCalls(chairs, prep, buffer, checkIn, meetingPoint, userId, notes, reminders, lead, escalation);
    }
}

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
        List<Duration> reminders) {

    public ModelCalls {
        reminders = List.copyOf(reminders);
    }
}

package dev.showcall.show;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * A moment of the show's day as the show file writes it: relative to the start ({@code T-4h30m},
 * {@code T+12m}), a wall-clock time on the show's date ({@code 14:30}) or a full local date-time.
 * Relative times are elapsed time, so "4h30m before" stays 4h30m on a daylight-saving day.
 */
public sealed interface TimeSpec {

    Instant resolve(ZonedDateTime start);

    /** {@code offset} from the start; negative is before. */
    record Relative(Duration offset) implements TimeSpec {
        @Override
        public Instant resolve(ZonedDateTime start) {
            return start.toInstant().plus(offset);
        }

        @Override
        public String toString() {
            return Durations.formatOffset(offset);
        }
    }

    /** A wall-clock time on the start's local date. */
    record WallClock(LocalTime time) implements TimeSpec {
        @Override
        public Instant resolve(ZonedDateTime start) {
            return ZonedDateTime.ofLocal(start.toLocalDate().atTime(time), start.getZone(), null).toInstant();
        }

        @Override
        public String toString() {
            return time.toString();
        }
    }

    record DateTime(LocalDateTime dateTime) implements TimeSpec {
        @Override
        public Instant resolve(ZonedDateTime start) {
            return ZonedDateTime.ofLocal(dateTime, start.getZone(), null).toInstant();
        }

        @Override
        public String toString() {
            return dateTime.toString();
        }
    }
}

package dev.showcall.show;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** One look in the running order; {@code number} is its place in the show. */
public record Look(
        int number,
        String model,
        String description,
        OptionalLong dresserUserId,
        OptionalInt seconds) {
}

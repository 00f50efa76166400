package dev.showcall.show;

import java.util.Optional;
import java.util.OptionalLong;

/** A model on the show's roster; a standby walks only if she replaces someone on the day. */
public record Model(
        String name,
        OptionalLong userId,
        Optional<String> agency,
        boolean standby,
        Optional<TimeSpec> call) {
}

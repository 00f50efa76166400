package dev.showcall.show;

import java.util.Optional;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** One look in the running order; {@code number} is its place in the show. */
public record Look(
        int number,
        String model,
        String description,
        OptionalLong dresserUserId,
        OptionalInt seconds,
        Optional<Account> dresser) {

    /** A look whose dresser, if any, is given by id. */
    public Look(int number, String model, String description, OptionalLong dresserUserId, OptionalInt seconds) {
        this(number, model, description, dresserUserId, seconds,
                dresserUserId.isPresent() ? Optional.of(Account.id(dresserUserId.getAsLong())) : Optional.empty());
    }

    /** This look with its dresser found on Discord, or not ({@code userId} empty). */
    public Look withDresserUserId(OptionalLong userId) {
        return new Look(number, model, description, userId, seconds, dresser);
    }
}

package dev.showcall.show;

import java.util.Optional;
import java.util.OptionalLong;

/** A model on the show's roster; a standby walks only if she replaces someone on the day. */
public record Model(
        String name,
        OptionalLong userId,
        Optional<String> agency,
        boolean standby,
        Optional<TimeSpec> call,
        Optional<Account> account) {

    /** A model whose Discord account, if any, is given by id. */
    public Model(String name, OptionalLong userId, Optional<String> agency, boolean standby, Optional<TimeSpec> call) {
        this(name, userId, agency, standby, call,
                userId.isPresent() ? Optional.of(Account.id(userId.getAsLong())) : Optional.empty());
    }

    /** This model found on Discord as {@code user}, or not found (empty). */
    public Model withUserId(OptionalLong user) {
        return new Model(name, user, agency, standby, call, account);
    }

    /** Whether she has a Discord account in the file that nobody has been found for yet. */
    public boolean notLinked() {
        return account.isPresent() && userId.isEmpty();
    }
}

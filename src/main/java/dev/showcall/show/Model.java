package dev.showcall.show;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A model on the show's roster; a standby walks only if she replaces someone on the day.
 *
 * @param email       her email address, when the show file gives one: her calls can go there too
 * @param agencyEmail her booker's address at her agency, copied on the mails about her call
 */
public record Model(
        String name,
        OptionalLong userId,
        Optional<String> agency,
        boolean standby,
        Optional<TimeSpec> call,
        Optional<Account> account,
        Optional<String> email,
        Optional<String> agencyEmail) {

    public Model {
        java.util.Objects.requireNonNull(email);
        java.util.Objects.requireNonNull(agencyEmail);
    }

    /** A model without email addresses. */
    public Model(String name, OptionalLong userId, Optional<String> agency, boolean standby, Optional<TimeSpec> call,
                 Optional<Account> account) {
        this(name, userId, agency, standby, call, account, Optional.empty(), Optional.empty());
    }

    /** A model whose Discord account, if any, is given by id. */
    public Model(String name, OptionalLong userId, Optional<String> agency, boolean standby, Optional<TimeSpec> call) {
        this(name, userId, agency, standby, call,
                userId.isPresent() ? Optional.of(Account.id(userId.getAsLong())) : Optional.empty());
    }

    /** This model found on Discord as {@code user}, or not found (empty). */
    public Model withUserId(OptionalLong user) {
        return new Model(name, user, agency, standby, call, account, email, agencyEmail);
    }

    /** Whether she has a Discord account in the file that nobody has been found for yet. */
    public boolean notLinked() {
        return account.isPresent() && userId.isEmpty();
    }
}

package dev.showcall.show;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A person in a department, with the name the call sheet shows if given.
 *
 * @param account as the show file gives it (or a role holder found on Discord)
 * @param userId  the Discord user to ping: the account's id, or the user its username or a link found; empty
 *                while nobody is found ("not linked")
 * @param email   their email address, when the show file gives one: their calls can go there too
 */
public record Member(Account account, Optional<String> name, OptionalLong userId, Optional<String> email) {

    public Member {
        java.util.Objects.requireNonNull(email);
    }

    /** A member without an email address. */
    public Member(Account account, Optional<String> name, OptionalLong userId) {
        this(account, name, userId, Optional.empty());
    }

    /** A member given by id. */
    public Member(long userId, Optional<String> name) {
        this(Account.id(userId), name, OptionalLong.of(userId));
    }

    /** A member as the show file gives them, before anyone is looked up on Discord. */
    public static Member asFiled(Account account, Optional<String> name) {
        return asFiled(account, name, Optional.empty());
    }

    /** A member as the show file gives them, with their email address if any. */
    public static Member asFiled(Account account, Optional<String> name, Optional<String> email) {
        return new Member(account, name, account.id(), email);
    }

    public String displayName() {
        return name.orElseGet(() -> account instanceof Account.Username u ? "@" + u.name() : "user " + account.ref());
    }

    /** This member found on Discord as {@code user}, or not found (empty). */
    public Member withUserId(OptionalLong user) {
        return new Member(account, name, user, email);
    }

    /** Whether the file names this person by an account nobody has been found for yet. */
    public boolean notLinked() {
        return userId.isEmpty();
    }
}

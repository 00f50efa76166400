package dev.showcall.show;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A person in a department, with the name the call sheet shows if given.
 *
 * @param account as the show file gives it (or a role holder found on Discord)
 * @param userId  the Discord user to ping: the account's id, or the user its username or a link found; empty
 *                while nobody is found ("not linked")
 */
public record Member(Account account, Optional<String> name, OptionalLong userId) {

    /** A member given by id. */
    public Member(long userId, Optional<String> name) {
        this(Account.id(userId), name, OptionalLong.of(userId));
    }

    /** A member as the show file gives them, before anyone is looked up on Discord. */
    public static Member asFiled(Account account, Optional<String> name) {
        return new Member(account, name, account.id());
    }

    public String displayName() {
        return name.orElseGet(() -> account instanceof Account.Username u ? "@" + u.name() : "user " + account.ref());
    }

    /** This member found on Discord as {@code user}, or not found (empty). */
    public Member withUserId(OptionalLong user) {
        return new Member(account, name, user);
    }

    /** Whether the file names this person by an account nobody has been found for yet. */
    public boolean notLinked() {
        return userId.isEmpty();
    }
}

package dev.showcall.show;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Someone's Discord account as the show file gives it: an id, or a username that showcall finds on the
 * server's member list when the show loads. Either way {@link #ref()} names the person the same way across
 * reloads, whoever they turn out to be on Discord.
 */
public sealed interface Account {

    /**
     * Discord's rule for usernames: 2 to 32 characters, lowercase letters, digits, '_' and '.', never two
     * '.' in a row. Legacy names with a discriminator ({@code name#1234}) no longer exist.
     */
    Pattern USERNAME = Pattern.compile("[a-z0-9_.]{2,32}");

    /** How the show file and the call keys write this account: the id's digits, or {@code @username}. */
    String ref();

    /** The account's id when the file gives it; a username's is found on Discord. */
    OptionalLong id();

    record Id(long userId) implements Account {
        @Override
        public String ref() {
            return Long.toUnsignedString(userId);
        }

        @Override
        public OptionalLong id() {
            return OptionalLong.of(userId);
        }

        @Override
        public String toString() {
            return ref();
        }
    }

    record Username(String name) implements Account {
        public Username {
            name = name.toLowerCase(Locale.ROOT);
        }

        @Override
        public String ref() {
            return "@" + name;
        }

        @Override
        public OptionalLong id() {
            return OptionalLong.empty();
        }

        @Override
        public String toString() {
            return ref();
        }
    }

    static Account id(long id) {
        return new Id(id);
    }

    static Account username(String name) {
        return new Username(name);
    }

    /** Whether {@code name} (without its '@') could be a Discord username. */
    static boolean isUsername(String name) {
        return USERNAME.matcher(name).matches() && !name.contains("..");
    }
}

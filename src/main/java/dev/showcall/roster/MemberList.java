package dev.showcall.roster;

import java.util.List;
import java.util.Optional;

/**
 * A Discord server's members, as far as a show needs them: who has a username, who holds a role. Discord
 * gives the list only to a bot with the Server Members intent; without it nothing is {@link #known}.
 */
public interface MemberList {

    /** A member holding a role, with the name Discord shows for them in the server. */
    record Holder(long userId, String displayName) {
    }

    /** Whether this server's member list is loaded: when not, nobody is found by username or role. */
    boolean known(long guildId);

    /** The member with this username (lowercase, without '@'), if the server has one. */
    Optional<Long> userNamed(long guildId, String username);

    /** Every member holding the role, bots left out. */
    List<Holder> holders(long guildId, long roleId);

    /** No member list at all: showcall without the Server Members intent. */
    MemberList NONE = new MemberList() {
        @Override
        public boolean known(long guildId) {
            return false;
        }

        @Override
        public Optional<Long> userNamed(long guildId, String username) {
            return Optional.empty();
        }

        @Override
        public List<Holder> holders(long guildId, long roleId) {
            return List.of();
        }
    };
}

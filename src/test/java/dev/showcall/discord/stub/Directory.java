package dev.showcall.discord.stub;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who and what exists on the stub: the bot, the guilds with their roles and channels (fixed), and who is a member of
 * which guild under which name (changed by tests while the stub runs). A name belongs to the user, as on Discord: it is
 * the same in every guild. Thread-safe: every change and every read holds one lock, so a reader never sees half a
 * change.
 */
final class Directory {

    /** A guild member as the stub knows it, the bot included; {@code joinedAt} is when it joined the guild. */
    record Someone(long userId, String username, String globalName, List<Long> roleIds, boolean bot,
                   Instant joinedAt) {

        Someone {
            roleIds = List.copyOf(roleIds);
        }

        StubGuild.Member asMember() {
            return new StubGuild.Member(userId, username, globalName, roleIds);
        }
    }

    /** A text channel with the guild it belongs to. */
    record GuildChannel(StubGuild guild, StubGuild.TextChannel channel) {
    }

    /** A member of one guild, as a change of a user's name touches every guild the user is in. */
    record InGuild(StubGuild guild, Someone member) {
    }

    private record Name(String username, String globalName) {
    }

    private record Membership(List<Long> roleIds, Instant joinedAt) {
    }

    private final StubBot bot;
    private final List<StubGuild> guilds;
    private final Instant joinedAt;
    private final Object lock = new Object();
    /** Every user the stub knows by name, members who left included. */
    private final Map<Long, Name> names = new HashMap<>();
    /** Guild id to the members in the order they joined, the bot left out. */
    private final Map<Long, LinkedHashMap<Long, Membership>> memberships = new HashMap<>();

    /** @param joinedAt when the bot and the members the guilds were built with joined them */
    Directory(StubBot bot, List<StubGuild> guilds, Instant joinedAt) {
        this.bot = bot;
        this.guilds = List.copyOf(guilds);
        this.joinedAt = joinedAt;
        for (StubGuild guild : this.guilds) {
            LinkedHashMap<Long, Membership> members = new LinkedHashMap<>();
            for (StubGuild.Member member : guild.members()) {
                if (member.userId() != bot.userId()) {
                    names.putIfAbsent(member.userId(), new Name(member.username(), member.globalName()));
                    members.put(member.userId(), new Membership(member.roleIds(), joinedAt));
                }
            }
            memberships.put(guild.id(), members);
        }
    }

    StubBot bot() {
        return bot;
    }

    List<StubGuild> guilds() {
        return guilds;
    }

    /** When the bot joined every guild. */
    Instant joinedAt() {
        return joinedAt;
    }

    Optional<StubGuild> guild(long guildId) {
        return guilds.stream().filter(g -> g.id() == guildId).findFirst();
    }

    Optional<GuildChannel> channel(long channelId) {
        for (StubGuild guild : guilds) {
            Optional<StubGuild.TextChannel> channel = guild.channel(channelId);
            if (channel.isPresent()) {
                return Optional.of(new GuildChannel(guild, channel.get()));
            }
        }
        return Optional.empty();
    }

    Someone botMember(StubGuild guild) {
        return new Someone(bot.userId(), bot.username(), null, List.of(guild.botRole().id()), true, joinedAt);
    }

    Optional<Someone> member(StubGuild guild, long userId) {
        if (userId == bot.userId()) {
            return Optional.of(botMember(guild));
        }
        synchronized (lock) {
            return Optional.ofNullable(membersOf(guild.id()).get(userId)).map(m -> someone(userId, m));
        }
    }

    /** Every member of the guild as it is now: the bot first, then the others in the order they joined. */
    List<Someone> members(StubGuild guild) {
        List<Someone> everyone = new ArrayList<>();
        everyone.add(botMember(guild));
        synchronized (lock) {
            membersOf(guild.id()).forEach((userId, membership) -> everyone.add(someone(userId, membership)));
        }
        return everyone;
    }

    /** The user with this id; users the stub never heard of get a made-up name. */
    Someone user(long userId) {
        if (userId == bot.userId()) {
            return new Someone(userId, bot.username(), null, List.of(), true, joinedAt);
        }
        synchronized (lock) {
            Name name = names.getOrDefault(userId, new Name("user" + userId, null));
            return new Someone(userId, name.username(), name.globalName(), List.of(), false, joinedAt);
        }
    }

    /**
     * A user joins the guild. A user the stub knows from elsewhere must come with the name it has: a new name is a
     * change of its own ({@link #rename}), which the guilds it is in hear of.
     */
    Someone join(long guildId, long userId, String username, String globalName, List<Long> roleIds, Instant at) {
        StubGuild guild = knownGuild(guildId);
        checkAssignable(guild, roleIds);
        synchronized (lock) {
            LinkedHashMap<Long, Membership> members = membersOf(guildId);
            if (userId == bot.userId() || members.containsKey(userId)) {
                throw new IllegalArgumentException("User " + userId + " is already a member of guild " + guildId);
            }
            Name name = new Name(username, globalName);
            Name known = names.putIfAbsent(userId, name);
            if (known != null && !known.equals(name)) {
                throw new IllegalArgumentException("User " + userId + " is " + known + " already; rename it first");
            }
            Membership membership = new Membership(List.copyOf(roleIds), at);
            members.put(userId, membership);
            return someone(userId, membership);
        }
    }

    /** Gives the member exactly these roles (besides @everyone). */
    Someone setRoles(long guildId, long userId, List<Long> roleIds) {
        StubGuild guild = knownGuild(guildId);
        checkAssignable(guild, roleIds);
        synchronized (lock) {
            Membership before = existingMember(guildId, userId);
            Membership after = new Membership(List.copyOf(roleIds), before.joinedAt());
            membersOf(guildId).put(userId, after);
            return someone(userId, after);
        }
    }

    /** Renames the user everywhere; returns it as a member of every guild it is in. */
    List<InGuild> rename(long userId, String username, String globalName) {
        if (userId == bot.userId()) {
            throw new IllegalArgumentException("The bot's name cannot change");
        }
        synchronized (lock) {
            if (!names.containsKey(userId)) {
                throw new IllegalArgumentException("No user " + userId + " on the stub");
            }
            names.put(userId, new Name(username, globalName));
            List<InGuild> changed = new ArrayList<>();
            for (StubGuild guild : guilds) {
                Membership membership = membersOf(guild.id()).get(userId);
                if (membership != null) {
                    changed.add(new InGuild(guild, someone(userId, membership)));
                }
            }
            return changed;
        }
    }

    /** The member leaves the guild (or is kicked); returns it as it was. */
    Someone leave(long guildId, long userId) {
        knownGuild(guildId);
        synchronized (lock) {
            Membership membership = existingMember(guildId, userId);
            membersOf(guildId).remove(userId);
            return someone(userId, membership);
        }
    }

    private Someone someone(long userId, Membership membership) {
        Name name = names.get(userId);
        return new Someone(userId, name.username(), name.globalName(), membership.roleIds(), false,
                membership.joinedAt());
    }

    private LinkedHashMap<Long, Membership> membersOf(long guildId) {
        return memberships.getOrDefault(guildId, new LinkedHashMap<>());
    }

    private Membership existingMember(long guildId, long userId) {
        if (userId == bot.userId()) {
            throw new IllegalArgumentException("The bot's own membership cannot change");
        }
        Membership membership = membersOf(guildId).get(userId);
        if (membership == null) {
            throw new IllegalArgumentException("User " + userId + " is not a member of guild " + guildId);
        }
        return membership;
    }

    private StubGuild knownGuild(long guildId) {
        return guild(guildId).orElseThrow(() -> new IllegalArgumentException("No guild " + guildId + " on the stub"));
    }

    /** As Discord refuses: @everyone is implied and a bot's managed role belongs to that bot alone. */
    private static void checkAssignable(StubGuild guild, List<Long> roleIds) {
        for (long roleId : roleIds) {
            StubGuild.Role role = guild.role(roleId).orElseThrow(() -> new IllegalArgumentException(
                    "No role " + roleId + " in guild " + guild.id()));
            if (role.id() == guild.id() || role.managed()) {
                throw new IllegalArgumentException("Role " + role.name() + " cannot be given to a member");
            }
        }
    }
}

package dev.showcall.discord.stub;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Discord server as the stub serves it: roles, text channels with their permission overwrites, and members.
 * The @everyone role has the guild's id; the bot joins every guild as a member with a managed role of its own.
 *
 * <pre>{@code
 * StubGuild guild = StubGuild.builder(GUILD, "Spring show")
 *         .role(PRODUCER_ROLE, "Producer", Permissions.EVERYONE_DEFAULT)
 *         .textChannel(TIMELINE, "timeline",
 *                 Overwrite.role(GUILD, 0, Permissions.VIEW_CHANNEL),
 *                 Overwrite.role(PRODUCER_ROLE, Permissions.VIEW_CHANNEL, 0))
 *         .member(PRODUCER, "mara", "Mara", PRODUCER_ROLE)
 *         .build();
 * }</pre>
 */
public final class StubGuild {

    /** A role; {@code position} 0 is the bottom (where @everyone sits). */
    public record Role(long id, String name, long permissions, int position, boolean managed) {
    }

    /** A permission overwrite on a channel, for a role (type 0) or a member (type 1). */
    public record Overwrite(long id, int type, long allow, long deny) {

        public static Overwrite role(long roleId, long allow, long deny) {
            return new Overwrite(roleId, 0, allow, deny);
        }

        public static Overwrite member(long userId, long allow, long deny) {
            return new Overwrite(userId, 1, allow, deny);
        }

        public boolean isRole() {
            return type == 0;
        }
    }

    /** A text channel (type 0). */
    public record TextChannel(long id, String name, int position, List<Overwrite> overwrites) {

        public TextChannel {
            overwrites = List.copyOf(overwrites);
        }
    }

    /** A member: the user behind it and the roles it holds (the @everyone role is implied). */
    public record Member(long userId, String username, String globalName, List<Long> roleIds) {

        public Member {
            roleIds = List.copyOf(roleIds);
        }
    }

    private final long id;
    private final String name;
    private final long ownerId;
    private final String locale;
    private final List<Role> roles;
    private final Role botRole;
    private final List<TextChannel> channels;
    private final List<Member> members;

    private StubGuild(Builder builder) {
        this.id = builder.id;
        this.name = builder.name;
        this.ownerId = builder.ownerId;
        this.locale = builder.locale;
        this.botRole = new Role(builder.botRoleId, builder.botRoleName, builder.botPermissions, builder.roles.size() + 1, true);
        List<Role> allRoles = new ArrayList<>();
        allRoles.add(new Role(id, "@everyone", builder.everyonePermissions, 0, false));
        allRoles.addAll(builder.roles);
        allRoles.add(botRole);
        this.roles = List.copyOf(allRoles);
        this.channels = List.copyOf(builder.channels);
        this.members = List.copyOf(builder.members);
    }

    public static Builder builder(long id, String name) {
        return new Builder(id, name);
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The owner's user id, 0 when nobody in particular owns the guild. */
    public long ownerId() {
        return ownerId;
    }

    public String locale() {
        return locale;
    }

    /** Every role, @everyone first and the bot's managed role last. */
    public List<Role> roles() {
        return roles;
    }

    public Role everyone() {
        return roles.get(0);
    }

    public Role botRole() {
        return botRole;
    }

    public Optional<Role> role(long roleId) {
        return roles.stream().filter(r -> r.id() == roleId).findFirst();
    }

    public List<TextChannel> channels() {
        return channels;
    }

    public Optional<TextChannel> channel(long channelId) {
        return channels.stream().filter(c -> c.id() == channelId).findFirst();
    }

    /**
     * The members the guild was built with, without the bot; those of a running stub, which tests may change, are
     * {@link DiscordStub#members(long)}.
     */
    public List<Member> members() {
        return members;
    }

    public Optional<Member> member(long userId) {
        return members.stream().filter(m -> m.userId() == userId).findFirst();
    }

    /** Builds a {@link StubGuild}; ids must be unique snowflakes (any positive long will do in tests). */
    public static final class Builder {

        private final long id;
        private final String name;
        private long ownerId;
        private String locale = "en-US";
        private long everyonePermissions = Permissions.EVERYONE_DEFAULT;
        private long botRoleId = Snowflakes.next();
        private String botRoleName = "showcall";
        private long botPermissions = Permissions.BOT_DEFAULT;
        private final List<Role> roles = new ArrayList<>();
        private final List<TextChannel> channels = new ArrayList<>();
        private final List<Member> members = new ArrayList<>();

        private Builder(long id, String name) {
            this.id = id;
            this.name = Objects.requireNonNull(name);
        }

        public Builder owner(long userId) {
            this.ownerId = userId;
            return this;
        }

        public Builder locale(String locale) {
            this.locale = Objects.requireNonNull(locale);
            return this;
        }

        public Builder everyonePermissions(long permissions) {
            this.everyonePermissions = permissions;
            return this;
        }

        /** The bot's own managed role, which the stub gives the bot member in this guild. */
        public Builder botRole(long roleId, String roleName, long permissions) {
            this.botRoleId = roleId;
            this.botRoleName = Objects.requireNonNull(roleName);
            this.botPermissions = permissions;
            return this;
        }

        /** Adds a role above the ones added before it. */
        public Builder role(long roleId, String roleName, long permissions) {
            roles.add(new Role(roleId, roleName, permissions, roles.size() + 1, false));
            return this;
        }

        public Builder textChannel(long channelId, String channelName, Overwrite... overwrites) {
            channels.add(new TextChannel(channelId, channelName, channels.size(), Arrays.asList(overwrites)));
            return this;
        }

        public Builder member(long userId, String username, long... roleIds) {
            return member(userId, username, null, roleIds);
        }

        public Builder member(long userId, String username, String globalName, long... roleIds) {
            List<Long> ids = Arrays.stream(roleIds).boxed().toList();
            members.add(new Member(userId, username, globalName, ids));
            return this;
        }

        public StubGuild build() {
            return new StubGuild(this);
        }
    }
}

package dev.showcall.discord.stub;

import java.util.Collection;

/** Discord's permission bits and how a member's permissions in a channel are computed from roles and overwrites. */
public final class Permissions {

    public static final long ADMINISTRATOR = 1L << 3;
    public static final long ADD_REACTIONS = 1L << 6;
    public static final long VIEW_CHANNEL = 1L << 10;
    public static final long SEND_MESSAGES = 1L << 11;
    public static final long MANAGE_MESSAGES = 1L << 13;
    public static final long EMBED_LINKS = 1L << 14;
    public static final long ATTACH_FILES = 1L << 15;
    public static final long READ_MESSAGE_HISTORY = 1L << 16;
    public static final long MENTION_EVERYONE = 1L << 17;
    public static final long USE_EXTERNAL_EMOJIS = 1L << 18;
    public static final long USE_APPLICATION_COMMANDS = 1L << 31;
    public static final long SEND_MESSAGES_IN_THREADS = 1L << 38;
    public static final long PIN_MESSAGES = 1L << 51;

    /** Every permission bit Discord knows today. */
    public static final long ALL = (1L << 52) - 1;

    /** What @everyone may do in a fresh server: see, talk, read history, use commands. */
    public static final long EVERYONE_DEFAULT = VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | ADD_REACTIONS
            | USE_EXTERNAL_EMOJIS | USE_APPLICATION_COMMANDS | SEND_MESSAGES_IN_THREADS;

    /** What a bot is typically invited with: everything it needs to post, edit and pin in its channels. */
    public static final long BOT_DEFAULT = EVERYONE_DEFAULT | EMBED_LINKS | ATTACH_FILES | MANAGE_MESSAGES
            | PIN_MESSAGES;

    private Permissions() {
    }

    /** The permissions a member has in the guild as a whole (roles only). */
    static long inGuild(StubGuild guild, long userId, Collection<Long> roleIds) {
        if (userId == guild.ownerId()) {
            return ALL;
        }
        long permissions = guild.everyone().permissions();
        for (long roleId : roleIds) {
            permissions |= guild.role(roleId).map(StubGuild.Role::permissions).orElse(0L);
        }
        return (permissions & ADMINISTRATOR) != 0 ? ALL : permissions;
    }

    /** The permissions a member has in one channel: guild permissions, then @everyone, role and member overwrites. */
    static long inChannel(StubGuild guild, StubGuild.TextChannel channel, long userId, Collection<Long> roleIds) {
        long permissions = inGuild(guild, userId, roleIds);
        if (permissions == ALL) {
            return ALL;
        }
        long roleAllow = 0;
        long roleDeny = 0;
        for (StubGuild.Overwrite overwrite : channel.overwrites()) {
            if (overwrite.isRole() && overwrite.id() == guild.id()) {
                permissions = (permissions & ~overwrite.deny()) | overwrite.allow();
            } else if (overwrite.isRole() && roleIds.contains(overwrite.id())) {
                roleAllow |= overwrite.allow();
                roleDeny |= overwrite.deny();
            }
        }
        permissions = (permissions & ~roleDeny) | roleAllow;
        for (StubGuild.Overwrite overwrite : channel.overwrites()) {
            if (!overwrite.isRole() && overwrite.id() == userId) {
                permissions = (permissions & ~overwrite.deny()) | overwrite.allow();
            }
        }
        return permissions;
    }
}

package dev.showcall.discord.stub;

/**
 * Discord's gateway intents that the stub acts on. Three are privileged: an application gets them only when they are
 * switched on in the developer portal; asking for one that is not ends the connection with 4014.
 */
final class Intents {

    static final long GUILDS = 1L;
    static final long GUILD_MEMBERS = 1L << 1;
    static final long GUILD_PRESENCES = 1L << 8;
    static final long MESSAGE_CONTENT = 1L << 15;
    static final long PRIVILEGED = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT;

    private Intents() {
    }

    static boolean has(long intents, long intent) {
        return (intents & intent) == intent;
    }

    /** The privileged intents asked for that the application may not use. */
    static long disallowed(long asked, long enabledInPortal) {
        return asked & PRIVILEGED & ~enabledInPortal;
    }
}

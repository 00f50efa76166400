package dev.showcall.discord.stub;

import dev.showcall.discord.stub.StubGuild.Overwrite;

/** The backstage server the harness tests run against. */
final class TestGuilds {

    static final long GUILD = 1_190_000_000_000_000_001L;
    static final long PRODUCER_ROLE = 1_190_000_000_000_000_011L;
    static final long CREW_ROLE = 1_190_000_000_000_000_012L;
    static final long BACKSTAGE = 1_190_000_000_000_000_021L;
    static final long TIMELINE = 1_190_000_000_000_000_022L;
    static final long PRODUCER = 1_190_000_000_000_000_031L;
    static final long DRESSER = 1_190_000_000_000_000_032L;

    private TestGuilds() {
    }

    /** A server with a public backstage channel and a timeline only producers (and the bot) see. */
    static StubGuild backstage() {
        StubGuild.Builder builder = StubGuild.builder(GUILD, "Spring show")
                .owner(PRODUCER)
                .role(CREW_ROLE, "Crew", Permissions.EVERYONE_DEFAULT)
                .role(PRODUCER_ROLE, "Producer", Permissions.EVERYONE_DEFAULT | Permissions.MANAGE_MESSAGES)
                .textChannel(BACKSTAGE, "backstage")
                .member(PRODUCER, "mara", "Mara", PRODUCER_ROLE)
                .member(DRESSER, "jo", "Jo", CREW_ROLE);
        long botRole = 1_190_000_000_000_000_019L;
        builder.botRole(botRole, "showcall", Permissions.BOT_DEFAULT);
        builder.textChannel(TIMELINE, "timeline",
                Overwrite.role(GUILD, 0, Permissions.VIEW_CHANNEL),
                Overwrite.role(PRODUCER_ROLE, Permissions.VIEW_CHANNEL, 0),
                Overwrite.role(botRole, Permissions.VIEW_CHANNEL, 0));
        return builder.build();
    }
}

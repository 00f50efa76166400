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
    static final long CROWD = 1_190_000_000_000_001_001L;
    static final long CROWD_CREW_ROLE = 1_190_000_000_000_001_011L;
    static final long CROWD_HALL = 1_190_000_000_000_001_021L;
    private static final long CROWD_FIRST_MEMBER = 1_190_000_000_000_100_000L;

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

    /** A server of {@code people} members besides the bot, {@code crew-0000} on, every third one in the Crew role. */
    static StubGuild crowd(int people) {
        StubGuild.Builder builder = StubGuild.builder(CROWD, "Casting call")
                .role(CROWD_CREW_ROLE, "Crew", Permissions.EVERYONE_DEFAULT)
                .textChannel(CROWD_HALL, "hall");
        for (int n = 0; n < people; n++) {
            if (n % 3 == 0) {
                builder.member(crowdMember(n), crowdName(n), CROWD_CREW_ROLE);
            } else {
                builder.member(crowdMember(n), crowdName(n));
            }
        }
        return builder.build();
    }

    /** The user id of the crowd's {@code n}-th member, from 0. */
    static long crowdMember(int n) {
        return CROWD_FIRST_MEMBER + n;
    }

    static String crowdName(int n) {
        return String.format("crew-%04d", n);
    }
}

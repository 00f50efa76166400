package dev.showcall.discord.stub;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Who and what exists on the stub: the bot, the guilds, their channels and members. Immutable. */
final class Directory {

    /** A guild member as the stub knows it, the bot included. */
    record Someone(long userId, String username, String globalName, List<Long> roleIds, boolean bot) {
    }

    /** A text channel with the guild it belongs to. */
    record GuildChannel(StubGuild guild, StubGuild.TextChannel channel) {
    }

    private final StubBot bot;
    private final List<StubGuild> guilds;
    private final Instant joinedAt;

    Directory(StubBot bot, List<StubGuild> guilds, Instant joinedAt) {
        this.bot = bot;
        this.guilds = List.copyOf(guilds);
        this.joinedAt = joinedAt;
    }

    StubBot bot() {
        return bot;
    }

    List<StubGuild> guilds() {
        return guilds;
    }

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
        return new Someone(bot.userId(), bot.username(), null, List.of(guild.botRole().id()), true);
    }

    Optional<Someone> member(StubGuild guild, long userId) {
        if (userId == bot.userId()) {
            return Optional.of(botMember(guild));
        }
        return guild.member(userId)
                .map(m -> new Someone(m.userId(), m.username(), m.globalName(), m.roleIds(), false));
    }

    /** The user with this id in any guild; users the stub never heard of get a made-up name. */
    Someone user(long userId) {
        for (StubGuild guild : guilds) {
            Optional<Someone> member = member(guild, userId);
            if (member.isPresent()) {
                return member.get();
            }
        }
        if (userId == bot.userId()) {
            return new Someone(userId, bot.username(), null, List.of(), true);
        }
        return new Someone(userId, "user" + userId, null, List.of(), false);
    }
}

package dev.showcall.show;

/** Where a show lives on Discord: every value is a snowflake id. */
public record DiscordBinding(
        long guildId,
        long timelineChannelId,
        long callsChannelId,
        long producerRoleId,
        long prRoleId) {
}

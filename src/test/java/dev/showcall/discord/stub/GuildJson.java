package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Users, roles, channels, members and guilds as Discord writes them in the gateway and over REST. */
final class GuildJson {

    /** Discord's {@code large_threshold} when IDENTIFY names none, and the range it accepts. */
    static final int DEFAULT_LARGE_THRESHOLD = 50;
    static final int MAX_LARGE_THRESHOLD = 250;

    private final Directory directory;

    GuildJson(Directory directory) {
        this.directory = directory;
    }

    ObjectNode user(Directory.Someone someone) {
        ObjectNode user = Json.object()
                .put("id", Json.id(someone.userId()))
                .put("username", someone.username())
                .put("discriminator", "0")
                .put("public_flags", 0)
                .put("flags", 0)
                .put("bot", someone.bot())
                .put("system", false);
        user.putNull("global_name").putNull("avatar").putNull("banner").putNull("accent_color")
                .putNull("avatar_decoration_data").putNull("primary_guild");
        if (someone.globalName() != null) {
            user.put("global_name", someone.globalName());
        }
        return user;
    }

    /** The bot as {@code GET users/@me} and READY describe it. */
    ObjectNode selfUser() {
        StubBot bot = directory.bot();
        ObjectNode user = user(directory.user(bot.userId()));
        user.put("verified", true).put("mfa_enabled", false).put("locale", "en-US").put("premium_type", 0);
        user.putNull("email");
        return user;
    }

    ObjectNode role(StubGuild.Role role) {
        ObjectNode json = Json.object()
                .put("id", Json.id(role.id()))
                .put("name", role.name())
                .put("permissions", Long.toString(role.permissions()))
                .put("position", role.position())
                .put("color", 0)
                .put("hoist", false)
                .put("managed", role.managed())
                .put("mentionable", false)
                .put("flags", 0);
        json.putNull("icon").putNull("unicode_emoji").putNull("description");
        ObjectNode colors = json.putObject("colors").put("primary_color", 0);
        colors.putNull("secondary_color").putNull("tertiary_color");
        if (role.managed()) {
            json.putObject("tags").put("bot_id", Json.id(directory.bot().userId()));
        }
        return json;
    }

    ObjectNode channel(StubGuild guild, StubGuild.TextChannel channel) {
        ObjectNode json = Json.object()
                .put("id", Json.id(channel.id()))
                .put("type", 0)
                .put("guild_id", Json.id(guild.id()))
                .put("name", channel.name())
                .put("position", channel.position())
                .put("nsfw", false)
                .put("rate_limit_per_user", 0)
                .put("flags", 0);
        json.putNull("topic").putNull("parent_id").putNull("last_message_id").putNull("last_pin_timestamp");
        ArrayNode overwrites = json.putArray("permission_overwrites");
        for (StubGuild.Overwrite overwrite : channel.overwrites()) {
            overwrites.addObject()
                    .put("id", Json.id(overwrite.id()))
                    .put("type", overwrite.type())
                    .put("allow", Long.toString(overwrite.allow()))
                    .put("deny", Long.toString(overwrite.deny()));
        }
        return json;
    }

    /** A member object; {@code permissions} is added for interactions, where Discord includes it. */
    ObjectNode member(Directory.Someone someone) {
        ObjectNode json = Json.object();
        json.set("user", user(someone));
        ArrayNode roles = json.putArray("roles");
        someone.roleIds().forEach(id -> roles.add(Json.id(id)));
        json.put("joined_at", Json.timestamp(someone.joinedAt()))
                .put("deaf", false)
                .put("mute", false)
                .put("pending", false)
                .put("flags", 0);
        json.putNull("nick").putNull("avatar").putNull("banner").putNull("premium_since")
                .putNull("communication_disabled_until");
        return json;
    }

    /** GUILD_MEMBER_ADD and GUILD_MEMBER_UPDATE: the member with its guild's id. */
    ObjectNode memberInGuild(StubGuild guild, Directory.Someone someone) {
        return member(someone).put("guild_id", Json.id(guild.id()));
    }

    /** GUILD_MEMBER_REMOVE: the guild's id and the user who left. */
    ObjectNode memberRemoved(StubGuild guild, Directory.Someone someone) {
        ObjectNode json = Json.object().put("guild_id", Json.id(guild.id()));
        json.set("user", user(someone));
        return json;
    }

    ObjectNode unavailableGuild(StubGuild guild) {
        return Json.object().put("id", Json.id(guild.id())).put("unavailable", true);
    }

    /**
     * A GUILD_CREATE for a session with these intents and {@code large_threshold}. Which members it holds follows
     * Discord's documented rule (Request Guild Members): without GUILD_PRESENCES only the bot itself (and members in
     * voice, which the stub has none of); with it, every member of a guild up to {@code large_threshold}, and of a
     * larger one those online, with a role, a nickname or in voice: here the bot and the members with a role. The bot
     * asks for the others (REQUEST_GUILD_MEMBERS) if it needs them.
     */
    ObjectNode guildCreate(StubGuild guild, long intents, int largeThreshold) {
        ObjectNode json = Json.object()
                .put("id", Json.id(guild.id()))
                .put("name", guild.name())
                .put("owner_id", Json.id(guild.ownerId()))
                .put("afk_timeout", 300)
                .put("verification_level", 0)
                .put("default_message_notifications", 1)
                .put("explicit_content_filter", 0)
                .put("mfa_level", 0)
                .put("nsfw_level", 0)
                .put("premium_tier", 0)
                .put("premium_subscription_count", 0)
                .put("premium_progress_bar_enabled", false)
                .put("system_channel_flags", 0)
                .put("preferred_locale", guild.locale())
                .put("max_members", 500_000)
                .put("max_video_channel_users", 25)
                .put("joined_at", Json.timestamp(directory.joinedAt()))
                .put("unavailable", false)
                .put("lazy", true);
        json.putNull("icon").putNull("splash").putNull("discovery_splash").putNull("banner").putNull("description")
                .putNull("afk_channel_id").putNull("system_channel_id").putNull("rules_channel_id")
                .putNull("public_updates_channel_id").putNull("safety_alerts_channel_id").putNull("vanity_url_code")
                .putNull("application_id").putNull("incidents_data");
        json.putArray("features");
        ArrayNode roles = json.putArray("roles");
        guild.roles().forEach(role -> roles.add(role(role)));
        ArrayNode channels = json.putArray("channels");
        guild.channels().forEach(channel -> channels.add(channel(guild, channel)));
        List<Directory.Someone> everyone = directory.members(guild);
        boolean large = everyone.size() > largeThreshold;
        ArrayNode members = json.putArray("members");
        for (Directory.Someone someone : everyone) {
            boolean sent = someone.bot()
                    || Intents.has(intents, Intents.GUILD_PRESENCES) && (!large || !someone.roleIds().isEmpty());
            if (sent) {
                members.add(member(someone));
            }
        }
        json.put("member_count", everyone.size()).put("large", large);
        for (String empty : List.of("threads", "emojis", "stickers", "soundboard_sounds", "presences", "voice_states",
                "stage_instances", "guild_scheduled_events", "embedded_activities")) {
            json.putArray(empty);
        }
        return json;
    }

    ObjectNode ready(String sessionId, String resumeUrl) {
        ObjectNode json = Json.object().put("v", 10);
        json.set("user", selfUser());
        ArrayNode guilds = json.putArray("guilds");
        directory.guilds().forEach(guild -> guilds.add(unavailableGuild(guild)));
        json.put("session_id", sessionId)
                .put("session_type", "normal")
                .put("resume_gateway_url", resumeUrl);
        json.putObject("application").put("id", Json.id(directory.bot().applicationId())).put("flags", 0);
        json.putArray("private_channels");
        json.putArray("relationships");
        json.putArray("presences");
        json.putArray("guild_join_requests");
        json.putArray("geo_ordered_rtc_regions").add("stub");
        json.putObject("user_settings");
        json.putObject("auth");
        json.putArray("_trace").add("[\"discord-stub\"]");
        return json;
    }
}

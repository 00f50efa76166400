package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.function.Supplier;

/** The bot's own routes: who it is, where the gateway is, and its application commands. */
final class ApplicationRoutes {

    private final Directory directory;
    private final GuildJson people;
    private final CommandRegistry commands;
    private final Supplier<URI> gatewayUrl;

    ApplicationRoutes(Directory directory, CommandRegistry commands, Supplier<URI> gatewayUrl) {
        this.directory = directory;
        this.people = new GuildJson(directory);
        this.commands = commands;
        this.gatewayUrl = gatewayUrl;
    }

    void register(RouteTable routes) {
        routes.on("GET", "users/@me", call -> Reply.ok(people.selfUser()))
                .on("GET", "users/{user_id}", call -> Reply.ok(people.user(directory.user(call.id("user_id")))))
                .on("GET", "gateway", call -> Reply.ok(Json.object().put("url", gatewayUrl.get().toString())))
                .on("GET", "gateway/bot", call -> Reply.ok(gatewayBot()))
                .on("GET", "applications/{application_id}/commands", call -> global(call, false))
                .on("PUT", "applications/{application_id}/commands", call -> global(call, true))
                .on("POST", "applications/{application_id}/commands", this::createGlobal)
                .on("GET", "applications/{application_id}/guilds/{guild_id}/commands", call -> guild(call, false))
                .on("PUT", "applications/{application_id}/guilds/{guild_id}/commands", call -> guild(call, true))
                .on("POST", "applications/{application_id}/guilds/{guild_id}/commands", this::createInGuild);
    }

    private ObjectNode gatewayBot() {
        ObjectNode json = Json.object().put("url", gatewayUrl.get().toString()).put("shards", 1);
        json.putObject("session_start_limit")
                .put("total", 1000).put("remaining", 999).put("reset_after", 14_400_000).put("max_concurrency", 1);
        return json;
    }

    private Reply global(Call call, boolean overwrite) {
        if (call.id("application_id") != directory.bot().applicationId()) {
            return unknownApplication();
        }
        if (overwrite) {
            return call.body() != null && call.body().isArray()
                    ? Reply.ok(commands.overwrite(0L, call.body())) : Reply.error(400, 50035, "Invalid Form Body");
        }
        return Reply.ok(commands.list(0L));
    }

    private Reply createGlobal(Call call) {
        if (call.id("application_id") != directory.bot().applicationId()) {
            return unknownApplication();
        }
        return call.body() != null && call.body().isObject()
                ? new Reply(201, commands.upsert(0L, call.body())) : Reply.error(400, 50035, "Invalid Form Body");
    }

    private Reply guild(Call call, boolean overwrite) {
        Reply refused = refuseGuild(call);
        if (refused != null) {
            return refused;
        }
        long guildId = call.id("guild_id");
        if (overwrite) {
            return call.body() != null && call.body().isArray()
                    ? Reply.ok(commands.overwrite(guildId, call.body())) : Reply.error(400, 50035, "Invalid Form Body");
        }
        return Reply.ok(commands.list(guildId));
    }

    private Reply createInGuild(Call call) {
        Reply refused = refuseGuild(call);
        if (refused != null) {
            return refused;
        }
        return call.body() != null && call.body().isObject()
                ? new Reply(201, commands.upsert(call.id("guild_id"), call.body()))
                : Reply.error(400, 50035, "Invalid Form Body");
    }

    private Reply refuseGuild(Call call) {
        if (call.id("application_id") != directory.bot().applicationId()) {
            return unknownApplication();
        }
        if (directory.guild(call.id("guild_id")).isEmpty()) {
            return Reply.error(403, 50001, "Missing Access");
        }
        return null;
    }

    private static Reply unknownApplication() {
        return Reply.error(404, 10002, "Unknown Application");
    }
}

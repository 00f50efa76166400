package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The application commands registered per guild (and globally, under guild 0), as Discord keeps them. */
final class CommandRegistry {

    private final long applicationId;
    private final Map<Long, List<ObjectNode>> byGuild = new HashMap<>();

    CommandRegistry(long applicationId) {
        this.applicationId = applicationId;
    }

    /** Bulk overwrite: the list becomes exactly these commands; a command keeps its id when name and type stay. */
    synchronized ArrayNode overwrite(long guildId, JsonNode commands) {
        List<ObjectNode> previous = byGuild.getOrDefault(guildId, List.of());
        List<ObjectNode> next = new ArrayList<>();
        for (JsonNode command : commands) {
            Optional<ObjectNode> same = previous.stream().filter(p -> sameCommand(p, command)).findFirst();
            next.add(stored(guildId, command, same.map(p -> Json.snowflake(p.get("id"))).orElse(Snowflakes.next())));
        }
        byGuild.put(guildId, next);
        return copy(next);
    }

    /** Create or replace one command by name and type. */
    synchronized ObjectNode upsert(long guildId, JsonNode command) {
        List<ObjectNode> commands = byGuild.computeIfAbsent(guildId, id -> new ArrayList<>());
        for (int i = 0; i < commands.size(); i++) {
            if (sameCommand(commands.get(i), command)) {
                ObjectNode replaced = stored(guildId, command, Json.snowflake(commands.get(i).get("id")));
                commands.set(i, replaced);
                return replaced.deepCopy();
            }
        }
        ObjectNode created = stored(guildId, command, Snowflakes.next());
        commands.add(created);
        return created.deepCopy();
    }

    synchronized ArrayNode list(long guildId) {
        return copy(byGuild.getOrDefault(guildId, List.of()));
    }

    synchronized List<RegisteredCommand> registered(long guildId) {
        return byGuild.getOrDefault(guildId, List.of()).stream().map(CommandRegistry::view).toList();
    }

    /** The chat-input command with this name that members of the guild can use: the guild's own, else a global one. */
    synchronized Optional<RegisteredCommand> slashCommand(long guildId, String name) {
        for (long scope : new long[] {guildId, 0L}) {
            for (ObjectNode command : byGuild.getOrDefault(scope, List.of())) {
                if (command.path("type").asInt(1) == 1 && name.equals(command.path("name").asText())) {
                    return Optional.of(view(command));
                }
            }
        }
        return Optional.empty();
    }

    private ObjectNode stored(long guildId, JsonNode command, long id) {
        ObjectNode stored = command.deepCopy();
        stored.put("id", Json.id(id))
                .put("application_id", Json.id(applicationId))
                .put("version", Json.id(Snowflakes.next()))
                .put("type", command.path("type").asInt(1));
        if (!stored.has("description")) {
            stored.put("description", "");
        }
        if (!stored.has("default_member_permissions")) {
            stored.putNull("default_member_permissions");
        }
        if (guildId != 0) {
            stored.put("guild_id", Json.id(guildId));
        }
        for (String field : List.of("contexts", "integration_types")) {
            if (stored.get(field) instanceof ArrayNode values) {
                ArrayNode integers = stored.putArray(field);
                values.forEach(v -> integers.add(v.asInt()));
            }
        }
        return stored;
    }

    private static boolean sameCommand(JsonNode a, JsonNode b) {
        return a.path("name").asText().equals(b.path("name").asText())
                && a.path("type").asInt(1) == b.path("type").asInt(1);
    }

    private static ArrayNode copy(List<ObjectNode> commands) {
        ArrayNode array = Json.array();
        commands.forEach(c -> array.add(c.deepCopy()));
        return array;
    }

    private static RegisteredCommand view(ObjectNode command) {
        return new RegisteredCommand(Json.snowflake(command.get("id")), Json.snowflake(command.get("guild_id")),
                command.path("name").asText(), command.path("type").asInt(1), command.path("description").asText(""),
                command.deepCopy());
    }
}

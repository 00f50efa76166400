package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A command as registered with the stub.
 *
 * @param guildId 0 for a global command
 * @param type 1 chat input (slash), 2 user, 3 message
 * @param json the command object as the stub returns it
 */
public record RegisteredCommand(long id, long guildId, String name, int type, String description, JsonNode json) {
}

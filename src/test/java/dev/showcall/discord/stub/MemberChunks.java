package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Answers REQUEST_GUILD_MEMBERS (gateway op 8) as Discord documents it: GUILD_MEMBERS_CHUNK dispatches of at most 1000
 * members each, for the whole member list ({@code query ""}, which needs the GUILD_MEMBERS intent), a username prefix
 * (at most 100 members) or {@code user_ids} (at most 100, the others in {@code not_found}). A request Discord would
 * leave unanswered gets no chunk and a finding.
 */
final class MemberChunks {

    static final int MEMBERS_PER_CHUNK = 1000;
    static final int MAX_SEARCHED = 100;
    private static final int MAX_NONCE_BYTES = 32;

    /** The chunks to dispatch, in order, and the rules the request broke. */
    record Answer(List<ObjectNode> chunks, List<Finding> findings) {
    }

    private final Directory directory;
    private final GuildJson people;

    MemberChunks(Directory directory) {
        this.directory = directory;
        this.people = new GuildJson(directory);
    }

    /** The answer to one request from a session with these intents, from the member list as it is now. */
    Answer answer(JsonNode request, long intents) {
        List<Finding> findings = new ArrayList<>();
        Optional<StubGuild> guild = guild(request.path("guild_id"), findings);
        if (guild.isEmpty()) {
            return new Answer(List.of(), findings);
        }
        JsonNode userIds = request.path("user_ids");
        JsonNode query = request.path("query");
        List<Directory.Someone> found;
        List<Long> notFound = null;
        if (!userIds.isMissingNode() && !userIds.isNull()) {
            List<Long> asked = snowflakes(userIds);
            notFound = new ArrayList<>();
            found = new ArrayList<>();
            for (long userId : asked.subList(0, Math.min(asked.size(), MAX_SEARCHED))) {
                Optional<Directory.Someone> member = directory.member(guild.get(), userId);
                if (member.isPresent()) {
                    found.add(member.get());
                } else {
                    notFound.add(userId);
                }
            }
        } else if (query.isTextual() && request.path("limit").isIntegralNumber()) {
            int limit = request.path("limit").asInt();
            if (query.asText().isEmpty() && !Intents.has(intents, Intents.GUILD_MEMBERS)) {
                findings.add(new Finding(Rule.MEMBER_LIST_WITHOUT_INTENT, "the whole member list of guild "
                        + guild.get().id() + " needs the GUILD_MEMBERS intent; Discord answers nothing"));
                return new Answer(List.of(), findings);
            }
            found = search(guild.get(), query.asText(), limit);
        } else {
            findings.add(new Finding(Rule.MEMBER_REQUEST_INVALID,
                    "neither user_ids nor a query with a limit; Discord answers nothing"));
            return new Answer(List.of(), findings);
        }
        return new Answer(chunks(guild.get(), found, notFound, request, intents), findings);
    }

    private Optional<StubGuild> guild(JsonNode guildId, List<Finding> findings) {
        JsonNode first = guildId;
        if (guildId.isArray()) {
            if (guildId.size() > 1) {
                findings.add(new Finding(Rule.MEMBER_REQUEST_FOR_SEVERAL_GUILDS, guildId.size()
                        + " guild ids in one request; Discord answers for the first only"));
            }
            first = guildId.path(0);
        }
        long id = first.isMissingNode() ? 0L : Json.snowflake(first);
        Optional<StubGuild> guild = directory.guild(id);
        if (guild.isEmpty()) {
            findings.add(new Finding(Rule.MEMBER_REQUEST_INVALID,
                    "guild_id " + first + " is no guild of the bot; Discord answers nothing"));
        }
        return guild;
    }

    /** Members whose username starts with {@code query}, ignoring case; an empty query matches everyone. */
    private List<Directory.Someone> search(StubGuild guild, String query, int limit) {
        String prefix = query.toLowerCase(Locale.ROOT);
        int max = query.isEmpty() ? (limit > 0 ? limit : Integer.MAX_VALUE)
                : Math.min(limit > 0 ? limit : MAX_SEARCHED, MAX_SEARCHED);
        return directory.members(guild).stream()
                .filter(m -> m.username().toLowerCase(Locale.ROOT).startsWith(prefix))
                .limit(max)
                .toList();
    }

    private List<ObjectNode> chunks(StubGuild guild, List<Directory.Someone> found, List<Long> notFound,
                                    JsonNode request, long intents) {
        int count = Math.max(1, (found.size() + MEMBERS_PER_CHUNK - 1) / MEMBERS_PER_CHUNK);
        String nonce = nonce(request.path("nonce"));
        boolean presences = request.path("presences").asBoolean(false)
                && Intents.has(intents, Intents.GUILD_PRESENCES);
        List<ObjectNode> chunks = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            ObjectNode chunk = Json.object()
                    .put("guild_id", Json.id(guild.id()))
                    .put("chunk_index", index)
                    .put("chunk_count", count);
            ArrayNode members = chunk.putArray("members");
            found.subList(index * MEMBERS_PER_CHUNK, Math.min(found.size(), (index + 1) * MEMBERS_PER_CHUNK))
                    .forEach(someone -> members.add(people.member(someone)));
            if (notFound != null) {
                ArrayNode missing = chunk.putArray("not_found");
                notFound.forEach(id -> missing.add(Json.id(id)));
            }
            if (presences) {
                // nobody is online on the stub, and Discord leaves offline members out
                chunk.putArray("presences");
            }
            if (nonce != null) {
                chunk.put("nonce", nonce);
            }
            chunks.add(chunk);
        }
        return chunks;
    }

    /** Discord ignores a nonce over 32 bytes: the chunks then carry none. */
    private static String nonce(JsonNode nonce) {
        if (!nonce.isTextual() || nonce.asText().getBytes(StandardCharsets.UTF_8).length > MAX_NONCE_BYTES) {
            return null;
        }
        return nonce.asText();
    }

    private static List<Long> snowflakes(JsonNode ids) {
        Set<Long> unique = new LinkedHashSet<>();
        if (ids.isArray()) {
            ids.forEach(id -> unique.add(Json.snowflake(id)));
        } else {
            unique.add(Json.snowflake(ids));
        }
        return List.copyOf(unique);
    }
}

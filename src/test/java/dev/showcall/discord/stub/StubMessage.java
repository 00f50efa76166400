package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A message as the people in the channel see it, with who it pinged.
 *
 * @param guildId 0 in a DM
 * @param embeds the embeds as Discord stores them (each with {@code "type": "rich"})
 * @param components the top-level components (action rows) as sent
 * @param flags message flags; 64 is ephemeral
 * @param allowedMentions the {@code allowed_mentions} of the last create or edit that set it, {@code null} if none did
 * @param mentionsEveryone whether the message pings @everyone or @here
 * @param mentionedUserIds the users it pings
 * @param mentionedRoleIds the roles it pings
 * @param editedAt {@code null} until the message is edited
 * @param json the message object as the stub returns it over REST
 * @param attachments the files it carries, in order, with their bytes as uploaded
 */
public record StubMessage(long id, long channelId, long guildId, String content, List<JsonNode> embeds,
                          List<JsonNode> components, int flags, boolean pinned, JsonNode allowedMentions,
                          boolean mentionsEveryone, List<Long> mentionedUserIds, List<Long> mentionedRoleIds,
                          Instant createdAt, Instant editedAt, JsonNode json, List<StubAttachment> attachments) {

    public static final int EPHEMERAL = 64;

    public StubMessage {
        embeds = List.copyOf(embeds);
        components = List.copyOf(components);
        mentionedUserIds = List.copyOf(mentionedUserIds);
        mentionedRoleIds = List.copyOf(mentionedRoleIds);
        attachments = List.copyOf(attachments);
    }

    /** The attachment with this file name. */
    public Optional<StubAttachment> attachment(String filename) {
        return attachments.stream().filter(a -> a.filename().equals(filename)).findFirst();
    }

    /** The text of the attached file with this name, read as UTF-8. */
    public Optional<String> fileText(String filename) {
        return attachment(filename).map(a -> new String(a.data(), java.nio.charset.StandardCharsets.UTF_8));
    }

    public boolean ephemeral() {
        return (flags & EPHEMERAL) != 0;
    }

    /** Whether the message pings anybody at all. */
    public boolean pingsAnyone() {
        return mentionsEveryone || !mentionedUserIds.isEmpty() || !mentionedRoleIds.isEmpty();
    }

    public Optional<JsonNode> embed(int index) {
        return index < embeds.size() ? Optional.of(embeds.get(index)) : Optional.empty();
    }

    /** The custom ids of all buttons and select menus, in order. */
    public List<String> customIds() {
        return components.stream()
                .flatMap(row -> row.path("components").isArray()
                        ? StreamSupport.stream(row.path("components").spliterator(), false)
                        : Stream.of(row))
                .map(component -> component.path("custom_id").asText(null))
                .filter(Objects::nonNull)
                .toList();
    }

    /** The custom id of the button whose label contains {@code label}, if there is exactly one. */
    public Optional<String> buttonLabelled(String label) {
        List<String> ids = components.stream()
                .flatMap(row -> row.path("components").isArray()
                        ? StreamSupport.stream(row.path("components").spliterator(), false)
                        : Stream.of(row))
                .filter(component -> component.path("label").asText("").contains(label))
                .map(component -> component.path("custom_id").asText(null))
                .filter(Objects::nonNull)
                .toList();
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }
}

package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A message the stub keeps, in Discord's wire form, changed by creates, edits and pins. Thread-safe. */
final class StoredMessage {

    static final int EPHEMERAL = 64;
    static final int LOADING = 128;
    private static final int KEPT_FLAGS = 4 | 64 | 4096 | 32768;

    private final long id;
    private final long channelId;
    private final long guildId;
    private final Instant createdAt;
    private final GuildJson people;
    private final Directory directory;
    private final ObjectNode wire;
    private JsonNode allowedMentions;
    private Instant editedAt;
    private Instant pinnedAt;
    private Mentions mentions = new Mentions(false, List.of(), List.of());
    private String nonce;
    private List<StubAttachment> attachments = List.of();

    private StoredMessage(long id, long channelId, long guildId, Instant createdAt, Directory directory) {
        this.id = id;
        this.channelId = channelId;
        this.guildId = guildId;
        this.createdAt = createdAt;
        this.directory = directory;
        this.people = new GuildJson(directory);
        this.wire = Json.object()
                .put("id", Json.id(id))
                .put("channel_id", Json.id(channelId))
                .put("type", 0)
                .put("content", "")
                .put("tts", false)
                .put("mention_everyone", false)
                .put("pinned", false)
                .put("flags", 0)
                .put("timestamp", Json.timestamp(createdAt));
        wire.putNull("edited_timestamp");
        wire.set("author", people.user(directory.user(directory.bot().userId())));
        for (String empty : List.of("embeds", "components", "attachments", "mentions", "mention_roles", "reactions")) {
            wire.putArray(empty);
        }
    }

    /** A message the bot created with a request body (channel message, interaction response or webhook message). */
    static StoredMessage create(Directory directory, long channelId, long guildId, JsonNode body, boolean byWebhook) {
        long id = Snowflakes.next();
        StoredMessage message = new StoredMessage(id, channelId, guildId, Instant.now(), directory);
        if (byWebhook) {
            String application = Json.id(directory.bot().applicationId());
            message.wire.put("webhook_id", application).put("application_id", application);
        }
        message.apply(body, false);
        JsonNode nonce = body == null ? null : body.get("nonce");
        if (nonce != null && (nonce.isTextual() || nonce.isIntegralNumber())) {
            message.nonce = nonce.asText();
        }
        return message;
    }

    long id() {
        return id;
    }

    long channelId() {
        return channelId;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** The nonce it was created with, or {@code null}. */
    synchronized String nonce() {
        return nonce;
    }

    synchronized void nonce(String value) {
        nonce = value;
    }

    synchronized boolean pinned() {
        return pinnedAt != null;
    }

    synchronized Instant pinnedAt() {
        return pinnedAt;
    }

    synchronized void edit(JsonNode body) {
        apply(body, true);
    }

    /**
     * Files sent with a create or an edit, as Discord keeps them: {@code attachments} lists what the message holds,
     * each an uploaded {@code files[n]} part named by its index n, or an attachment kept from before by its id;
     * without that list every upload is added to what the message holds. The bytes are kept for the test.
     */
    synchronized void attach(JsonNode body, Map<Integer, RequestBodies.Upload> uploads) {
        if (body == null || !body.isObject()) {
            return;
        }
        boolean listed = body.path("attachments").isArray();
        if (!listed && uploads.isEmpty()) {
            return;
        }
        List<StubAttachment> now = new ArrayList<>();
        if (listed) {
            for (JsonNode wanted : body.path("attachments")) {
                JsonNode id = wanted.path("id");
                RequestBodies.Upload upload = id.isIntegralNumber() ? uploads.get(id.asInt()) : null;
                if (upload != null) {
                    now.add(upload(upload, wanted.path("filename").asText(upload.filename())));
                } else if (!id.isIntegralNumber()) {
                    attachments.stream().filter(a -> Json.id(a.id()).equals(id.asText())).findFirst().ifPresent(now::add);
                }
            }
        } else {
            now.addAll(attachments);
            uploads.values().forEach(u -> now.add(upload(u, u.filename())));
        }
        attachments = List.copyOf(now);
        ArrayNode wire = this.wire.putArray("attachments");
        for (StubAttachment a : attachments) {
            ObjectNode json = wire.addObject()
                    .put("id", Json.id(a.id()))
                    .put("filename", a.filename())
                    .put("size", a.size())
                    .put("url", "https://cdn.discordapp.com/attachments/" + channelId + "/" + a.id() + "/" + a.filename())
                    .put("proxy_url", "https://media.discordapp.net/attachments/" + channelId + "/" + a.id() + "/"
                            + a.filename())
                    .put("content_type", a.contentType())
                    .put("flags", 0);
            json.putNull("description");
        }
    }

    private static StubAttachment upload(RequestBodies.Upload file, String filename) {
        return new StubAttachment(Snowflakes.next(), filename, file.contentType(), file.data().clone());
    }

    synchronized void setFlags(int flags) {
        wire.put("flags", flags);
    }

    synchronized int flags() {
        return wire.path("flags").asInt();
    }

    synchronized void pin(boolean pinned) {
        pinnedAt = pinned ? (pinnedAt == null ? Instant.now() : pinnedAt) : null;
        wire.put("pinned", pinned);
    }

    /** A copy of the message object as returned over REST and in interaction payloads. */
    synchronized ObjectNode json() {
        return wire.deepCopy();
    }

    synchronized StubMessage view() {
        List<JsonNode> embeds = new ArrayList<>();
        wire.path("embeds").forEach(e -> embeds.add(e.deepCopy()));
        List<JsonNode> components = new ArrayList<>();
        wire.path("components").forEach(c -> components.add(c.deepCopy()));
        return new StubMessage(id, channelId, guildId, wire.path("content").asText(""), embeds, components,
                wire.path("flags").asInt(), pinnedAt != null, allowedMentions == null ? null : allowedMentions.deepCopy(),
                mentions.everyone(), mentions.userIds(), mentions.roleIds(), createdAt, editedAt, wire.deepCopy(),
                attachments);
    }

    private void apply(JsonNode body, boolean edit) {
        if (body == null || !body.isObject()) {
            return;
        }
        if (body.has("content")) {
            wire.put("content", body.path("content").asText(""));
        }
        if (body.has("embeds")) {
            ArrayNode embeds = wire.putArray("embeds");
            body.path("embeds").forEach(embed -> {
                ObjectNode copy = embed.deepCopy();
                copy.put("type", "rich");
                embeds.add(copy);
            });
        }
        if (body.has("components")) {
            wire.set("components", body.path("components").deepCopy());
        }
        if (body.has("flags")) {
            int kept = body.path("flags").asInt() & KEPT_FLAGS;
            int old = wire.path("flags").asInt();
            // an edit cannot make a message ephemeral or public
            wire.put("flags", edit ? (old & ~KEPT_FLAGS) | (kept & ~EPHEMERAL) | (old & EPHEMERAL) : kept);
        } else if (edit) {
            wire.put("flags", wire.path("flags").asInt() & ~LOADING);
        }
        if (body.has("tts") && !edit) {
            wire.put("tts", body.path("tts").asBoolean());
        }
        if (body.has("allowed_mentions")) {
            allowedMentions = body.path("allowed_mentions").deepCopy();
        }
        if (edit) {
            editedAt = Instant.now();
            wire.put("edited_timestamp", Json.timestamp(editedAt));
            wire.put("flags", wire.path("flags").asInt() & ~LOADING);
        }
        mentions = Mentions.resolve(wire.path("content").asText(""), body.has("allowed_mentions")
                ? body.path("allowed_mentions") : (edit ? allowedMentions : null));
        wire.put("mention_everyone", mentions.everyone());
        ArrayNode users = wire.putArray("mentions");
        mentions.userIds().forEach(user -> users.add(people.user(directory.user(user))));
        ArrayNode roles = wire.putArray("mention_roles");
        mentions.roleIds().forEach(role -> roles.add(Json.id(role)));
    }
}

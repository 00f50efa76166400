package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Channel messages, pins (old and new routes), channels and DMs. */
final class MessageRoutes {

    /**
     * How long Discord remembers a message's nonce under {@code enforce_nonce} ("the past few minutes"); a second
     * message with the same nonce within it gets the first one back.
     */
    static final Duration NONCE_WINDOW = Duration.ofMinutes(3);

    /** A channel the bot can reach: a guild text channel, or a DM (guild and channel null). */
    private record Where(StubGuild guild, StubGuild.TextChannel channel, long channelId) {

        long guildId() {
            return guild == null ? 0L : guild.id();
        }
    }

    private final Directory directory;
    private final GuildJson people;
    private final MessageStore messages;
    private final DmChannels dms;

    MessageRoutes(Directory directory, MessageStore messages, DmChannels dms) {
        this.directory = directory;
        this.people = new GuildJson(directory);
        this.messages = messages;
        this.dms = dms;
    }

    void register(RouteTable routes) {
        routes.on("GET", "channels/{channel_id}", this::channel)
                .on("POST", "channels/{channel_id}/typing", call -> where(call).isPresent()
                        ? Reply.noContent() : Reply.unknownChannel())
                .on("POST", "channels/{channel_id}/messages", this::create)
                .on("GET", "channels/{channel_id}/messages", this::history)
                .on("GET", "channels/{channel_id}/messages/{message_id}", this::one)
                .on("PATCH", "channels/{channel_id}/messages/{message_id}", this::edit)
                .on("DELETE", "channels/{channel_id}/messages/{message_id}", this::delete)
                .on("GET", "channels/{channel_id}/pins", this::pinsOld)
                .on("PUT", "channels/{channel_id}/pins/{message_id}", call -> pin(call, true))
                .on("DELETE", "channels/{channel_id}/pins/{message_id}", call -> pin(call, false))
                .on("GET", "channels/{channel_id}/messages/pins", this::pinsNew)
                .on("PUT", "channels/{channel_id}/messages/pins/{message_id}", call -> pin(call, true))
                .on("DELETE", "channels/{channel_id}/messages/pins/{message_id}", call -> pin(call, false))
                .on("POST", "users/@me/channels", this::openDm);
    }

    private Optional<Where> where(Call call) {
        long channelId = call.id("channel_id");
        Optional<Where> inGuild = directory.channel(channelId).map(c -> new Where(c.guild(), c.channel(), channelId));
        if (inGuild.isPresent()) {
            return inGuild;
        }
        return dms.recipientOf(channelId).map(user -> new Where(null, null, channelId));
    }

    /** Whether the bot has all these permissions there (always in its DMs). */
    private boolean botMay(Where where, long permissions) {
        if (where.guild() == null) {
            return true;
        }
        long has = Permissions.inChannel(where.guild(), where.channel(), directory.bot().userId(),
                List.of(where.guild().botRole().id()));
        return (has & permissions) == permissions;
    }

    private Reply channel(Call call) {
        return where(call).map(where -> Reply.ok(where.guild() != null
                        ? people.channel(where.guild(), where.channel())
                        : dmChannel(where.channelId(), dms.recipientOf(where.channelId()).orElseThrow())))
                .orElseGet(Reply::unknownChannel);
    }

    private Reply create(Call call) {
        Optional<Where> where = where(call);
        if (where.isEmpty()) {
            return Reply.unknownChannel();
        }
        if (!botMay(where.get(), Permissions.VIEW_CHANNEL | Permissions.SEND_MESSAGES)) {
            return Reply.missingPermissions();
        }
        if (call.body() == null || !call.body().isObject()) {
            return Reply.error(400, 50006, "Cannot send an empty message");
        }
        if (!call.files().isEmpty() && !botMay(where.get(), Permissions.ATTACH_FILES)) {
            return Reply.missingPermissions();
        }
        if (where.get().guild() == null && !dms.acceptsMessagesIn(where.get().channelId())) {
            return Reply.error(403, 50007, "Cannot send messages to this user");
        }
        StoredMessage message = StoredMessage.create(directory, where.get().channelId(), where.get().guildId(),
                call.body(), false);
        message.attach(call.body(), call.files());
        JsonNode nonce = call.body().path("nonce");
        if (nonce.isTextual() || nonce.isIntegralNumber()) {
            message.nonce(nonce.asText());
            if (call.body().path("enforce_nonce").asBoolean(false)) {
                return Reply.ok(messages.addUnlessNonceSeen(message, NONCE_WINDOW).json());
            }
        }
        messages.add(message);
        return Reply.ok(message.json());
    }

    private Reply history(Call call) {
        Optional<Where> where = where(call);
        if (where.isEmpty()) {
            return Reply.unknownChannel();
        }
        if (!botMay(where.get(), Permissions.VIEW_CHANNEL | Permissions.READ_MESSAGE_HISTORY)) {
            return Reply.missingPermissions();
        }
        int limit = Math.max(1, Math.min(100, call.number("limit", 50)));
        List<StoredMessage> visible = visible(where.get().channelId());
        ArrayNode newestFirst = Json.array();
        for (int i = visible.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
            newestFirst.add(visible.get(i).json());
        }
        return Reply.ok(newestFirst);
    }

    private Reply one(Call call) {
        return found(call).map(m -> Reply.ok(m.json())).orElseGet(() -> missing(call));
    }

    private Reply edit(Call call) {
        Optional<StoredMessage> message = found(call);
        if (message.isEmpty()) {
            return missing(call);
        }
        message.get().edit(call.body());
        message.get().attach(call.body(), call.files());
        return Reply.ok(message.get().json());
    }

    private Reply delete(Call call) {
        if (where(call).isEmpty()) {
            return Reply.unknownChannel();
        }
        return messages.delete(call.id("channel_id"), call.id("message_id")) ? Reply.noContent() : Reply.unknownMessage();
    }

    private Reply pin(Call call, boolean pinned) {
        Optional<Where> where = where(call);
        if (where.isEmpty()) {
            return Reply.unknownChannel();
        }
        if (!botMay(where.get(), Permissions.VIEW_CHANNEL) || !(botMay(where.get(), Permissions.PIN_MESSAGES)
                || botMay(where.get(), Permissions.MANAGE_MESSAGES))) {
            return Reply.missingPermissions();
        }
        Optional<StoredMessage> message = found(call);
        if (message.isEmpty()) {
            return Reply.unknownMessage();
        }
        message.get().pin(pinned);
        return Reply.noContent();
    }

    private Reply pinsOld(Call call) {
        if (where(call).isEmpty()) {
            return Reply.unknownChannel();
        }
        ArrayNode pinned = Json.array();
        pinnedNewestFirst(call.id("channel_id")).forEach(m -> pinned.add(m.json()));
        return Reply.ok(pinned);
    }

    private Reply pinsNew(Call call) {
        if (where(call).isEmpty()) {
            return Reply.unknownChannel();
        }
        ObjectNode page = Json.object().put("has_more", false);
        ArrayNode items = page.putArray("items");
        for (StoredMessage message : pinnedNewestFirst(call.id("channel_id"))) {
            ObjectNode item = items.addObject().put("pinned_at", Json.timestamp(message.pinnedAt()));
            item.set("message", message.json());
        }
        return Reply.ok(page);
    }

    private Reply openDm(Call call) {
        long userId = call.body() == null ? 0L : Json.snowflake(call.body().get("recipient_id"));
        if (userId == 0L) {
            return Reply.error(400, 50035, "Invalid Form Body");
        }
        return Reply.ok(dmChannel(dms.open(userId), userId));
    }

    private ObjectNode dmChannel(long channelId, long userId) {
        ObjectNode channel = Json.object().put("id", Json.id(channelId)).put("type", 1).put("flags", 0);
        channel.putNull("last_message_id");
        channel.putArray("recipients").add(people.user(directory.user(userId)));
        return channel;
    }

    private List<StoredMessage> visible(long channelId) {
        return messages.inChannel(channelId).stream().filter(m -> (m.flags() & StoredMessage.EPHEMERAL) == 0).toList();
    }

    private List<StoredMessage> pinnedNewestFirst(long channelId) {
        return visible(channelId).stream().filter(StoredMessage::pinned)
                .sorted(Comparator.comparing(StoredMessage::pinnedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    private Optional<StoredMessage> found(Call call) {
        return messages.find(call.id("channel_id"), call.id("message_id"));
    }

    private Reply missing(Call call) {
        return where(call).isEmpty() ? Reply.unknownChannel() : Reply.unknownMessage();
    }
}

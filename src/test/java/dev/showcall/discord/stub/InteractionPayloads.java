package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** INTERACTION_CREATE payloads built the way Discord builds them, from the stub's guilds, commands and messages. */
final class InteractionPayloads {

    /** A delivered interaction's payload and what the stub needs to follow it up. */
    record Built(ObjectNode payload, PendingInteraction pending) {
    }

    private static final int SUB_COMMAND = 1;
    private static final int SUB_COMMAND_GROUP = 2;

    private final Directory directory;
    private final GuildJson people;
    private final CommandRegistry commands;
    private final MessageStore messages;
    private final DmChannels dms;
    private final Uploads uploads;

    InteractionPayloads(Directory directory, CommandRegistry commands, MessageStore messages, DmChannels dms,
                        Uploads uploads) {
        this.uploads = uploads;
        this.directory = directory;
        this.people = new GuildJson(directory);
        this.commands = commands;
        this.messages = messages;
        this.dms = dms;
    }

    Built slash(SlashCommandInvocation invocation) {
        Place place = place(invocation.guildId(), invocation.channelId(), invocation.userId());
        String[] path = invocation.commandPath().split("\\s+");
        RegisteredCommand command = registered(place.guild(), path[0]);
        ObjectNode data = commandData(command, place.guild());
        ObjectNode resolved = Json.object();
        ArrayNode options = options(command, path, invocation.options(), null, null, place, resolved);
        data.set("options", options);
        if (!resolved.isEmpty()) {
            data.set("resolved", resolved);
        }
        return build(2, place, data, invocation.locale(), "/" + invocation.commandPath(), 0);
    }

    Built autocomplete(AutocompleteInvocation invocation) {
        Place place = place(invocation.guildId(), invocation.channelId(), invocation.userId());
        String[] path = invocation.commandPath().split("\\s+");
        RegisteredCommand command = registered(place.guild(), path[0]);
        ObjectNode data = commandData(command, place.guild());
        ArrayNode options = options(command, path, invocation.options(), invocation.focused(), invocation.typed(),
                place, Json.object());
        data.set("options", options);
        return build(4, place, data, invocation.locale(), "autocomplete of /" + invocation.commandPath(), 0);
    }

    Built click(ButtonClick click) {
        StoredMessage message = messages.find(click.messageId()).orElseThrow(() -> new IllegalArgumentException(
                "The stub holds no message " + click.messageId() + " to click on"));
        ObjectNode json = message.json();
        JsonNode button = findComponent(json.path("components"), click.customId()).orElseThrow(
                () -> new IllegalArgumentException("Message " + click.messageId() + " has no component with custom id '"
                        + click.customId() + "'"));
        Place place = directory.channel(message.channelId())
                .map(c -> place(c.guild().id(), c.channel().id(), click.userId()))
                .orElseGet(() -> dmPlace(message.channelId(), click.userId()));
        ObjectNode data = Json.object()
                .put("custom_id", click.customId())
                .put("component_type", button.path("type").asInt(2));
        Built built = build(3, place, data, click.locale(), "click on '" + click.customId() + "'", message.id());
        built.payload().set("message", json);
        return built;
    }

    private Built build(int type, Place place, ObjectNode data, String locale, String description,
                        long componentMessageId) {
        long id = Snowflakes.next();
        String token = "aW50ZXJhY3Rpb24" + UUID.randomUUID().toString().replace("-", "");
        ObjectNode payload = Json.object()
                .put("id", Json.id(id))
                .put("application_id", Json.id(directory.bot().applicationId()))
                .put("type", type)
                .put("token", token)
                .put("version", 1)
                .put("locale", locale)
                .put("attachment_size_limit", 10_485_760);
        payload.set("data", data);
        payload.putArray("entitlements");
        ObjectNode owners = payload.putObject("authorizing_integration_owners");
        if (place.guild() != null) {
            StubGuild guild = place.guild();
            payload.put("guild_id", Json.id(guild.id()))
                    .put("channel_id", Json.id(place.channelId()))
                    .put("guild_locale", guild.locale())
                    .put("context", 0)
                    .put("app_permissions", Long.toString(Permissions.inChannel(guild, place.channel(),
                            directory.bot().userId(), List.of(guild.botRole().id()))));
            ObjectNode guildJson = payload.putObject("guild")
                    .put("id", Json.id(guild.id()))
                    .put("locale", guild.locale());
            guildJson.putArray("features");
            long memberPermissions = Permissions.inChannel(guild, place.channel(), place.user().userId(),
                    place.user().roleIds());
            ObjectNode channel = people.channel(guild, place.channel());
            channel.put("permissions", Long.toString(memberPermissions));
            payload.set("channel", channel);
            ObjectNode member = people.member(place.user());
            member.put("permissions", Long.toString(memberPermissions));
            payload.set("member", member);
            owners.put("0", Json.id(guild.id()));
        } else {
            payload.put("channel_id", Json.id(place.channelId()))
                    .put("context", 1)
                    .put("app_permissions", Long.toString(Permissions.EVERYONE_DEFAULT | Permissions.EMBED_LINKS));
            ObjectNode channel = payload.putObject("channel")
                    .put("id", Json.id(place.channelId()))
                    .put("type", 1)
                    .put("flags", 0);
            channel.putNull("last_message_id");
            channel.putArray("recipients").add(people.user(directory.user(directory.bot().userId())));
            payload.set("user", people.user(place.user()));
            owners.put("0", "0");
        }
        PendingInteraction pending = new PendingInteraction(id, type, token, description, place.channelId(),
                place.guild() == null ? 0 : place.guild().id(), componentMessageId);
        return new Built(payload, pending);
    }

    private ObjectNode commandData(RegisteredCommand command, StubGuild guild) {
        ObjectNode data = Json.object()
                .put("id", Json.id(command.id()))
                .put("name", command.name())
                .put("type", 1);
        if (command.guildId() != 0) {
            data.put("guild_id", Json.id(guild.id()));
        }
        return data;
    }

    private RegisteredCommand registered(StubGuild guild, String name) {
        return commands.slashCommand(guild.id(), name).orElseThrow(() -> new IllegalStateException(
                "/" + name + " is not registered in guild " + guild.id() + " (nor globally): Discord could not "
                        + "deliver it. Registered there: " + commands.registered(guild.id()).stream()
                        .map(RegisteredCommand::name).toList()));
    }

    /** The options array: nested under the subcommand (and group) the path names, typed from the registration. */
    private ArrayNode options(RegisteredCommand command, String[] path, List<OptionValue> values, String focused,
                              String typed, Place place, ObjectNode resolved) {
        JsonNode definitions = command.json().path("options");
        ArrayNode top = Json.array();
        ArrayNode current = top;
        for (int i = 1; i < path.length; i++) {
            JsonNode sub = definition(definitions, path[i], "/" + String.join(" ", path));
            int subType = sub.path("type").asInt();
            if (subType != SUB_COMMAND && subType != SUB_COMMAND_GROUP) {
                throw new IllegalArgumentException(path[i] + " is not a subcommand of /" + path[0]);
            }
            ObjectNode node = current.addObject().put("name", path[i]).put("type", subType);
            current = node.putArray("options");
            definitions = sub.path("options");
        }
        for (OptionValue value : values) {
            JsonNode definition = definition(definitions, value.name(), "/" + String.join(" ", path));
            current.add(option(definition, value.value(), false, place, resolved));
        }
        if (focused != null) {
            JsonNode definition = definition(definitions, focused, "/" + String.join(" ", path));
            current.add(option(definition, typed, true, place, resolved));
        }
        return top;
    }

    private static JsonNode definition(JsonNode definitions, String name, String command) {
        for (JsonNode definition : definitions) {
            if (name.equals(definition.path("name").asText())) {
                return definition;
            }
        }
        throw new IllegalArgumentException(command + " has no option '" + name + "' in its registration");
    }

    private ObjectNode option(JsonNode definition, Object value, boolean focused, Place place, ObjectNode resolved) {
        int type = definition.path("type").asInt();
        ObjectNode option = Json.object().put("name", definition.path("name").asText()).put("type", type);
        if (focused) {
            return option.put("value", String.valueOf(value)).put("focused", true);
        }
        switch (type) {
            case 4 -> option.put("value", value instanceof Number n ? n.longValue() : Long.parseLong(value.toString()));
            case 5 -> option.put("value", Boolean.parseBoolean(value.toString()));
            case 10 -> option.put("value", value instanceof Number n ? n.doubleValue()
                    : Double.parseDouble(value.toString()));
            case 11 -> {
                if (!(value instanceof Uploads.Attached attached)) {
                    throw new IllegalArgumentException("Option '" + definition.path("name").asText()
                            + "' takes a file: fill it in with attachment(name, file name, content type, bytes)");
                }
                StubAttachment stored = uploads.store(attached);
                option.put("value", Json.id(stored.id()));
                resolved.withObjectProperty("attachments").set(Json.id(stored.id()), uploads.json(stored));
            }
            case 6, 7, 8, 9 -> {
                String id = value.toString();
                option.put("value", id);
                resolve(type, Long.parseUnsignedLong(id), place, resolved);
            }
            default -> option.put("value", value.toString());
        }
        return option;
    }

    /** Adds the user, member, role or channel an option names to {@code resolved}, as Discord does. */
    private void resolve(int type, long id, Place place, ObjectNode resolved) {
        StubGuild guild = place.guild();
        Optional<StubGuild.Role> role = guild == null ? Optional.empty() : guild.role(id);
        if ((type == 8 || type == 9) && role.isPresent()) {
            resolved.withObjectProperty("roles").set(Json.id(id), people.role(role.get()));
        } else if (type == 7 && guild != null) {
            guild.channel(id).ifPresent(channel -> resolved.withObjectProperty("channels").set(Json.id(id), people.channel(guild, channel)
                    .put("permissions", Long.toString(Permissions.inChannel(guild, channel, place.user().userId(),
                            place.user().roleIds())))));
        } else if (type == 6 || type == 9) {
            Directory.Someone user = guild == null ? directory.user(id)
                    : directory.member(guild, id).orElseGet(() -> directory.user(id));
            resolved.withObjectProperty("users").set(Json.id(id), people.user(user));
            if (guild != null && directory.member(guild, id).isPresent()) {
                ObjectNode member = people.member(user);
                member.remove("user");
                member.put("permissions", Long.toString(Permissions.inGuild(guild, id, user.roleIds())));
                resolved.withObjectProperty("members").set(Json.id(id), member);
            }
        }
    }

    private static Optional<JsonNode> findComponent(JsonNode components, String customId) {
        for (JsonNode component : components) {
            if (customId.equals(component.path("custom_id").asText(null))) {
                return Optional.of(component);
            }
            Optional<JsonNode> nested = findComponent(component.path("components"), customId);
            if (nested.isPresent()) {
                return nested;
            }
            JsonNode accessory = component.path("accessory");
            if (customId.equals(accessory.path("custom_id").asText(null))) {
                return Optional.of(accessory);
            }
        }
        return Optional.empty();
    }

    /** Where an interaction happens: a guild channel with its member, or a DM (guild and channel null). */
    private record Place(StubGuild guild, StubGuild.TextChannel channel, long channelId, Directory.Someone user) {
    }

    private Place place(long guildId, long channelId, long userId) {
        Directory.GuildChannel found = directory.channel(channelId).orElseThrow(() -> new IllegalArgumentException(
                "No text channel " + channelId + " in the stub's guilds"));
        if (guildId != 0 && guildId != found.guild().id()) {
            throw new IllegalArgumentException("Channel " + channelId + " is in guild " + found.guild().id()
                    + ", not " + guildId);
        }
        Directory.Someone member = directory.member(found.guild(), userId).orElseThrow(() ->
                new IllegalArgumentException("User " + userId + " is not a member of guild " + found.guild().id()));
        return new Place(found.guild(), found.channel(), channelId, member);
    }

    private Place dmPlace(long channelId, long userId) {
        long recipient = dms.recipientOf(channelId).orElseThrow(() -> new IllegalArgumentException(
                "Channel " + channelId + " is neither a guild channel nor a DM the bot opened"));
        if (recipient != userId) {
            throw new IllegalArgumentException("Only user " + recipient + " can click in DM " + channelId
                    + ", not " + userId);
        }
        return new Place(null, null, channelId, directory.user(userId));
    }
}

package dev.showcall.discord.stub;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a request body is, by method and path: which of Discord's limits apply to it. */
enum BodyKind {
    MESSAGE_CREATE,
    MESSAGE_EDIT,
    INTERACTION_CALLBACK,
    COMMAND_LIST,
    COMMAND,
    OTHER;

    private static final String ID = "[^/]+";
    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("channels/" + ID + "/messages");
    private static final Pattern CHANNEL_MESSAGE = Pattern.compile("channels/" + ID + "/messages/\\d+");
    private static final Pattern WEBHOOK = Pattern.compile("webhooks/" + ID + "/" + ID);
    private static final Pattern WEBHOOK_MESSAGE = Pattern.compile("webhooks/" + ID + "/" + ID + "/messages/" + ID);
    private static final Pattern CALLBACK = Pattern.compile("interactions/" + ID + "/" + ID + "/callback");
    private static final Pattern COMMANDS = Pattern.compile("applications/" + ID + "(/guilds/" + ID + ")?/commands");
    private static final Pattern ONE_COMMAND =
            Pattern.compile("applications/" + ID + "(/guilds/" + ID + ")?/commands/\\d+");

    static BodyKind of(String method, String path) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "POST" -> {
                if (CHANNEL_MESSAGES.matcher(path).matches() || WEBHOOK.matcher(path).matches()) {
                    yield MESSAGE_CREATE;
                }
                if (CALLBACK.matcher(path).matches()) {
                    yield INTERACTION_CALLBACK;
                }
                yield COMMANDS.matcher(path).matches() ? COMMAND : OTHER;
            }
            case "PATCH" -> {
                if (CHANNEL_MESSAGE.matcher(path).matches() || WEBHOOK_MESSAGE.matcher(path).matches()) {
                    yield MESSAGE_EDIT;
                }
                yield ONE_COMMAND.matcher(path).matches() ? COMMAND : OTHER;
            }
            case "PUT" -> COMMANDS.matcher(path).matches() ? COMMAND_LIST : OTHER;
            default -> OTHER;
        };
    }
}

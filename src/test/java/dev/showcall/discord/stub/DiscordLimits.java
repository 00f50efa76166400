package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Discord's documented limits on what a bot sends, and the house rule that every message says who it may ping.
 * Lengths are counted in characters (code points), as Discord counts them.
 */
final class DiscordLimits {

    static final int CONTENT = 2000;
    static final int EMBEDS = 10;
    static final int EMBED_TITLE = 256;
    static final int EMBED_DESCRIPTION = 4096;
    static final int EMBED_FIELDS = 25;
    static final int FIELD_NAME = 256;
    static final int FIELD_VALUE = 1024;
    static final int FOOTER_TEXT = 2048;
    static final int AUTHOR_NAME = 256;
    static final int EMBEDS_TOTAL = 6000;
    static final int CHOICES = 25;
    static final int CHOICE_TEXT = 100;
    static final int FILES = 10;
    /** What a server without boosts takes in one message's files (the {@code attachment_size_limit} of interactions). */
    static final long FILE_BYTES = 10L * 1024 * 1024;

    /** Discord's regex for chat-input command and option names (letters must be lower case where they have one). */
    private static final Pattern COMMAND_NAME =
            Pattern.compile("^[-_'\\p{L}\\p{N}\\p{IsDevanagari}\\p{IsThai}]{1,32}$");

    private DiscordLimits() {
    }

    static List<Finding> check(String method, String path, JsonNode body) {
        List<Finding> findings = new ArrayList<>();
        if (body == null || body.isNull() || body.isMissingNode()) {
            return findings;
        }
        switch (BodyKind.of(method, path)) {
            case MESSAGE_CREATE, MESSAGE_EDIT -> message(body, findings);
            case INTERACTION_CALLBACK -> callback(body, findings);
            case COMMAND_LIST -> body.forEach(command -> command(command, findings));
            case COMMAND -> command(body, findings);
            default -> {
            }
        }
        return findings;
    }

    /**
     * The files of a message (a channel message, an interaction response or a webhook message): at most
     * {@value #FILES}, of at most {@value #FILE_BYTES} bytes together, and every {@code attachments[].id} that is a
     * part number names a part the request carries.
     */
    static List<Finding> files(String method, String path, JsonNode body, Map<Integer, RequestBodies.Upload> files) {
        List<Finding> findings = new ArrayList<>();
        BodyKind kind = BodyKind.of(method, path);
        if (kind != BodyKind.MESSAGE_CREATE && kind != BodyKind.MESSAGE_EDIT && kind != BodyKind.INTERACTION_CALLBACK) {
            return findings;
        }
        if (files.size() > FILES) {
            findings.add(new Finding(Rule.TOO_MANY_FILES, files.size() + " files, at most " + FILES));
        }
        long bytes = files.values().stream().mapToLong(f -> f.data().length).sum();
        if (bytes > FILE_BYTES) {
            findings.add(new Finding(Rule.FILES_TOO_LARGE, "the files hold " + bytes + " bytes, at most " + FILE_BYTES));
        }
        JsonNode attachments = body == null ? null
                : kind == BodyKind.INTERACTION_CALLBACK ? body.path("data").path("attachments") : body.path("attachments");
        if (attachments != null) {
            for (JsonNode attachment : attachments) {
                JsonNode id = attachment.path("id");
                if (id.isIntegralNumber() && !files.containsKey(id.asInt())) {
                    findings.add(new Finding(Rule.ATTACHMENT_WITHOUT_FILE,
                            "attachment " + id.asInt() + " names no files[" + id.asInt() + "] part"));
                }
            }
        }
        return findings;
    }

    private static void callback(JsonNode body, List<Finding> findings) {
        int type = body.path("type").asInt();
        JsonNode data = body.path("data");
        if (type == 4 || type == 7) {
            message(data, findings);
        } else if (type == 8) {
            int choices = data.path("choices").size();
            if (choices > CHOICES) {
                findings.add(new Finding(Rule.TOO_MANY_CHOICES, choices + " autocomplete choices, at most " + CHOICES));
            }
            for (int i = 0; i < choices; i++) {
                choice(data.path("choices").get(i), "choices[" + i + "]", findings);
            }
        }
    }

    /** A choice's name is 1 to 100 characters; a string value at most 100. */
    private static void choice(JsonNode choice, String where, List<Finding> findings) {
        int name = length(choice.path("name"));
        if (name < 1 || name > CHOICE_TEXT) {
            findings.add(new Finding(Rule.CHOICE_NAME_INVALID,
                    where + ".name is " + name + " characters, 1 to " + CHOICE_TEXT));
        }
        int value = length(choice.path("value"));
        if (value > CHOICE_TEXT) {
            findings.add(new Finding(Rule.CHOICE_VALUE_TOO_LONG,
                    where + ".value is " + value + " characters, at most " + CHOICE_TEXT));
        }
    }

    private static void message(JsonNode message, List<Finding> findings) {
        int content = length(message.path("content"));
        if (content > CONTENT) {
            findings.add(new Finding(Rule.CONTENT_TOO_LONG, "content is " + content + " characters, at most " + CONTENT));
        }
        JsonNode embeds = message.path("embeds");
        if (embeds.size() > EMBEDS) {
            findings.add(new Finding(Rule.TOO_MANY_EMBEDS, embeds.size() + " embeds, at most " + EMBEDS));
        }
        int total = 0;
        for (int i = 0; i < embeds.size(); i++) {
            total += embed(embeds.get(i), "embeds[" + i + "]", findings);
        }
        if (total > EMBEDS_TOTAL) {
            findings.add(new Finding(Rule.EMBEDS_TOTAL_TOO_LONG,
                    "embeds hold " + total + " characters in all, at most " + EMBEDS_TOTAL));
        }
        if (!message.path("allowed_mentions").isObject()) {
            findings.add(new Finding(Rule.ALLOWED_MENTIONS_MISSING,
                    "the body does not set allowed_mentions, so Discord pings whatever the text mentions"));
        }
    }

    /** Checks one embed and returns the characters it counts towards the 6000 of a message. */
    private static int embed(JsonNode embed, String where, List<Finding> findings) {
        int title = limit(embed.path("title"), EMBED_TITLE, Rule.EMBED_TITLE_TOO_LONG, where + ".title", findings);
        int description = limit(embed.path("description"), EMBED_DESCRIPTION, Rule.EMBED_DESCRIPTION_TOO_LONG,
                where + ".description", findings);
        int footer = limit(embed.path("footer").path("text"), FOOTER_TEXT, Rule.EMBED_FOOTER_TOO_LONG,
                where + ".footer.text", findings);
        int author = limit(embed.path("author").path("name"), AUTHOR_NAME, Rule.EMBED_AUTHOR_NAME_TOO_LONG,
                where + ".author.name", findings);
        JsonNode fields = embed.path("fields");
        if (fields.size() > EMBED_FIELDS) {
            findings.add(new Finding(Rule.TOO_MANY_EMBED_FIELDS,
                    where + " has " + fields.size() + " fields, at most " + EMBED_FIELDS));
        }
        int fieldChars = 0;
        for (int i = 0; i < fields.size(); i++) {
            String field = where + ".fields[" + i + "]";
            fieldChars += limit(fields.get(i).path("name"), FIELD_NAME, Rule.EMBED_FIELD_NAME_TOO_LONG,
                    field + ".name", findings);
            fieldChars += limit(fields.get(i).path("value"), FIELD_VALUE, Rule.EMBED_FIELD_VALUE_TOO_LONG,
                    field + ".value", findings);
        }
        return title + description + footer + author + fieldChars;
    }

    private static int limit(JsonNode text, int max, Rule rule, String where, List<Finding> findings) {
        int length = length(text);
        if (length > max) {
            findings.add(new Finding(rule, where + " is " + length + " characters, at most " + max));
        }
        return length;
    }

    private static void command(JsonNode command, List<Finding> findings) {
        int type = command.path("type").asInt(1);
        if (type == 1) {
            name(command.path("name").asText(""), "command", findings);
            options(command.path("options"), command.path("name").asText(""), findings);
        }
    }

    private static void options(JsonNode options, String where, List<Finding> findings) {
        for (JsonNode option : options) {
            String name = option.path("name").asText("");
            name(name, "option of /" + where, findings);
            int choices = option.path("choices").size();
            if (choices > CHOICES) {
                findings.add(new Finding(Rule.TOO_MANY_CHOICES,
                        "option " + name + " of /" + where + " has " + choices + " choices, at most " + CHOICES));
            }
            options(option.path("options"), where + " " + name, findings);
        }
    }

    private static void name(String name, String what, List<Finding> findings) {
        if (!COMMAND_NAME.matcher(name).matches()) {
            findings.add(new Finding(Rule.INVALID_COMMAND_NAME,
                    what + " name '" + name + "' does not match Discord's ^[-_'\\p{L}\\p{N}]{1,32}$"));
        } else if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            findings.add(new Finding(Rule.INVALID_COMMAND_NAME, what + " name '" + name + "' is not lower case"));
        }
    }

    private static int length(JsonNode text) {
        if (!text.isTextual()) {
            return 0;
        }
        String value = text.asText();
        return value.codePointCount(0, value.length());
    }
}

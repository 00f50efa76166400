package dev.showcall.discord.stub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Discord's limits on message bodies")
class DiscordLimitsTest {

    private static final String MESSAGES = "channels/1/messages";

    private static ObjectNode message() {
        ObjectNode message = Json.object().put("content", "Board");
        message.putObject("allowed_mentions").putArray("parse");
        return message;
    }

    @Test
    @DisplayName("a message within every limit and with allowed mentions breaks nothing")
    void withinLimits() {
        ObjectNode message = message();
        message.putArray("embeds").addObject().put("title", "t".repeat(256)).put("description", "d".repeat(4096));

        assertThat(DiscordLimits.check("POST", MESSAGES, message)).isEmpty();
    }

    @Test
    @DisplayName("each embed part over its limit is reported, and so is the total they make")
    void embedParts() {
        ObjectNode message = message();
        ObjectNode embed = message.putArray("embeds").addObject()
                .put("title", "t".repeat(257))
                .put("description", "d".repeat(4097));
        embed.putObject("footer").put("text", "f".repeat(2049));
        embed.putObject("author").put("name", "a".repeat(257));
        ArrayNode fields = embed.putArray("fields");
        fields.addObject().put("name", "n".repeat(257)).put("value", "v".repeat(1025));

        assertThat(DiscordLimits.check("POST", MESSAGES, message)).extracting(Finding::rule).containsExactlyInAnyOrder(
                Rule.EMBED_TITLE_TOO_LONG, Rule.EMBED_DESCRIPTION_TOO_LONG, Rule.EMBED_FOOTER_TOO_LONG,
                Rule.EMBED_AUTHOR_NAME_TOO_LONG, Rule.EMBED_FIELD_NAME_TOO_LONG, Rule.EMBED_FIELD_VALUE_TOO_LONG,
                Rule.EMBEDS_TOTAL_TOO_LONG);
        assertThat(DiscordLimits.check("POST", MESSAGES, message)).extracting(Finding::detail)
                .contains("embeds[0].fields[0].value is 1025 characters, at most 1024");
    }

    @Test
    @DisplayName("embeds that are each fine but hold more than 6000 characters together are refused")
    void embedsTotal() {
        ObjectNode message = message();
        ArrayNode embeds = message.putArray("embeds");
        for (int i = 0; i < 2; i++) {
            embeds.addObject().put("description", "d".repeat(3001));
        }

        assertThat(DiscordLimits.check("PATCH", MESSAGES + "/2", message)).extracting(Finding::rule)
                .containsExactly(Rule.EMBEDS_TOTAL_TOO_LONG);
    }

    @Test
    @DisplayName("more than 10 embeds and more than 25 fields are refused")
    void counts() {
        ObjectNode message = message();
        ArrayNode embeds = message.putArray("embeds");
        for (int i = 0; i < 11; i++) {
            embeds.addObject().put("title", "look " + i);
        }
        ArrayNode fields = ((ObjectNode) embeds.get(0)).putArray("fields");
        for (int i = 0; i < 26; i++) {
            fields.addObject().put("name", "n").put("value", "v");
        }

        assertThat(DiscordLimits.check("POST", "webhooks/1/token", message)).extracting(Finding::rule)
                .containsExactlyInAnyOrder(Rule.TOO_MANY_EMBEDS, Rule.TOO_MANY_EMBED_FIELDS);
    }

    @Test
    @DisplayName("an interaction reply without allowed mentions is reported, a deferral is not")
    void callbacks() {
        ObjectNode reply = Json.object().put("type", 4);
        reply.putObject("data").put("content", "ok");
        ObjectNode deferral = Json.object().put("type", 5);
        deferral.putObject("data").put("flags", 64);

        assertThat(DiscordLimits.check("POST", "interactions/1/t/callback", reply)).extracting(Finding::rule)
                .containsExactly(Rule.ALLOWED_MENTIONS_MISSING);
        assertThat(DiscordLimits.check("POST", "interactions/1/t/callback", deferral)).isEmpty();
    }

    @Test
    @DisplayName("command and option names follow Discord's pattern; user commands may have spaces and capitals")
    void commandNames() {
        ArrayNode commands = Json.array();
        commands.addObject().put("name", "arrived").put("type", 1).putArray("options").addObject()
                .put("name", "Model").put("type", 3);
        commands.addObject().put("name", "no show").put("type", 1);
        commands.addObject().put("name", "Mark Arrived").put("type", 2);

        assertThat(DiscordLimits.check("PUT", "applications/1/guilds/2/commands", commands))
                .extracting(Finding::detail)
                .containsExactly("option of /arrived name 'Model' is not lower case",
                        "command name 'no show' does not match Discord's ^[-_'\\p{L}\\p{N}]{1,32}$");
    }

    @Test
    @DisplayName("an autocomplete choice's name is 1 to 100 characters, its value at most 100, emoji counting once")
    void choices() {
        ObjectNode callback = Json.object().put("type", 8);
        ArrayNode choices = callback.putObject("data").putArray("choices");
        choices.addObject().put("name", "💄".repeat(100)).put("value", "💄".repeat(100));
        choices.addObject().put("name", "").put("value", "Anya");
        choices.addObject().put("name", "n".repeat(101)).put("value", "v".repeat(101));
        choices.addObject().put("name", "Look 7").put("value", 7);

        assertThat(DiscordLimits.check("POST", "interactions/1/t/callback", callback)).extracting(Finding::rule)
                .containsExactly(Rule.CHOICE_NAME_INVALID, Rule.CHOICE_NAME_INVALID, Rule.CHOICE_VALUE_TOO_LONG);
    }
}

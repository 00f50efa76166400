package dev.showcall.discord.stub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The check against Discord's OpenAPI description")
class OpenApiSchemasTest {

    private static final String GUILD_COMMANDS = "applications/1/guilds/2/commands";
    private static OpenApiSchemas schemas;

    @BeforeAll
    static void load() {
        schemas = OpenApiSchemas.load();
    }

    private static JsonNode json(String text) {
        return Json.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("tolerates command contexts and integration types sent as numeric strings, as JDA sends them")
    void numericStringContexts() {
        JsonNode commands = json("[{\"name\":\"calls\",\"description\":\"Who is called when\",\"type\":1,"
                + "\"contexts\":[\"0\"],\"integration_types\":[\"0\"]}]");

        assertThat(schemas.check("PUT", GUILD_COMMANDS, commands)).isEmpty();
    }

    @Test
    @DisplayName("tolerates nothing else: a non-numeric context and a string command type are reported")
    void nothingElse() {
        JsonNode commands = json("[{\"name\":\"calls\",\"description\":\"Who is called when\",\"type\":\"1\","
                + "\"contexts\":[\"guild\"]}]");

        assertThat(schemas.check("PUT", GUILD_COMMANDS, commands)).extracting(Finding::detail)
                .anySatisfy(detail -> assertThat(detail).contains("/0/contexts/0"))
                .anySatisfy(detail -> assertThat(detail).contains("/0/type"));
    }

    @Test
    @DisplayName("finds the operation by its most specific path: new pins, @original, users/@me")
    void matchesMostSpecificPath() {
        JsonNode badEdit = json("{\"content\":7,\"allowed_mentions\":{\"parse\":[]}}");

        assertThat(schemas.check("PATCH", "webhooks/1/token/messages/@original", badEdit)).extracting(Finding::detail)
                .allSatisfy(detail -> assertThat(detail).startsWith("PATCH /webhooks/{webhook_id}/{webhook_token}"
                        + "/messages/@original:"))
                .isNotEmpty();
        assertThat(schemas.check("PUT", "channels/1/messages/pins/2", null)).isEmpty();
    }
}

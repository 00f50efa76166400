package dev.showcall.discord.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A recorded request")
class RecordedRequestTest {

    @Test
    @DisplayName("keeps the bot token but never shows it")
    void redactsToken() {
        RecordedRequest request = new RecordedRequest(Instant.EPOCH, "GET", "users/@me", "", "GET users/@me",
                Map.of("authorization", List.of("Bot secret-token"), "user-agent", List.of("JDA")), null, 200, false);

        assertThat(request.header("Authorization")).contains("Bot secret-token");
        assertThat(request.toString()).doesNotContain("secret-token").contains("<redacted>").contains("JDA");
    }
}

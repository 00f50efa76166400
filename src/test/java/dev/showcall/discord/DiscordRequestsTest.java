package dev.showcall.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What showcall reads from its requests to Discord")
class DiscordRequestsTest {

    private static List<String> path(String path) {
        return List.of(path.split("/"));
    }

    @Test
    @DisplayName("counts every request against the global limit but interaction answers")
    void globalLimit() {
        assertThat(GlobalBudgetInterceptor.counted(path("api/v10/channels/1/messages"))).isTrue();
        assertThat(GlobalBudgetInterceptor.counted(path("api/v10/users/@me/channels"))).isTrue();
        assertThat(GlobalBudgetInterceptor.counted(path("api/v10/interactions/1/token/callback"))).isFalse();
        assertThat(GlobalBudgetInterceptor.counted(path("api/v10/webhooks/1/token/messages/@original"))).isFalse();
    }

    @Test
    @DisplayName("knows a post in a channel by its method and route")
    void postsInAChannel() {
        assertThat(ChannelRateLimits.postedIn("POST", path("api/v10/channels/42/messages"))).hasValue(42);
        assertThat(ChannelRateLimits.postedIn("PATCH", path("api/v10/channels/42/messages/7"))).isEmpty();
        assertThat(ChannelRateLimits.postedIn("POST", path("api/v10/users/@me/channels"))).isEmpty();
    }

    @Test
    @DisplayName("lets the next post go at once while Discord said there is room, and waits for the reset when not")
    void channelLimit() {
        long[] now = {0};
        ChannelRateLimits limits = new ChannelRateLimits(() -> now[0]);

        assertThat(limits.waitNanos(42, 0)).isEqualTo(OptionalLong.empty());
        limits.record(42, 1, 4.0);
        assertThat(limits.waitNanos(42, 0)).hasValue(0);
        limits.record(42, 0, 4.0);
        assertThat(limits.waitNanos(42, 1_000_000_000L)).hasValue(3_000_000_000L + ChannelRateLimits.MARGIN_NANOS);
    }

    @Test
    @DisplayName("gives each message a nonce of its own that Discord accepts, the same on every retry")
    void nonces() {
        String call = DiscordCallNotifier.nonce("show|crew:hair:1|call");

        assertThat(call).hasSizeLessThanOrEqualTo(25).isEqualTo(DiscordCallNotifier.nonce("show|crew:hair:1|call"));
        assertThat(DiscordCallNotifier.nonce("show|crew:hair:1|reminder:600")).isNotEqualTo(call);
    }

    @Test
    @DisplayName("gives the automatic after-show report one nonce per show, the same on every try and after a restart")
    void reportNonce() {
        assertThat(AfterShowReports.nonce("show")).hasSizeLessThanOrEqualTo(25).isEqualTo(AfterShowReports.nonce("show"))
                .isNotEqualTo(AfterShowReports.nonce("other-show"))
                .isNotEqualTo(DiscordCallNotifier.nonce("show|crew:hair:1|call"));
    }
}

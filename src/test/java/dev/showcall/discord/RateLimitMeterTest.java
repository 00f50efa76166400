package dev.showcall.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The count of Discord's 429s")
class RateLimitMeterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RateLimitMeter meter = new RateLimitMeter(registry);

    private Response answer(int code, String... headers) throws Exception {
        Request request = new Request.Builder().url("https://discord.com/api/v10/channels/1/messages").build();
        Response.Builder response = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(code)
                .message("status");
        for (int i = 0; i < headers.length; i += 2) {
            response.header(headers[i], headers[i + 1]);
        }
        Interceptor.Chain chain = mock(Interceptor.Chain.class);
        when(chain.request()).thenReturn(request);
        when(chain.proceed(request)).thenReturn(response.build());
        return meter.intercept(chain);
    }

    @Test
    @DisplayName("counts each 429 by the scope Discord names, and passes the answer on untouched")
    void byScope() throws Exception {
        Response limited = answer(429, "X-RateLimit-Scope", "shared", "Retry-After", "1");
        answer(429, "X-RateLimit-Global", "true");
        answer(429);

        assertThat(limited.code()).isEqualTo(429);
        assertThat(registry.get(RateLimitMeter.RATE_LIMITED).tag("scope", "shared").counter().count()).isEqualTo(1);
        assertThat(registry.get(RateLimitMeter.RATE_LIMITED).tag("scope", "global").counter().count()).isEqualTo(1);
        assertThat(registry.get(RateLimitMeter.RATE_LIMITED).tag("scope", "user").counter().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("counts nothing for an answer that is not a 429")
    void notLimited() throws Exception {
        answer(200);
        answer(503);

        assertThat(registry.find(RateLimitMeter.RATE_LIMITED).counters()).isEmpty();
    }
}

package dev.showcall.discord;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Locale;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Counts every 429 Discord answers, by the scope it names ({@code user}, {@code global}, {@code shared}): JDA
 * waits and retries on its own, so without this a bot held back by Discord looks merely slow.
 */
public final class RateLimitMeter implements Interceptor {

    public static final String RATE_LIMITED = "showcall.discord.rate.limited";

    private final MeterRegistry registry;

    public RateLimitMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() == 429) {
            String scope = response.header("X-RateLimit-Scope");
            if (scope == null) {
                scope = "true".equalsIgnoreCase(response.header("X-RateLimit-Global")) ? "global" : "user";
            }
            Counter.builder(RATE_LIMITED).description("Requests Discord answered with 429 Too Many Requests")
                    .tag("scope", scope.trim().toLowerCase(Locale.ROOT)).register(registry).increment();
        }
        return response;
    }
}

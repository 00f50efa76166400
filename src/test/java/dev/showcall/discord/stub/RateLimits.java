package dev.showcall.discord.stub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Per-route rate-limit buckets like Discord's: a bucket per rule and major parameter (channel, guild, webhook or
 * interaction), a fixed window of {@code limit} requests. Rules added later win over earlier ones; routes without a
 * rule share a default bucket per route. Thread-safe.
 */
final class RateLimits {

    /** What the bucket says about one request, and the headers to send with the answer. */
    record Decision(boolean allowed, int limit, int remaining, long resetAfterMillis, long resetAtMillis, String bucket) {

        /** Whole seconds, rounded up, as Discord's {@code Retry-After}. */
        long retryAfterSeconds() {
            return Math.max(1, (resetAfterMillis + 999) / 1000);
        }
    }

    private record Rule(String name, Set<String> methods, Set<String> templates, int limit, Duration window) {
    }

    private static final class Window {
        long start;
        int used;
    }

    private static final List<String> MAJOR_PARAMETERS =
            List.of("channel_id", "guild_id", "webhook_id", "interaction_id");

    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, Window> windows = new HashMap<>();
    private int defaultLimit = 50;
    private Duration defaultWindow = Duration.ofSeconds(1);
    private int globalLimit;
    private Duration globalWindow = Duration.ofSeconds(1);
    private final Window global = new Window();

    synchronized void limit(String name, Set<String> methods, Set<String> templates, int limit, Duration window) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A rate limit needs at least 1 request per positive window");
        }
        rules.add(0, new Rule(name, Set.copyOf(methods), Set.copyOf(templates), limit, window));
        windows.keySet().removeIf(key -> key.startsWith(name + "|"));
    }

    synchronized void defaults(int limit, Duration window) {
        this.defaultLimit = limit;
        this.defaultWindow = window;
    }

    /** Discord's limit over all of a bot's requests (interactions excepted); 0 for none. */
    synchronized void global(int limit, Duration window) {
        this.globalLimit = limit;
        this.globalWindow = window;
        global.used = 0;
    }

    /** Counts a request against the global limit; empty when it is within it, or the seconds to wait. */
    synchronized java.util.OptionalDouble acquireGlobal(String path, long nowMillis) {
        if (globalLimit == 0 || path.startsWith("interactions/") || path.startsWith("webhooks/")) {
            return java.util.OptionalDouble.empty();
        }
        long length = globalWindow.toMillis();
        if (global.used == 0 || nowMillis >= global.start + length) {
            global.start = nowMillis;
            global.used = 0;
        }
        if (global.used >= globalLimit) {
            return java.util.OptionalDouble.of((global.start + length - nowMillis) / 1000.0);
        }
        global.used++;
        return java.util.OptionalDouble.empty();
    }

    synchronized Decision acquire(String method, String template, Map<String, String> parameters, long nowMillis) {
        String upper = method.toUpperCase(Locale.ROOT);
        Rule rule = rules.stream()
                .filter(r -> r.methods().contains(upper) && r.templates().contains(template))
                .findFirst()
                .orElseGet(() -> new Rule(upper + " " + template, Set.of(upper), Set.of(template), defaultLimit,
                        defaultWindow));
        String major = MAJOR_PARAMETERS.stream().map(parameters::get).filter(v -> v != null).findFirst().orElse("");
        Window window = windows.computeIfAbsent(rule.name() + "|" + major, key -> new Window());
        long length = rule.window().toMillis();
        if (window.used == 0 || nowMillis >= window.start + length) {
            window.start = nowMillis;
            window.used = 0;
        }
        long resetAt = window.start + length;
        String bucket = String.format("%08x%08x", rule.name().hashCode(), rule.name().length());
        if (window.used >= rule.limit()) {
            return new Decision(false, rule.limit(), 0, resetAt - nowMillis, resetAt, bucket);
        }
        window.used++;
        return new Decision(true, rule.limit(), rule.limit() - window.used, resetAt - nowMillis, resetAt, bucket);
    }
}

package dev.showcall.discord;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One budget for every request showcall makes to Discord, JDA's own included: Discord allows a bot
 * 50 requests per second over all routes together, does not pace them for us (JDA only backs off
 * after a 429) and bans bots that keep hitting the limit. Interaction answers are not counted by
 * Discord and pass freely, so a burst of calls never holds up a reply due within 3 seconds.
 *
 * <p>It runs on JDA's request threads, which wait for the answer anyway; never on Quartz's.
 */
public final class GlobalBudgetInterceptor implements Interceptor {

    /** Discord's 50 a second, with room for its clock and ours to disagree. */
    public static final int REQUESTS_PER_SECOND = 45;
    static final Duration WINDOW = Duration.ofSeconds(1);
    static final Duration MARGIN = Duration.ofMillis(50);

    private final RequestBudget budget;

    public GlobalBudgetInterceptor(RequestBudget budget) {
        this.budget = budget;
    }

    public static GlobalBudgetInterceptor discord() {
        return new GlobalBudgetInterceptor(new RequestBudget(REQUESTS_PER_SECOND, WINDOW, MARGIN));
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!counted(request.url().pathSegments())) {
            return chain.proceed(request);
        }
        try {
            budget.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for Discord's global rate limit");
        }
        try {
            return chain.proceed(request);
        } finally {
            budget.finished();
        }
    }

    /** Interaction callbacks and the interaction webhook (follow-ups, editing the reply) are not in the global limit. */
    static boolean counted(List<String> pathSegments) {
        int api = pathSegments.indexOf("api");
        List<String> path = api >= 0 && api + 2 <= pathSegments.size() ? pathSegments.subList(api + 2, pathSegments.size())
                : pathSegments;
        if (path.isEmpty()) {
            return true;
        }
        return !(path.get(0).equals("interactions") || path.get(0).equals("webhooks") && path.size() >= 3);
    }
}

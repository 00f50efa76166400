package dev.showcall.discord;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What Discord last said about posting in each channel: its {@code X-RateLimit-Remaining} and
 * {@code X-RateLimit-Reset-After} headers on {@code POST channels/{id}/messages}. A sender that
 * writes one message at a time reads from it whether its next write would have to wait, and
 * gathers what comes in meanwhile into one message instead of queueing it behind JDA's bucket.
 */
public final class ChannelRateLimits implements Interceptor {

    /** Covers the difference between our clock and Discord's in counting the window. */
    static final long MARGIN_NANOS = 50_000_000L;

    private record Bucket(int remaining, long resetAtNanos) {
    }

    private final Map<Long, Bucket> channels = new ConcurrentHashMap<>();
    private final LongSupplier nanos;

    public ChannelRateLimits(LongSupplier nanos) {
        this.nanos = nanos;
    }

    public ChannelRateLimits() {
        this(System::nanoTime);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        OptionalLong channel = postedIn(request.method(), request.url().pathSegments());
        if (channel.isPresent()) {
            String remaining = response.header("X-RateLimit-Remaining");
            String resetAfter = response.header(response.code() == 429 ? "Retry-After" : "X-RateLimit-Reset-After");
            if (response.code() == 429 && resetAfter != null) {
                record(channel.getAsLong(), 0, parseSeconds(resetAfter));
            } else if (remaining != null && resetAfter != null) {
                record(channel.getAsLong(), Integer.parseInt(remaining.trim()), parseSeconds(resetAfter));
            }
        }
        return response;
    }

    /** What Discord said in its answer to a post in the channel. */
    public void record(long channelId, int remaining, double resetAfterSeconds) {
        channels.put(channelId, new Bucket(remaining, nanos.getAsLong() + (long) (resetAfterSeconds * 1e9)));
    }

    /**
     * How long from {@code now} the next post in the channel must wait: 0 when Discord said it has
     * room, until its window resets when it said none; empty when it has said nothing yet.
     */
    public OptionalLong waitNanos(long channelId, long now) {
        Bucket bucket = channels.get(channelId);
        if (bucket == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(bucket.remaining() > 0 ? 0 : Math.max(0, bucket.resetAtNanos() + MARGIN_NANOS - now));
    }

    private static double parseSeconds(String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return 5;
        }
    }

    static OptionalLong postedIn(String method, List<String> pathSegments) {
        int api = pathSegments.indexOf("api");
        List<String> path = api >= 0 ? pathSegments.subList(Math.min(api + 2, pathSegments.size()), pathSegments.size())
                : pathSegments;
        if (!"POST".equals(method) || path.size() != 3 || !path.get(0).equals("channels")
                || !path.get(2).equals("messages")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(path.get(1)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}

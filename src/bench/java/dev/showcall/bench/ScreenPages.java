package dev.showcall.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * The open screens of {@link ScreenBenchmark}, in a JVM of their own so that the benchmark's heap holds
 * showcall's side of each page only. Opens {@code args[1]} event streams on {@code args[0]}, prints {@code READY}
 * once each has its first state, and from then on notes when each state arrives (wall clock, microseconds), by
 * the timeline event id it reflects. At {@code STOP} on standard input it prints {@code page id micros} for the
 * first arrival of each id on each page, then {@code END}.
 */
public final class ScreenPages {

    private ScreenPages() {
    }

    public static void main(String[] args) throws Exception {
        URI events = URI.create(args[0]);
        int pages = Integer.parseInt(args[1]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        CountDownLatch first = new CountDownLatch(pages);
        List<Map<Long, Long>> seen = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            Map<Long, Long> arrivals = new ConcurrentHashMap<>();
            seen.add(arrivals);
            http.sendAsync(HttpRequest.newBuilder(events).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(new Page(arrivals, first)));
        }
        if (!first.await(60, TimeUnit.SECONDS)) {
            System.out.println("FAILED " + first.getCount() + " pages had no state within 60 s");
            System.exit(1);
        }
        System.out.println("READY");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("STOP"); line = in.readLine()) {
            // waiting for the benchmark to say it is done
        }
        StringBuilder out = new StringBuilder();
        for (int p = 0; p < pages; p++) {
            for (Map.Entry<Long, Long> e : seen.get(p).entrySet()) {
                out.append(p).append(' ').append(e.getKey()).append(' ').append(e.getValue()).append('\n');
            }
        }
        System.out.print(out);
        System.out.println("END");
        System.out.flush();
        System.exit(0);
    }

    /** One page's stream: the id of each state event, with when it came. */
    private static final class Page implements Flow.Subscriber<String> {
        private final Map<Long, Long> arrivals;
        private final CountDownLatch first;
        private String event = "";
        private long id = -1;
        private boolean counted;

        Page(Map<Long, Long> arrivals, CountDownLatch first) {
            this.arrivals = arrivals;
            this.first = first;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("id:")) {
                id = Long.parseLong(line.substring(3).strip());
            } else if (line.isEmpty()) {
                if (event.equals("state") && id >= 0) {
                    java.time.Instant now = java.time.Instant.now();
                    arrivals.putIfAbsent(id, now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000);
                    if (!counted) {
                        counted = true;
                        first.countDown();
                    }
                }
                event = "";
                id = -1;
            }
        }

        @Override
        public void onError(Throwable throwable) {
            System.err.println("a page's stream failed: " + throwable);
        }

        @Override
        public void onComplete() {
            System.err.println("a page's stream ended");
        }
    }
}

package dev.showcall.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A web page's stream of Server-Sent Events, as a browser reads it: each event, as it comes, on a thread of its own. */
final class EventStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event: its name ({@code state}, {@code tick}, {@code standby}) and data. */
    record Event(String name, String data) {

        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private EventStream() {
    }

    /** Opens the stream of the page at {@code page}; it must answer 200. */
    static EventStream open(HttpClient http, URI page) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(page + "/events"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as("the page's stream opens").isEqualTo(200);
        EventStream stream = new EventStream();
        Thread reader = new Thread(() -> stream.read(response.body()), "test-sse");
        reader.setDaemon(true);
        reader.start();
        return stream;
    }

    private void read(InputStream body) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    events.add(new Event(name, data.toString()));
                    name = "message";
                    data.setLength(0);
                }
            }
        } catch (Exception e) {
            // the stream ends with the test
        }
    }

    /** The next event named {@code name} within {@code timeout}, skipping the others; null when none came. */
    Event next(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Event event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event != null && event.name().equals(name)) {
                return event;
            }
        }
        return null;
    }
}

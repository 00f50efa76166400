package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One HTTP request the bot made, as the stub received and answered it. The Authorization header is kept (a test may
 * check that it was sent) but never shown by {@link #toString()}.
 *
 * @param path the path under {@code /api/v10/}, e.g. {@code channels/42/messages}
 * @param query the raw query string, empty when there is none
 * @param route the stub's route that answered, e.g. {@code POST channels/{channel_id}/messages}; empty when the stub
 *              knows no such route (it then answered 404)
 * @param headers header names in lower case
 * @param body the parsed JSON body (the {@code payload_json} part of a multipart body), {@code null} when there is none
 * @param status the status the stub answered with
 * @param injected whether the answer was a failure injected with {@code failNext}
 */
public record RecordedRequest(Instant at, String method, String path, String query, String route,
                              Map<String, List<String>> headers, JsonNode body, int status, boolean injected) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** {@code METHOD path?query}, as in a log line. */
    public String line() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query);
    }

    @Override
    public String toString() {
        Map<String, List<String>> shown = new TreeMap<>(headers);
        shown.computeIfPresent("authorization", (name, values) -> List.of("<redacted>"));
        String headerText = shown.entrySet().stream()
                .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        return "RecordedRequest[" + at + " " + line() + " -> " + status + (injected ? " (injected)" : "")
                + ", headers=" + headerText + ", body=" + body + "]";
    }
}

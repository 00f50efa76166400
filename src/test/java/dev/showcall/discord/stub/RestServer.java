package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API under {@code /api/v10/}: for every request it applies injected delays and failures, the rate-limit
 * bucket, the checks on the body (Discord's limits, house rules, the OpenAPI schema), then the route; it records the
 * request with the status it answered.
 */
final class RestServer {

    static final String PREFIX = "/api/v10/";
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    private final String authorization;
    private final RouteTable routes;
    private final RateLimits rateLimits;
    private final FailureInjection failures;
    private final OpenApiSchemas schemas;
    private final Recordings recordings;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Uploads uploads;

    RestServer(String token, RouteTable routes, RateLimits rateLimits, FailureInjection failures,
               OpenApiSchemas schemas, Recordings recordings, Uploads uploads) throws IOException {
        this.uploads = uploads;
        this.authorization = "Bot " + token;
        this.routes = routes;
        this.rateLimits = rateLimits;
        this.failures = failures;
        this.schemas = schemas;
        this.recordings = recordings;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "discord-stub-rest-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::exchange);
        server.setExecutor(executor);
    }

    URI start() {
        server.start();
        uploads.servedFrom(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PREFIX);
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().startsWith(Uploads.PATH)) {
            try (exchange) {
                serveUpload(exchange);
            }
            return;
        }
        Answer answer = null;
        try (exchange) {
            try {
                answer = answer(exchange);
            } catch (RuntimeException e) {
                LOG.error("The Discord stub failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                answer = new Answer(Reply.error(500, 0, "500: Internal Server Error"), Map.of());
            }
            write(exchange, answer);
        } finally {
            if (answer != null) {
                answer.afterwards().forEach(Runnable::run);
            }
        }
    }

    /** The reply, its extra headers, and what to run once it is on the wire (waking tests that wait for it). */
    private record Answer(Reply reply, Map<String, String> headers, List<Runnable> afterwards) {

        Answer(Reply reply, Map<String, String> headers) {
            this(reply, headers, List.of());
        }

        Answer andThen(Runnable action) {
            List<Runnable> all = new ArrayList<>(afterwards);
            all.add(action);
            return new Answer(reply, headers, all);
        }
    }

    private Answer answer(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String fullPath = exchange.getRequestURI().getPath();
        String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
        Map<String, List<String>> headers = headers(exchange.getRequestHeaders());
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        JsonNode body;
        Map<Integer, RequestBodies.Upload> files;
        try {
            body = RequestBodies.parse(exchange.getRequestHeaders().getFirst("Content-Type"), bytes);
            files = RequestBodies.files(exchange.getRequestHeaders().getFirst("Content-Type"), bytes);
        } catch (RequestBodies.NotJson e) {
            Reply reply = Reply.error(400, 50109, "The request body contains invalid JSON.");
            record(at, method, fullPath, query, "", headers, null, reply, false);
            return new Answer(reply, Map.of());
        }
        if (!fullPath.startsWith(PREFIX)) {
            Reply reply = Reply.error(404, 0, "404: Not Found");
            record(at, method, fullPath, query, "", headers, body, reply, false);
            return new Answer(reply, Map.of());
        }
        String path = stripSlashes(fullPath.substring(PREFIX.length()));
        failures.before(method, path).ifPresent(Runnable::run);
        Optional<Duration> delay = failures.delay(method, path);
        if (delay.isPresent()) {
            sleep(delay.get());
        }
        Optional<HeldRequests> held = failures.holdFor(method, path, body);
        if (held.isPresent()) {
            held.get().hold();
            return handle(at, method, path, query, headers, body, files).andThen(held.get()::handled);
        }
        return handle(at, method, path, query, headers, body, files);
    }

    /** Injected failures, authorisation, the rate limit, the checks on the body, then the route. */
    private Answer handle(Instant at, String method, String path, String query, Map<String, List<String>> headers,
                          JsonNode body, Map<Integer, RequestBodies.Upload> files) {
        Optional<RouteTable.Match> match = routes.match(method, path);
        String route = match.map(m -> m.route().toString()).orElse("");
        Optional<Integer> failure = failures.failure(method, path);
        if (failure.isPresent()) {
            Answer injected = injected(failure.get());
            record(at, method, path, query, route, headers, body, injected.reply(), true);
            return injected;
        }
        if (!authorized(path, headers)) {
            Reply reply = Reply.error(401, 0, "401: Unauthorized");
            record(at, method, path, query, route, headers, body, reply, false);
            return new Answer(reply, Map.of());
        }
        java.util.OptionalDouble global = rateLimits.acquireGlobal(path, System.currentTimeMillis());
        if (global.isPresent()) {
            Reply reply = new Reply(429, Json.object().put("message", "You are being rate limited.")
                    .put("retry_after", global.getAsDouble()).put("global", true));
            record(at, method, path, query, route, headers, body, reply, false);
            recordings.globalTooManyRequests();
            Map<String, String> limitHeaders = new LinkedHashMap<>();
            limitHeaders.put("Retry-After", Long.toString(Math.max(1, (long) Math.ceil(global.getAsDouble()))));
            limitHeaders.put("X-RateLimit-Global", "true");
            limitHeaders.put("X-RateLimit-Scope", "global");
            return new Answer(reply, limitHeaders);
        }
        Map<String, String> parameters = match.map(RouteTable.Match::parameters).orElse(Map.of());
        RateLimits.Decision decision = rateLimits.acquire(method,
                match.map(m -> m.route().template()).orElse(path), parameters, System.currentTimeMillis());
        Map<String, String> limitHeaders = rateLimitHeaders(decision);
        Reply reply;
        if (!decision.allowed()) {
            reply = tooManyRequests(decision);
            limitHeaders.put("Retry-After", Long.toString(decision.retryAfterSeconds()));
            limitHeaders.put("X-RateLimit-Scope", "user");
        } else {
            List<Finding> findings = new ArrayList<>(DiscordLimits.check(method, path, body));
            findings.addAll(schemas.check(method, path, body));
            findings.addAll(DiscordLimits.files(method, path, body, files));
            findings.forEach(f -> recordings.violation(new Violation(at, method, path, f.rule(), f.detail())));
            Optional<Finding> rejected = findings.stream().filter(f -> f.rule().rejectedByDiscord()).findFirst();
            if (rejected.isPresent()) {
                reply = rejected.get().rule() == Rule.FILES_TOO_LARGE
                        ? Reply.error(413, 40005, "Request entity too large") : invalidFormBody(rejected.get());
            } else if (match.isPresent()) {
                Call call = new Call(method, path, query, parameters, body, files);
                try {
                    reply = match.get().handler().handle(call);
                } catch (RuntimeException e) {
                    LOG.error("The Discord stub failed on {} {}", method, path, e);
                    reply = Reply.error(500, 0, "500: Internal Server Error");
                }
                record(at, method, path, query, route, headers, body, reply, false);
                return new Answer(reply, limitHeaders, call.afterRecorded());
            } else {
                reply = Reply.error(404, 0, "404: Not Found");
            }
        }
        record(at, method, path, query, route, headers, body, reply, false);
        return new Answer(reply, limitHeaders);
    }

    /** Interaction callbacks and webhook calls authenticate with the token in their path, not the bot token. */
    private boolean authorized(String path, Map<String, List<String>> headers) {
        if (path.startsWith("interactions/") || path.startsWith("webhooks/")) {
            return true;
        }
        List<String> values = headers.get("authorization");
        return values != null && values.contains(authorization);
    }

    private void record(Instant at, String method, String path, String query, String route,
                        Map<String, List<String>> headers, JsonNode body, Reply reply, boolean injected) {
        recordings.request(new RecordedRequest(at, method, path, query, route, headers, body, reply.status(), injected));
    }

    private static Answer injected(int status) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (status == 429) {
            headers.put("Retry-After", "1");
            Reply reply = new Reply(429, Json.object().put("message", "You are being rate limited.")
                    .put("retry_after", 1.0).put("global", false));
            return new Answer(reply, headers);
        }
        return new Answer(Reply.error(status, 0, status + ": Injected failure"), headers);
    }

    private static Reply tooManyRequests(RateLimits.Decision decision) {
        return new Reply(429, Json.object()
                .put("message", "You are being rate limited.")
                .put("retry_after", decision.resetAfterMillis() / 1000.0)
                .put("global", false));
    }

    private static Reply invalidFormBody(Finding finding) {
        Reply reply = Reply.error(400, 50035, "Invalid Form Body");
        ((ObjectNode) reply.body()).putObject("errors")
                .putObject("_errors").put("code", finding.rule().name()).put("message", finding.detail());
        return reply;
    }

    private static Map<String, String> rateLimitHeaders(RateLimits.Decision decision) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", Integer.toString(decision.limit()));
        headers.put("X-RateLimit-Remaining", Integer.toString(decision.remaining()));
        headers.put("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", decision.resetAtMillis() / 1000.0));
        headers.put("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", decision.resetAfterMillis() / 1000.0));
        headers.put("X-RateLimit-Bucket", decision.bucket());
        return headers;
    }

    private static void write(HttpExchange exchange, Answer answer) throws IOException {
        Headers out = exchange.getResponseHeaders();
        out.set("Via", "1.1 google");
        answer.headers().forEach(out::set);
        Reply reply = answer.reply();
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] bytes = Json.write(reply.body()).getBytes(StandardCharsets.UTF_8);
        out.set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(bytes);
        }
    }

    /** An attached file, as Discord's CDN serves it: its bytes to a GET, whoever asks. */
    private void serveUpload(HttpExchange exchange) throws IOException {
        Optional<StubAttachment> file = "GET".equalsIgnoreCase(exchange.getRequestMethod())
                ? uploads.at(exchange.getRequestURI().getPath()) : Optional.empty();
        if (file.isEmpty()) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        if (file.get().contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", file.get().contentType());
        }
        exchange.sendResponseHeaders(200, file.get().size());
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(file.get().data());
        }
    }

    private static Map<String, List<String>> headers(Headers headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return copy;
    }

    private static String stripSlashes(String path) {
        String stripped = path;
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

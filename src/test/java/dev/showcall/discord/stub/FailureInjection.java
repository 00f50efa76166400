package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Failures and delays a test asked for, consumed by the next matching requests. Thread-safe. */
final class FailureInjection {

    private static final class Planned<T> {
        final String method;
        final Pattern path;
        final T what;
        int left;

        Planned(String method, String pathRegex, T what, int times) {
            if (times < 1) {
                throw new IllegalArgumentException("times must be at least 1");
            }
            this.method = method;
            this.path = Pattern.compile(pathRegex);
            this.what = what;
            this.left = times;
        }

        boolean matches(String requestMethod, String requestPath) {
            return ("*".equals(method) || method.equalsIgnoreCase(requestMethod)) && path.matcher(requestPath).matches();
        }
    }

    /** Requests to hold, picked by method, path and body, until the test stops holding them. */
    private record Hold(String method, Pattern path, Predicate<JsonNode> body, HeldRequests requests) {

        boolean matches(String requestMethod, String requestPath, JsonNode requestBody) {
            return ("*".equals(method) || method.equalsIgnoreCase(requestMethod)) && path.matcher(requestPath).matches()
                    && body.test(requestBody);
        }
    }

    private final List<Planned<Integer>> failures = new ArrayList<>();
    private final List<Planned<Duration>> delays = new ArrayList<>();
    private final List<Hold> holds = new ArrayList<>();
    private final List<Planned<Runnable>> before = new ArrayList<>();

    synchronized void failNext(String method, String pathRegex, int status, int times) {
        failures.add(new Planned<>(method, pathRegex, status, times));
    }

    synchronized void stopFailing() {
        failures.clear();
    }

    synchronized void delayNext(String method, String pathRegex, Duration delay, int times) {
        delays.add(new Planned<>(method, pathRegex, delay, times));
    }

    synchronized HeldRequests hold(String method, String pathRegex, Predicate<JsonNode> body) {
        HeldRequests held = new HeldRequests();
        holds.add(new Hold(method, Pattern.compile(pathRegex), body, held));
        return held;
    }

    synchronized void beforeNext(String method, String pathRegex, Runnable action) {
        before.add(new Planned<>(method, pathRegex, action, 1));
    }

    synchronized Optional<Integer> failure(String method, String path) {
        return take(failures, method, path);
    }

    synchronized Optional<Duration> delay(String method, String path) {
        return take(delays, method, path);
    }

    /** The hold this request comes under, if any: it is to wait for its release. */
    synchronized Optional<HeldRequests> holdFor(String method, String path, JsonNode body) {
        holds.removeIf(h -> !h.requests().holding());
        return holds.stream().filter(h -> h.matches(method, path, body)).findFirst().map(Hold::requests);
    }

    /** What a test asked to run when this request comes in, before the stub handles it. */
    synchronized Optional<Runnable> before(String method, String path) {
        return take(before, method, path);
    }

    private static <T> Optional<T> take(List<Planned<T>> planned, String method, String path) {
        for (Iterator<Planned<T>> it = planned.iterator(); it.hasNext(); ) {
            Planned<T> next = it.next();
            if (next.matches(method, path)) {
                if (--next.left == 0) {
                    it.remove();
                }
                return Optional.of(next.what);
            }
        }
        return Optional.empty();
    }
}

package dev.showcall.discord.stub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
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

    private final List<Planned<Integer>> failures = new ArrayList<>();
    private final List<Planned<Duration>> delays = new ArrayList<>();

    synchronized void failNext(String method, String pathRegex, int status, int times) {
        failures.add(new Planned<>(method, pathRegex, status, times));
    }

    synchronized void delayNext(String method, String pathRegex, Duration delay, int times) {
        delays.add(new Planned<>(method, pathRegex, delay, times));
    }

    synchronized Optional<Integer> failure(String method, String path) {
        return take(failures, method, path);
    }

    synchronized Optional<Duration> delay(String method, String path) {
        return take(delays, method, path);
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

package dev.showcall.discord.stub;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Every request, every violation and every 429 the stub saw or sent. Thread-safe. */
final class Recordings {

    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Violation> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger tooManyRequests = new AtomicInteger();
    private final AtomicInteger globalTooManyRequests = new AtomicInteger();

    void request(RecordedRequest request) {
        requests.add(request);
        if (request.status() == 429) {
            tooManyRequests.incrementAndGet();
        }
    }

    void violation(Violation violation) {
        violations.add(violation);
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    void globalTooManyRequests() {
        globalTooManyRequests.incrementAndGet();
    }

    int globalTooManyRequestsSent() {
        return globalTooManyRequests.get();
    }

    int tooManyRequests() {
        return tooManyRequests.get();
    }
}

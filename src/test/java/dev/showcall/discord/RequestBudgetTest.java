package dev.showcall.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The request budget")
class RequestBudgetTest {

    private static final long MS = 1_000_000L;
    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final Duration MARGIN = Duration.ofMillis(50);

    private static RequestBudget budget(int limit) {
        return new RequestBudget(limit, WINDOW, MARGIN, () -> {
            throw new AssertionError("the tests give the time");
        });
    }

    @Test
    @DisplayName("lets a quiet budget's whole limit start at once")
    void burst() {
        RequestBudget budget = budget(3);

        assertThat(List.of(budget.tryAcquire(0), budget.tryAcquire(0), budget.tryAcquire(0), budget.tryAcquire(0)))
                .containsExactly(true, true, true, false);
    }

    @Test
    @DisplayName("frees a permit a window and the margin after its request's answer, not after its start")
    void holdsPastTheAnswer() {
        RequestBudget budget = budget(1);
        budget.tryAcquire(0);
        budget.finished(300 * MS);

        assertThat(budget.waitNanos(300 * MS)).isEqualTo(1050 * MS);
        assertThat(budget.tryAcquire(1349 * MS)).isFalse();
        assertThat(budget.tryAcquire(1350 * MS)).isTrue();
    }

    @Test
    @DisplayName("has nothing to wait for while every permit is on its way: only an answer frees one")
    void allInFlight() {
        RequestBudget budget = budget(2);
        budget.tryAcquire(0);
        budget.tryAcquire(0);

        assertThat(budget.waitNanos(10_000 * MS)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    @DisplayName("never lets more than the limit reach Discord within any window, whatever each request's latency")
    void neverOverTheLimit() {
        int limit = 5;
        RequestBudget budget = budget(limit);
        // requests as fast as the budget allows, their latencies from 0 to 400 ms; Discord counts each
        // one at some moment between its start and its answer: here the worst cases, at either end
        List<long[]> requests = new ArrayList<>();
        long now = 0;
        List<long[]> open = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long latency = (i * 137L % 5) * 100 * MS;
            while (!budget.tryAcquire(now)) {
                long wait = budget.waitNanos(now);
                long nextAnswer = open.stream().mapToLong(r -> r[1]).min().orElse(Long.MAX_VALUE);
                if (wait == Long.MAX_VALUE || nextAnswer <= now + wait) {
                    long[] first = open.stream().min((a, b) -> Long.compare(a[1], b[1])).orElseThrow();
                    open.remove(first);
                    now = Math.max(now, first[1]);
                    budget.finished(first[1]);
                } else {
                    now += wait;
                }
            }
            long[] request = {now, now + latency};
            requests.add(request);
            open.add(request);
        }
        for (long[] r : open) {
            budget.finished(r[1]);
        }

        long window = WINDOW.toNanos();
        for (long[] a : requests) {
            for (long start : new long[] {a[0], a[1]}) {
                // the most that can be counted in [start, start + window): each request at its latest moment
                // not before start, or its earliest within the window
                long counted = requests.stream().filter(r -> r[1] >= start && r[0] < start + window).count();
                assertThat(counted).as("requests that may be counted in one window").isLessThanOrEqualTo(limit);
            }
        }
    }

    @Test
    @DisplayName("counts a request made before it existed until that request's window has passed")
    void requestsFromBefore() {
        long[] now = {5_000 * MS};
        RequestBudget budget = new RequestBudget(1, WINDOW, MARGIN, () -> now[0]);

        budget.finishedBefore(Duration.ofMillis(400));

        assertThat(budget.waitNanos(now[0])).isEqualTo(650 * MS);
        budget.finishedBefore(Duration.ofSeconds(2));
        assertThat(budget.waitNanos(now[0])).as("one from long ago counts no more").isEqualTo(650 * MS);
    }
}

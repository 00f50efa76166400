package dev.showcall.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The write pacer")
class WritePacerTest {

    private static final int LIMIT = 5;
    private static final long WINDOW = 5000;
    private static final long MARGIN = 50;

    /** Writes as often as the pacer allows for {@code millis}, each taking {@code latency}; gives when each reached Discord. */
    private static List<Long> saturate(long millis, long latency) {
        WritePacer pacer = new WritePacer(LIMIT, WINDOW, MARGIN);
        List<Long> arrivals = new ArrayList<>();
        long now = 0;
        while (now < millis) {
            now = Math.max(now, pacer.nextWriteAt());
            arrivals.add(now + latency / 2);
            pacer.finished(now + latency);
            now += latency;
        }
        return arrivals;
    }

    @Test
    @DisplayName("lets a quiet channel write at once")
    void quiet() {
        WritePacer pacer = new WritePacer(LIMIT, WINDOW, MARGIN);

        assertThat(pacer.mayWriteAt(0)).isTrue();
    }

    @Test
    @DisplayName("never lets more than 5 writes reach Discord within any 5 seconds, however busy")
    void neverOverTheLimit() {
        List<Long> arrivals = saturate(60_000, 40);

        for (int i = LIMIT; i < arrivals.size(); i++) {
            assertThat(arrivals.get(i) - arrivals.get(i - LIMIT)).as("write %d", i).isGreaterThan(WINDOW);
        }
    }

    @Test
    @DisplayName("under load spreads the writes, about one a second, instead of five at once and then a wait")
    void spreads() {
        List<Long> arrivals = saturate(60_000, 10);

        long longestGap = 0;
        for (int i = 1; i < arrivals.size(); i++) {
            longestGap = Math.max(longestGap, arrivals.get(i) - arrivals.get(i - 1));
        }
        assertThat(arrivals).hasSizeGreaterThanOrEqualTo(55);
        assertThat(longestGap).isLessThan(1100);
    }

    @Test
    @DisplayName("after a write, waits a fifth of the window and the margin before the next")
    void spacing() {
        WritePacer pacer = new WritePacer(LIMIT, WINDOW, MARGIN);
        pacer.finished(100);

        assertThat(pacer.mayWriteAt(100)).isFalse();
        assertThat(pacer.nextWriteAt()).isEqualTo(100 + (WINDOW + MARGIN) / LIMIT);
    }
}

package dev.showcall.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.PingOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The pings' metrics")
class PingMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PingMeters meters = new PingMeters(registry);

    @Test
    @DisplayName("count a ping sent by how it went out, and only one later than on time as late")
    void sentAndLate() {
        meters.sent(PingOutcome.DM, Duration.ofMillis(300));
        meters.sent(PingOutcome.DM, Lateness.ON_TIME);
        meters.sent(PingOutcome.CHANNEL, Lateness.ON_TIME.plusMillis(1));

        assertThat(registry.get(PingMeters.SENT).tag("outcome", "dm").counter().count()).isEqualTo(2);
        assertThat(registry.get(PingMeters.SENT).tag("outcome", "channel").counter().count()).isEqualTo(1);
        assertThat(registry.get(PingMeters.SENT_LATE).counter().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("record how late each ping was, a ping sent ahead of its time as on the dot")
    void lateness() {
        meters.sent(PingOutcome.DM, Duration.ofSeconds(90));
        meters.sent(PingOutcome.ROLE, Duration.ofSeconds(-30));

        var timer = registry.get(PingMeters.LATENESS).timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.max(TimeUnit.SECONDS)).isEqualTo(90);
        assertThat(timer.totalTime(TimeUnit.SECONDS)).isEqualTo(90);
    }

    @Test
    @DisplayName("count a ping given up on after every retry, and not as sent")
    void givenUp() {
        meters.gaveUp();

        assertThat(registry.get(PingMeters.GIVEN_UP).counter().count()).isEqualTo(1);
        assertThat(registry.find(PingMeters.SENT).counters()).isEmpty();
    }
}

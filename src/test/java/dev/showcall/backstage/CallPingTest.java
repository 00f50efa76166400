package dev.showcall.backstage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A call ping")
class CallPingTest {

    private static final Instant DUE = Instant.parse("2027-02-21T14:30:00Z");

    @Test
    @DisplayName("names a reminder by its seconds before the call")
    void reminderKey() {
        String ping = CallPing.reminder(Duration.ofHours(1));

        assertThat(ping).isEqualTo("reminder:3600");
        assertThat(CallPing.isValidPing(ping)).isTrue();
    }

    @Test
    @DisplayName("refuses a reminder that does not come before its call")
    void reminderAfterCall() {
        assertThatThrownBy(() -> CallPing.reminder(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("is either the call or a reminder")
    void validPings() {
        assertThat(CallPing.isValidPing(CallPing.CALL)).isTrue();
        assertThat(CallPing.isValidPing("reminder:0")).isFalse();
        assertThat(CallPing.isValidPing("reminder:-60")).isFalse();
        assertThat(CallPing.isValidPing("Call")).isFalse();
        assertThat(CallPing.isValidPing(null)).isFalse();
    }

    @Test
    @DisplayName("tells a reminder from the call")
    void isReminder() {
        assertThat(unsent(CallPing.reminder(Duration.ofMinutes(15))).isReminder()).isTrue();
        assertThat(unsent(CallPing.CALL).isReminder()).isFalse();
    }

    @Test
    @DisplayName("knows when it was sent, how late and how, all together or not at all")
    void sentFieldsTogether() {
        assertThatThrownBy(() -> new CallPing("show", "model:Anya Petrova", CallPing.CALL, DUE, DUE,
                Optional.of(DUE), Optional.empty(), Optional.of(PingOutcome.DM), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("together");
    }

    private static CallPing unsent(String ping) {
        return new CallPing("show", "model:Anya Petrova", ping, DUE, DUE,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}

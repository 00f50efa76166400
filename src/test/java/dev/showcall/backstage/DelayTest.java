package dev.showcall.backstage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A delay")
class DelayTest {

    private static final Instant AT = Instant.parse("2027-02-21T18:40:00Z");

    @Test
    @DisplayName("of zero minutes is refused: it changes nothing")
    void zeroMinutes() {
        assertThatThrownBy(() -> Delay.of("show", 0, "nothing", 1L, AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zero");
    }

    @Test
    @DisplayName("with a reason over 500 characters is refused")
    void reasonTooLong() {
        assertThatThrownBy(() -> Delay.of("show", 5, "x".repeat(501), 1L, AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("501")
                .hasMessageContaining("500");
    }

    @Test
    @DisplayName("of negative minutes means the show runs early")
    void negativeDuration() {
        assertThat(Delay.of("show", -5, "ahead", 1L, AT).duration()).isEqualTo(Duration.ofMinutes(-5));
    }
}

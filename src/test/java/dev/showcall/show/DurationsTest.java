package dev.showcall.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Durations in a show file")
class DurationsTest {

    @ParameterizedTest(name = "{0} is {1} seconds")
    @CsvSource({"4h30m, 16200", "15m, 900", "90s, 90", "1h, 3600", "2h05m, 7500", "1h 30m, 5400", "PT1H15M, 4500",
            "pt20m, 1200", "0m, 0"})
    @DisplayName("are read in the compact form and in ISO-8601")
    void parses(String text, long seconds) {
        assertThat(Durations.parse(text)).contains(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", "15", "15 minutes", "m", "30m4h", "-15m", "PT-5M", "1.5h"})
    @DisplayName("refuse anything else")
    void refuses(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @Test
    @DisplayName("print hours, minutes and seconds the way the show file writes them")
    void formats() {
        assertThat(Durations.format(Duration.ofMinutes(270))).isEqualTo("4h30m");
        assertThat(Durations.format(Duration.ofMinutes(65))).isEqualTo("1h05m");
        assertThat(Durations.format(Duration.ofHours(3))).isEqualTo("3h");
        assertThat(Durations.format(Duration.ofSeconds(200))).isEqualTo("3m20s");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0m");
    }

    @Test
    @DisplayName("print offsets from the start as T-, T+ or T")
    void formatsOffsets() {
        assertThat(Durations.formatOffset(Duration.ofMinutes(-270))).isEqualTo("T-4h30m");
        assertThat(Durations.formatOffset(Duration.ofMinutes(12))).isEqualTo("T+12m");
        assertThat(Durations.formatOffset(Duration.ZERO)).isEqualTo("T");
    }

    @Test
    @DisplayName("read back what they print")
    void roundTrip() {
        for (long s : new long[] {59, 60, 3599, 3600, 3661, 86_400 + 61}) {
            Duration d = Duration.ofSeconds(s);
            assertThat(Durations.parse(Durations.format(d))).as("%s", d).contains(d);
        }
    }
}

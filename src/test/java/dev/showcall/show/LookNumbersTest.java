package dev.showcall.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Look numbers as people read them")
class LookNumbersTest {

    @Test
    @DisplayName("are joined by commas when they do not follow each other")
    void apart() {
        assertThat(LookNumbers.ranges(List.of(2, 5, 9))).isEqualTo("2, 5, 9");
    }

    @Test
    @DisplayName("give a run of three or more as a range, and leave two in a row as they are")
    void runs() {
        assertThat(LookNumbers.ranges(List.of(1, 2, 3, 4, 7, 9, 10, 12, 13, 14)))
                .isEqualTo("1–4, 7, 9, 10, 12–14");
    }

    @Test
    @DisplayName("name one look, or several")
    void named() {
        assertThat(LookNumbers.named(List.of(4))).isEqualTo("look 4");
        assertThat(LookNumbers.named(List.of(1, 2, 3, 20))).isEqualTo("looks 1–3, 20");
    }
}

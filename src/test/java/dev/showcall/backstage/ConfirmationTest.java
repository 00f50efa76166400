package dev.showcall.backstage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A confirmation")
class ConfirmationTest {

    private static final Instant AT = Instant.parse("2027-02-21T14:31:00Z");

    @Test
    @DisplayName("says by how many minutes only when running late")
    void minutesOnlyWhenRunningLate() {
        assertThatThrownBy(() -> answer(ConfirmationState.ON_MY_WAY, OptionalInt.of(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ON_MY_WAY");
    }

    @Test
    @DisplayName("runs late by at least a minute")
    void positiveMinutes() {
        assertThatThrownBy(() -> answer(ConfirmationState.RUNNING_LATE, OptionalInt.of(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("is the same answer whoever gave it and whenever, if state and minutes match")
    void sameAnswer() {
        Confirmation first = answer(ConfirmationState.RUNNING_LATE, OptionalInt.of(10));
        Confirmation again = new Confirmation("show", "crew:hair:2", ConfirmationState.RUNNING_LATE,
                OptionalInt.of(10), 2L, AT.plusSeconds(5));

        assertThat(first.sameAnswerAs(again)).isTrue();
        assertThat(first.sameAnswerAs(answer(ConfirmationState.RUNNING_LATE, OptionalInt.of(15)))).isFalse();
    }

    private static Confirmation answer(ConfirmationState state, OptionalInt minutes) {
        return new Confirmation("show", "crew:hair:1", state, minutes, 1L, AT);
    }
}

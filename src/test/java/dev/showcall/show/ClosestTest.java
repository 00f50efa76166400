package dev.showcall.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Finding the closest name")
class ClosestTest {

    private static final List<String> MODELS = List.of("Anya Petrova", "Anja Berg", "Amara Okafor", "Bea Moss");

    @Test
    @DisplayName("suggests the name a typo was meant to be")
    void typo() {
        assertThat(Closest.to("Anya Petrva", MODELS)).contains("Anya Petrova");
        assertThat(Closest.to("time-zon", List.of("time-zone", "name"))).contains("time-zone");
    }

    @Test
    @DisplayName("ignores case, spaces, dashes and underscores")
    void normalises() {
        assertThat(Closest.to("timeZone", List.of("time-zone", "name"))).contains("time-zone");
        assertThat(Closest.to("bea moss", MODELS)).contains("Bea Moss");
    }

    @Test
    @DisplayName("suggests nothing when nothing is close")
    void nothingClose() {
        assertThat(Closest.to("Zoe Quinn", MODELS)).isEmpty();
    }

    @Test
    @DisplayName("ranks prefixes before names that merely contain the text, then close spellings")
    void ranking() {
        assertThat(Closest.ranked("an", MODELS, 25)).containsExactly("Anja Berg", "Anya Petrova");
        assertThat(Closest.ranked("okaf", MODELS, 25)).containsExactly("Amara Okafor");
        assertThat(Closest.ranked("Anya Petorva", MODELS, 25)).first().isEqualTo("Anya Petrova");
    }

    @Test
    @DisplayName("returns at most the limit")
    void limit() {
        List<String> many = IntStream.range(0, 60).mapToObj(i -> "Model " + i).toList();

        assertThat(Closest.ranked("model", many, 25)).hasSize(25);
        assertThat(Closest.ranked("", many, 25)).hasSize(25);
    }
}

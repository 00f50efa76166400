package dev.showcall.discord.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.text.UserText;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Autocomplete choices")
class ChoicesTest {

    @Test
    @DisplayName("keep a label within 100 characters, cut on whole characters, and the value whole")
    void longLabel() {
        String label = "7 · " + "💄".repeat(60);

        Command.Choice choice = Choices.of("look", List.of(Suggestion.of(label, 7L))).get(0);

        assertThat(choice.getName()).hasSizeLessThanOrEqualTo(100).endsWith("…");
        assertThat(UserText.hasBrokenCharacter(choice.getName())).isFalse();
        assertThat(choice.getAsLong()).isEqualTo(7L);
    }

    @Test
    @DisplayName("leave out a choice whose value Discord cannot carry, keeping the others")
    void valueTooLong() {
        List<Command.Choice> choices = Choices.of("arrived",
                List.of(Suggestion.of("x".repeat(101)), Suggestion.of("Anya Petrova"), Suggestion.of("")));

        assertThat(choices).extracting(Command.Choice::getAsString).containsExactly("Anya Petrova");
    }

    @Test
    @DisplayName("show the value when the label is blank or only control characters")
    void blankLabel() {
        Command.Choice choice = Choices.of("arrived", List.of(Suggestion.of("\n\t ", "Anya Petrova"))).get(0);

        assertThat(choice.getName()).isEqualTo("Anya Petrova");
    }

    @Test
    @DisplayName("are at most 25")
    void atMost25() {
        List<Suggestion> many = IntStream.rangeClosed(1, 40).mapToObj(i -> Suggestion.of("Model " + i)).toList();

        assertThat(Choices.of("arrived", many)).hasSize(25);
    }
}

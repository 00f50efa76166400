package dev.showcall.show;

import static dev.showcall.show.ShowYaml.FILE;
import static dev.showcall.show.ShowYaml.lineOf;
import static dev.showcall.show.ShowYaml.replace;
import static dev.showcall.show.ShowYaml.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Reading the text of a show file")
class ShowReaderTextTest {

    private static ShowReader.Reading read(String yaml) {
        return ShowReader.read(FILE, yaml);
    }

    private static Problem onlyError(ShowReader.Reading reading) {
        assertThat(reading.errors()).as("errors of %s", reading.problems()).hasSize(1);
        return reading.errors().get(0);
    }

    private static String letters(int count) {
        return "x".repeat(count);
    }

    @Nested
    @DisplayName("refuses models whose names the commands cannot tell apart, pointing at the first:")
    class NamesTheCommandsCannotTellApart {

        @Test
        @DisplayName("a standby whose name differs only by case")
        void byCase() {
            String yaml = replace(valid(), "  - name: Gia Sol\n    standby: true",
                    "  - name: Gia Sol\n    standby: true\n  - name: BEA MOSS\n    standby: true");

            Problem p = onlyError(read(yaml));

            assertThat(p.location().line()).isEqualTo(lineOf(yaml, "name: BEA MOSS"));
            assertThat(p.path()).isEqualTo("models[7].name");
            assertThat(p.message()).isEqualTo("'BEA MOSS' cannot be told apart from 'Bea Moss' (line "
                    + lineOf(yaml, "name: Bea Moss") + ")");
            assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("case, accents and spaces"));
        }

        @Test
        @DisplayName("a name that differs only by accents")
        void byAccents() {
            String yaml = replace(valid(), "  - name: Fay Roux", "  - name: Fay Roux\n    agency: Elite\n  - name: Fäy Róux");

            Problem p = onlyError(read(yaml));

            assertThat(p.location().line()).isEqualTo(lineOf(yaml, "name: Fäy Róux"));
            assertThat(p.message()).contains("'Fäy Róux' cannot be told apart from 'Fay Roux' (line "
                    + lineOf(yaml, "name: Fay Roux") + ")");
        }

        @Test
        @DisplayName("a name that differs only by spaces")
        void bySpaces() {
            String yaml = replace(valid(), "  - name: Fay Roux", "  - name: Fay Roux\n    agency: Elite\n  - name: \"Fay  Roux\"");

            Problem p = onlyError(read(yaml));

            assertThat(p.location().line()).isEqualTo(lineOf(yaml, "name: \"Fay  Roux\""));
            assertThat(p.message()).contains("cannot be told apart from 'Fay Roux'");
        }
    }

    @Nested
    @DisplayName("refuses a model's name")
    class ModelNames {

        @Test
        @DisplayName("over 100 characters, saying the limit; 100 are fine")
        void tooLong() {
            String yaml = replace(replace(valid(), "  - name: Fay Roux", "  - name: " + letters(101)),
                    "model: Fay Roux", "model: " + letters(101));

            Problem p = onlyError(read(yaml));

            assertThat(p.location().line()).isEqualTo(lineOf(yaml, "  - name: " + letters(101)));
            assertThat(p.path()).isEqualTo("models[5].name");
            assertThat(p.message()).isEqualTo("is 101 characters long, at most 100");
            assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("/arrived").contains("100"));
            String fits = replace(replace(valid(), "  - name: Fay Roux", "  - name: " + letters(100)),
                    "model: Fay Roux", "model: " + letters(100));
            assertThat(read(fits).errors()).isEmpty();
        }

        @Test
        @DisplayName("counting an emoji as Java does, as two")
        void emojiCountTwice() {
            String yaml = replace(replace(valid(), "  - name: Fay Roux", "  - name: " + "💄".repeat(51)),
                    "model: Fay Roux", "model: " + "💄".repeat(51));

            assertThat(onlyError(read(yaml)).message()).isEqualTo("is 102 characters long, at most 100");
        }

        @Test
        @DisplayName("with a line break in it")
        void lineBreak() {
            String yaml = replace(valid(), "  - name: Gia Sol", "  - name: \"Gia\\nSol\"");

            Problem p = onlyError(read(yaml));

            assertThat(p.location().line()).isEqualTo(lineOf(yaml, "name: \"Gia\\nSol\""));
            assertThat(p.message()).isEqualTo("contains a line break");
        }

        @Test
        @DisplayName("with a control character in it")
        void controlCharacter() {
            String yaml = replace(valid(), "  - name: Gia Sol", "  - name: \"Gia\\aSol\"");

            assertThat(onlyError(read(yaml)).message()).isEqualTo("contains the control character U+0007");
        }

        @Test
        @DisplayName("with half of an emoji")
        void loneSurrogate() {
            String yaml = replace(valid(), "  - name: Gia Sol", "  - name: \"Gia \\ud83d\"");

            assertThat(onlyError(read(yaml)).message()).contains("broken character");
        }

        @Test
        @DisplayName("with nothing visible in it")
        void invisible() {
            String yaml = replace(valid(), "  - name: Gia Sol", "  - name: \"\\u200b\"");

            assertThat(onlyError(read(yaml)).message()).isEqualTo("has nothing visible in it");
        }
    }

    static Stream<Arguments> overLimit() {
        return Stream.of(
                Arguments.of("the show's name", "name: Test Show", "name: " + letters(101), "name", 100),
                Arguments.of("a venue", "venue: Somewhere in London", "venue: " + letters(201), "venue", 200),
                Arguments.of("a department's name", "name: Hair", "name: " + letters(101), "departments[0].name", 100),
                Arguments.of("a member's name", "name: \"Priya Shah\"", "name: \"" + letters(101) + "\"",
                        "departments[0].members[1].name", 100),
                Arguments.of("a meeting point", "meeting-point: Salon", "meeting-point: " + letters(501),
                        "departments[0].meeting-point", 500),
                Arguments.of("notes", "    reminders: [15m, 60m]", "    notes: " + letters(1001) + "\n    reminders: [15m, 60m]",
                        "departments[0].notes", 1000),
                Arguments.of("a look's description", "description: Coat", "description: " + letters(201),
                        "looks[0].description", 200),
                Arguments.of("a milestone's name", "name: Briefing", "name: " + letters(101), "milestones[0].name", 100));
    }

    @ParameterizedTest(name = "{0} over {4} characters")
    @MethodSource("overLimit")
    @DisplayName("refuses text too long to show or store, saying the limit:")
    void refusesOverLimit(String what, String from, String to, String path, int limit) {
        String yaml = replace(valid(), from, to);

        Problem p = onlyError(read(yaml));

        assertThat(p.path()).isEqualTo(path);
        assertThat(p.message()).isEqualTo("is " + (limit + 1) + " characters long, at most " + limit);
        assertThat(p.location().line()).isEqualTo(lineOf(yaml, letters(limit + 1)));
    }

    @Test
    @DisplayName("keeps the line breaks of notes written over several lines")
    void notesOverSeveralLines() {
        String yaml = replace(valid(), "    meeting-point: Salon", "    meeting-point: Salon\n    notes: |\n      Bring your kit.\n      No perfume.");

        Show show = read(yaml).show().orElseThrow();

        assertThat(show.departments().get(0).notes()).hasValue("Bring your kit.\nNo perfume.");
    }
}

package dev.showcall.show;

import static dev.showcall.show.ShowYaml.FILE;
import static dev.showcall.show.ShowYaml.lineOf;
import static dev.showcall.show.ShowYaml.replace;
import static dev.showcall.show.ShowYaml.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Reading the steps a look needs (look-steps)")
class ShowReaderLookStepsTest {

    private static final String LAST_LINE = "quick-change-threshold: 5m\n";

    /** The valid fixture with {@code lines} added at the end. */
    private static String withLookSteps(String lines) {
        return replace(valid(), LAST_LINE, LAST_LINE + lines);
    }

    private static Problem onlyError(String yaml) {
        ShowReader.Reading reading = ShowReader.read(FILE, yaml);
        assertThat(reading.show()).as("a file with errors gives no show").isEmpty();
        assertThat(reading.errors()).as("errors of %s", reading.problems()).hasSize(1);
        return reading.errors().get(0);
    }

    @Test
    @DisplayName("are hair, makeup, dressed and accessories when the file says nothing")
    void byDefault() {
        // given the fixture, which has no look-steps
        // when it is read
        Show show = ShowYaml.show(valid());

        // then the show requires the default steps, nails left out
        assertThat(show.lookSteps()).containsExactly(Step.HAIR, Step.MAKEUP, Step.DRESSED, Step.ACCESSORIES);
        assertThat(show.lookSteps()).isEqualTo(Step.DEFAULT_REQUIRED);
    }

    @Test
    @DisplayName("are the ones listed, in the order a look goes through them, whatever their case")
    void explicitList() {
        // given a file listing three steps out of order
        String yaml = withLookSteps("look-steps: [accessories, Hair, nails]\n");

        // when it is read
        Show show = ShowYaml.show(yaml);

        // then those three are required, in step order
        assertThat(show.lookSteps()).containsExactly(Step.HAIR, Step.NAILS, Step.ACCESSORIES);
    }

    @Test
    @DisplayName("may be written as a block list")
    void blockList() {
        // given a file listing every step but ready, one per line
        String yaml = withLookSteps("""
                look-steps:
                  - hair
                  - makeup
                  - nails
                  - dressed
                  - accessories
                """);

        // when it is read
        Show show = ShowYaml.show(yaml);

        // then all five are required
        assertThat(show.lookSteps())
                .containsExactly(Step.HAIR, Step.MAKEUP, Step.NAILS, Step.DRESSED, Step.ACCESSORIES);
    }

    @Nested
    @DisplayName("refuses, with file, line and field,")
    class Refuses {

        @Test
        @DisplayName("an unknown step, listing the steps there are")
        void unknownStep() {
            // given a misspelt step
            String yaml = withLookSteps("look-steps: [hair, makup]\n");

            // when it is read
            Problem p = onlyError(yaml);

            // then the problem points at the item, and the hint lists every step a show can require
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.location().line()).isEqualTo(lineOf(yaml, "look-steps:"));
            assertThat(p.location().column()).isEqualTo(20);
            assertThat(p.path()).isEqualTo("look-steps[1]");
            assertThat(p.message()).isEqualTo("'makup' is not a look step");
            assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).startsWith("did you mean 'makeup'?")
                    .contains("write one of hair, makeup, nails, dressed, accessories"));
        }

        @Test
        @DisplayName("ready, which is a producer's call and not a step to require")
        void ready() {
            // given a list with ready in it
            String yaml = withLookSteps("""
                    look-steps:
                      - hair
                      - ready
                    """);

            // when it is read
            Problem p = onlyError(yaml);

            // then ready is refused on its own line, and not offered in the hint
            assertThat(p.location().line()).isEqualTo(lineOf(yaml, "- ready"));
            assertThat(p.path()).isEqualTo("look-steps[1]");
            assertThat(p.message()).isEqualTo("'ready' cannot be required");
            assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("a producer marks a look ready"));
        }

        @Test
        @DisplayName("a step listed twice, at the second mention")
        void duplicate() {
            // given hair listed twice, the second time in capitals
            String yaml = withLookSteps("""
                    look-steps:
                      - hair
                      - makeup
                      - HAIR
                    """);

            // when it is read
            Problem p = onlyError(yaml);

            // then the second one is refused
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.location().line()).isEqualTo(lineOf(yaml, "- HAIR"));
            assertThat(p.path()).isEqualTo("look-steps[2]");
            assertThat(p.message()).isEqualTo("'HAIR' is listed twice");
        }

        @Test
        @DisplayName("an empty list, which would make every look ready at once")
        void emptyList() {
            // given an empty list
            String yaml = withLookSteps("look-steps: []\n");

            // when it is read
            Problem p = onlyError(yaml);

            // then the field is refused, with the steps to choose from
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.location().line()).isEqualTo(lineOf(yaml, "look-steps:"));
            assertThat(p.path()).isEqualTo("look-steps");
            assertThat(p.message()).isEqualTo("needs at least one step");
            assertThat(p.hint()).contains("write one or more of hair, makeup, nails, dressed, accessories");
        }

        @Test
        @DisplayName("a single step not written as a list, once")
        void notAList() {
            // given one step without brackets
            String yaml = withLookSteps("look-steps: hair\n");

            // when it is read
            Problem p = onlyError(yaml);

            // then it is refused as not a list
            assertThat(p.location().line()).isEqualTo(lineOf(yaml, "look-steps:"));
            assertThat(p.path()).isEqualTo("look-steps");
            assertThat(p.message()).startsWith("expected a list");
        }

        @Test
        @DisplayName("every bad step at once")
        void everyProblem() {
            // given an unknown step, ready and a duplicate
            String yaml = withLookSteps("look-steps: [hair, wig, ready, hair]\n");

            // when it is read
            List<Problem> errors = ShowReader.read(FILE, yaml).errors();

            // then each is reported
            assertThat(errors).extracting(Problem::path)
                    .containsExactly("look-steps[1]", "look-steps[2]", "look-steps[3]");
        }
    }
}

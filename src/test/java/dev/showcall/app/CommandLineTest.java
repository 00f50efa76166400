package dev.showcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.ShowFileException;
import dev.showcall.show.ShowFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The command line")
class CommandLineTest {

    private static final Path EXAMPLE = Path.of("config/shows/maison-verre-aw27.yaml");

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** The example with a bad zone, a look whose model is misspelt and a typo in a field name. */
    private static Path brokenExample(Path dir) throws IOException {
        String yaml = Files.readString(EXAMPLE);
        String broken = yaml.replaceFirst("time-zone: Europe/London", "time-zone: Europe/Londn")
                .replaceFirst("model: Amara Okafor", "model: Amara Okafr")
                .replaceFirst("meeting-point:", "meetingpoint:");
        assertThat(broken).isNotEqualTo(yaml);
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, broken);
        return file;
    }

    private static int exampleCallCount() {
        try {
            return CallPlanner.plan(ShowFiles.load(EXAMPLE).show()).calls().size();
        } catch (IOException | ShowFileException e) {
            throw new AssertionError(e);
        }
    }

    private static int lineOf(Path file, String marker) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + marker);
    }

    @Nested
    @DisplayName("validate")
    class Validate {

        @Test
        @DisplayName("exits 0 for the shipped example")
        void exampleIsValid() {
            Outcome outcome = run("validate", EXAMPLE.toString());

            assertThat(outcome.exitCode()).as(outcome.err()).isZero();
            assertThat(outcome.out()).contains("maison-verre-aw27.yaml: valid");
        }

        @Test
        @DisplayName("exits 2 for a broken copy and prints each problem with its line")
        void brokenCopy(@TempDir Path dir) throws IOException {
            Path broken = brokenExample(dir);

            Outcome outcome = run("validate", broken.toString());

            assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_USAGE);
            assertThat(outcome.err())
                    .contains(broken + ":" + lineOf(broken, "time-zone: Europe/Londn") + ":12: time-zone:")
                    .contains("did you mean Europe/London?")
                    .contains(broken + ":" + lineOf(broken, "model: Amara Okafr") + ":")
                    .contains("did you mean 'Amara Okafor'?")
                    .contains(broken + ":" + lineOf(broken, "meetingpoint:") + ":")
                    .contains("did you mean 'meeting-point'?")
                    .contains("3 errors, not valid");
        }

        @Test
        @DisplayName("refuses names Discord cannot carry or the commands cannot tell apart, each on its line")
        void namesThatCannotWork(@TempDir Path dir) throws IOException {
            String yaml = Files.readString(EXAMPLE);
            String tooLong = "Anastasia " + "x".repeat(91);
            String broken = yaml.replaceFirst("models:\n", java.util.regex.Matcher.quoteReplacement("models:\n"
                    + "  - name: ANYA PETROVA\n    standby: true\n"
                    + "  - name: Amará Okafor\n    standby: true\n"
                    + "  - name: \"Lena  Hoffmann\"\n    standby: true\n"
                    + "  - name: " + tooLong + "\n    standby: true\n"
                    + "  - name: \"Ines\\nMarsh\"\n    standby: true\n"));
            Path file = dir.resolve("names.yaml");
            Files.writeString(file, broken);

            Outcome outcome = run("validate", file.toString());

            assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_USAGE);
            assertThat(outcome.err())
                    .contains(file + ":" + lineOf(file, "name: Anya Petrova") + ":")
                    .contains("'Anya Petrova' cannot be told apart from 'ANYA PETROVA' (line "
                            + lineOf(file, "name: ANYA PETROVA") + ")")
                    .contains(file + ":" + lineOf(file, "name: Amara Okafor") + ":")
                    .contains("'Amara Okafor' cannot be told apart from 'Amará Okafor'")
                    .contains(file + ":" + lineOf(file, "name: Lena Hoffmann") + ":")
                    .contains("'Lena Hoffmann' cannot be told apart from 'Lena  Hoffmann'")
                    .contains(file + ":" + lineOf(file, tooLong) + ":11: models[3].name: is 101 characters long, at most 100")
                    .contains(file + ":" + lineOf(file, "Ines") + ":11: models[4].name: contains a line break")
                    .contains("5 errors, not valid");
        }

        @Test
        @DisplayName("validates every show file of a folder")
        void folder(@TempDir Path dir) throws IOException {
            Files.copy(EXAMPLE, dir.resolve("good.yaml"));
            brokenExample(dir);

            Outcome outcome = run("validate", dir.toString());

            assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_USAGE);
            assertThat(outcome.out()).contains("good.yaml: valid");
            assertThat(outcome.err()).contains("broken.yaml: 3 errors");
        }

        @Test
        @DisplayName("exits 2 with a one-line reason for a file that is not there")
        void missingFile() {
            Outcome outcome = run("validate", "no/such/show.yaml");

            assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_USAGE);
            assertThat(outcome.err().strip()).isEqualTo("showcall: cannot read no/such/show.yaml: no such file or folder");
        }
    }

    @Nested
    @DisplayName("plan")
    class Plan {

        @Test
        @DisplayName("prints the call sheet as a table in local time with T- offsets, then the quick changes")
        void table() {
            Outcome outcome = run("plan", EXAMPLE.toString());

            assertThat(outcome.exitCode()).as(outcome.err()).isZero();
            assertThat(outcome.out())
                    .contains("Start Sunday 21 February 2027 19:00 (Europe/London, GMT)")
                    .contains("TIME   OFFSET")
                    .contains("wave 1 of ")
                    .contains("T-3h45m")
                    .contains("Quick changes under 5m: ")
                    .contains("  ! ");
            assertThat(outcome.out().indexOf("Quick changes")).isGreaterThan(outcome.out().indexOf("TIME"));
        }

        @Test
        @DisplayName("prints CSV with a header and one row per call")
        void csv() {
            Outcome outcome = run("plan", EXAMPLE.toString(), "--format", "csv");

            assertThat(outcome.exitCode()).isZero();
            List<String> rows = outcome.out().lines().toList();
            assertThat(rows.get(0)).startsWith("local_time,utc_time,offset,department,who");
            assertThat(rows).hasSize(1 + exampleCallCount());
            assertThat(rows).anySatisfy(r -> assertThat(r).contains("model,").contains("\"wave 1 of 4, chairs at 15:30\""));
        }

        @Test
        @DisplayName("prints JSON that a program can read")
        void json() throws IOException {
            Outcome outcome = run("plan", EXAMPLE.toString(), "--format", "JSON");

            assertThat(outcome.exitCode()).isZero();
            JsonNode root = new ObjectMapper().readTree(outcome.out());
            assertThat(root.path("show").path("timeZone").asText()).isEqualTo("Europe/London");
            assertThat(root.path("calls").size()).isEqualTo(exampleCallCount());
            assertThat(root.path("quickChanges").findValuesAsText("underThreshold")).contains("true");
        }

        @Test
        @DisplayName("exits 2 with the problems for a file that does not validate")
        void invalidFile(@TempDir Path dir) throws IOException {
            Outcome outcome = run("plan", brokenExample(dir).toString());

            assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_USAGE);
            assertThat(outcome.out()).isEmpty();
            assertThat(outcome.err()).contains("time-zone");
        }
    }

    @Nested
    @DisplayName("import")
    class Import {

        private static final Path HEADER = Path.of("config/import/show-header.yaml");
        private static final Path MODELS = Path.of("config/import/models.csv");
        private static final Path LOOKS = Path.of("config/import/looks.csv");
        private static final Path CREW = Path.of("config/import/crew.csv");

        private Outcome importInto(Path out, Path looks) {
            return run("import", ImportCommand.SHOW, HEADER.toString(), ImportCommand.MODELS, MODELS.toString(),
                    ImportCommand.LOOKS, looks.toString(), ImportCommand.CREW, CREW.toString(),
                    ImportCommand.OUT, out.toString());
        }

        @Test
        @DisplayName("turns the example lists under config/import into a show file that validate accepts and that plans the example's calls")
        void exampleListsGiveTheExampleShow(@TempDir Path dir) {
            Path out = dir.resolve("show.yaml");

            Outcome imported = importInto(out, LOOKS);
            Outcome validated = run("validate", out.toString());

            assertThat(imported.exitCode()).as(imported.err()).isZero();
            assertThat(validated.exitCode()).as(validated.err()).isZero();
            for (String format : List.of("csv", "table", "json")) {
                assertThat(run("plan", out.toString(), "--format", format).out()).as(format)
                        .isEqualTo(run("plan", EXAMPLE.toString(), "--format", format).out());
            }
        }

        @Test
        @DisplayName("prints the show file when no --out is given")
        void printsWithoutOut() {
            Outcome imported = run("import", ImportCommand.SHOW, HEADER.toString(), ImportCommand.MODELS,
                    MODELS.toString(), ImportCommand.LOOKS, LOOKS.toString(), ImportCommand.CREW, CREW.toString());

            assertThat(imported.exitCode()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("id: \"maison-verre-aw27\"").contains("looks:");
        }

        @Test
        @DisplayName("exits 2 for a bad row, naming file, row and column, and writes nothing")
        void badRow(@TempDir Path dir) throws IOException {
            Path looks = dir.resolve("looks.csv");
            Files.writeString(looks, Files.readString(LOOKS).replace("3,Amara Okafor,", "3,Amara Okafr,"));
            Path out = dir.resolve("show.yaml");

            Outcome imported = importInto(out, looks);

            assertThat(imported.exitCode()).isEqualTo(Main.EXIT_USAGE);
            assertThat(imported.err()).contains(looks + ": row 4, column model: ").contains("Amara Okafor");
            assertThat(out).doesNotExist();
        }

        @Test
        @DisplayName("exits 2 with a one-line reason when a list is missing from the command line")
        void missingList() {
            Outcome outcome = run("import", ImportCommand.SHOW, HEADER.toString(), ImportCommand.MODELS,
                    MODELS.toString(), ImportCommand.LOOKS, LOOKS.toString());

            assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_USAGE);
            assertThat(outcome.err().lines()).singleElement().satisfies(l -> assertThat(l).contains("--crew"));
        }

        @Test
        @DisplayName("exits 2 with a one-line reason for a list that is not there")
        void listNotThere(@TempDir Path dir) {
            Outcome outcome = importInto(dir.resolve("show.yaml"), dir.resolve("nothing.csv"));

            assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_USAGE);
            assertThat(outcome.err().lines()).singleElement()
                    .satisfies(l -> assertThat(l).contains("nothing.csv").contains("no such file"));
        }
    }

    @Test
    @DisplayName("exits 2 with a one-line reason for an unknown format")
    void unknownFormat() {
        Outcome outcome = run("plan", EXAMPLE.toString(), "--format", "xml");

        assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(outcome.err().lines()).singleElement()
                .satisfies(l -> assertThat(l).startsWith("showcall: ").contains("xml").contains("--help"));
    }

    @Test
    @DisplayName("exits 2 with a one-line reason for an unknown command")
    void unknownCommand() {
        Outcome outcome = run("launch");

        assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(outcome.err().lines()).singleElement().satisfies(l -> assertThat(l).contains("launch"));
    }

    @Test
    @DisplayName("exits 2 when no command is given")
    void noCommand() {
        Outcome outcome = run();

        assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(outcome.err()).contains("a command is needed");
    }

    @Test
    @DisplayName("prints help and a version")
    void helpAndVersion() {
        Outcome help = run("--help");
        Outcome version = run("--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("validate").contains("plan").contains("import").contains("run");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("showcall ");
    }
}

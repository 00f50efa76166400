package dev.showcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.showcall.report.PlayedOutDay;
import dev.showcall.report.ReportFormat;
import dev.showcall.store.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("showcall report")
class ReportCommandTest {

    @TempDir
    Path dir;

    private String h2;
    private PlayedOutDay day;

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** A played-out day in an H2 file, and showcall stopped: the database closed. */
    @BeforeEach
    void dayOnH2() throws Exception {
        h2 = "jdbc:h2:file:" + dir.resolve("showcall").toAbsolutePath();
        try (Database database = Database.open(h2)) {
            day = PlayedOutDay.load().playInto(database);
        }
    }

    @Test
    @DisplayName("prints the report as Markdown by default: the start, the late, the replacement, the delivery")
    void markdown() {
        // when the report is asked for after the show
        Outcome outcome = run("report", day.id(), "--db", h2);

        // then it is printed, with the figures of the day
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).startsWith("# After-show report · " + day.show.name())
                .contains("+" + PlayedOutDay.DELAY_MINUTES + " min at").contains(PlayedOutDay.DELAY_REASON)
                .contains("| " + PlayedOutDay.LATE_MODEL + " |").contains("| 18 min |")
                .contains(PlayedOutDay.STANDBY + " (for " + PlayedOutDay.NO_SHOW + ")")
                .contains("Looks that walked unready: " + PlayedOutDay.UNREADY_LOOK + ".")
                .contains(PlayedOutDay.OFFLINE);
    }

    @Test
    @DisplayName("writes CSV that parses into rows of the same columns, one per look among them")
    void csv() {
        // when the CSV is asked for
        Outcome outcome = run("report", day.id(), "--db", h2, "--format", "csv");

        // then every row has the header's columns, and each look of the running order has its row
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        List<List<String>> rows = parseCsv(outcome.out());
        assertThat(rows.get(0)).isEqualTo(ReportFormat.CSV_COLUMNS);
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(ReportFormat.CSV_COLUMNS.size()));
        assertThat(rows).filteredOn(r -> r.get(0).equals("look")).hasSize(day.show.looks().size());
        assertThat(rows).filteredOn(r -> r.get(0).equals("person") && r.get(2).equals(PlayedOutDay.LATE_MODEL))
                .singleElement().satisfies(r -> assertThat(r.get(6)).isEqualTo("18"));
    }

    @Test
    @DisplayName("writes JSON with the running order as walked and the lateness by agency")
    void json() throws Exception {
        // when the JSON is asked for into a folder
        Path out = dir.resolve("out");
        Outcome outcome = run("report", day.id(), "--db", h2, "--format", "json", "--out", out.toString());

        // then the file is there, named after the show, and says who wore the no-show's looks
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        Path file = out.resolve(day.id() + "-report.json");
        assertThat(outcome.out()).contains(file.toString());
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        assertThat(json.path("looks")).hasSize(day.show.looks().size());
        int first = day.show.looksOf(PlayedOutDay.NO_SHOW).get(0).number();
        JsonNode look = json.path("looks").get(first - day.show.firstLookNumber());
        assertThat(look.path("wornBy").asText()).isEqualTo(PlayedOutDay.STANDBY);
        assertThat(look.path("plannedModel").asText()).isEqualTo(PlayedOutDay.NO_SHOW);
        assertThat(json.path("latenessByAgency").size()).isGreaterThan(1);
    }

    @Test
    @DisplayName("exits 1 and says so when the database holds no such show")
    void unknownShow() {
        Outcome outcome = run("report", "no-such-show", "--db", h2);

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("holds no show 'no-such-show'");
    }

    @Test
    @DisplayName("exits 2 on a format it does not know")
    void badFormat() {
        Outcome outcome = run("report", day.id(), "--db", h2, "--format", "pdf");

        assertThat(outcome.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(outcome.err()).contains("--format");
    }

    /** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(ch);
            }
        }
        assertThat(quoted).as("every quote is closed").isFalse();
        assertThat(cell).as("the last row ends with CRLF").isEmpty();
        return rows;
    }
}

package dev.showcall.show;

import static dev.showcall.show.ShowYaml.FILE;
import static dev.showcall.show.ShowYaml.lineOf;
import static dev.showcall.show.ShowYaml.replace;
import static dev.showcall.show.ShowYaml.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading a show file's call-sheet time")
class ShowReaderCallSheetTest {

    private static String withCallSheet(String at) {
        return replace(valid(), "doors: T-30m\n", "doors: T-30m\ncall-sheet: " + at + "\n");
    }

    private static Problem onlyError(ShowReader.Reading reading) {
        assertThat(reading.errors()).as("errors of %s", reading.problems()).hasSize(1);
        return reading.errors().get(0);
    }

    @Test
    @DisplayName("reads call-sheet: T-24h as a day before the start")
    void dayBefore() {
        Show show = ShowYaml.show(withCallSheet("T-24h"));

        assertThat(show.callSheet()).isPresent();
        assertThat(show.resolve(show.callSheet().get()))
                .isEqualTo(show.startInstant().minus(Duration.ofHours(24)));
    }

    @Test
    @DisplayName("reads a bare duration as that long before the start, as the doors do")
    void bareDuration() {
        Show show = ShowYaml.show(withCallSheet("30h"));

        assertThat(show.resolve(show.callSheet().get())).isEqualTo(show.startInstant().minus(Duration.ofHours(30)));
    }

    @Test
    @DisplayName("leaves the call sheet to a producer's /callsheet send when the file does not set a time")
    void notSet() {
        Show show = ShowYaml.show(valid());

        assertThat(show.callSheet()).isEmpty();
    }

    @Test
    @DisplayName("refuses a call sheet that would go out after the first call, with its line and field")
    void afterTheFirstCall() {
        String yaml = withCallSheet("T-1h");

        ShowReader.Reading reading = ShowReader.read(FILE, yaml);

        Problem p = onlyError(reading);
        assertThat(reading.show()).isEmpty();
        assertThat(p.path()).isEqualTo("call-sheet");
        assertThat(p.location().line()).isEqualTo(lineOf(yaml, "call-sheet:"));
        assertThat(p.message()).contains("T-1h").contains("after the first call");
    }

    @Test
    @DisplayName("refuses a call sheet at the very moment of the first call")
    void atTheFirstCall() {
        Show planned = ShowYaml.show(valid());
        Instant first = CallPlanner.plan(planned).calls().stream().map(Call::at).min(Instant::compareTo).orElseThrow();
        Duration before = Duration.between(first, planned.startInstant());

        ShowReader.Reading reading = ShowReader.read(FILE, withCallSheet("T-" + before.toMinutes() + "m"));

        assertThat(onlyError(reading).path()).isEqualTo("call-sheet");
    }

    @Test
    @DisplayName("refuses a call-sheet time that is no moment of the show's day, with its line and field")
    void notAMoment() {
        String yaml = withCallSheet("tomorrow");

        Problem p = onlyError(ShowReader.read(FILE, yaml));

        assertThat(p.path()).isEqualTo("call-sheet");
        assertThat(p.location().line()).isEqualTo(lineOf(yaml, "call-sheet:"));
    }
}

package dev.showcall.show;

import static dev.showcall.show.ShowYaml.FILE;
import static dev.showcall.show.ShowYaml.lineOf;
import static dev.showcall.show.ShowYaml.replace;
import static dev.showcall.show.ShowYaml.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Reading a show file")
class ShowReaderTest {

    private static ShowReader.Reading read(String yaml) {
        return ShowReader.read(FILE, yaml);
    }

    private static Problem onlyError(ShowReader.Reading reading) {
        assertThat(reading.errors()).as("errors of %s", reading.problems()).hasSize(1);
        return reading.errors().get(0);
    }

    @Nested
    @DisplayName("a valid file")
    class Valid {

        @Test
        @DisplayName("gives the show with every section read")
        void readsEverySection() {
            ShowReader.Reading reading = read(valid());

            assertThat(reading.problems()).isEmpty();
            Show show = reading.show().orElseThrow();
            assertThat(show.id()).isEqualTo("test-show");
            assertThat(show.zone()).isEqualTo(ZoneId.of("Europe/London"));
            assertThat(show.start()).isEqualTo(LocalDateTime.of(2027, 2, 21, 19, 0));
            assertThat(show.discord().guildId()).isEqualTo(1190000000000000001L);
            assertThat(show.departments()).extracting(Department::id).containsExactly("hair", "runners");
            assertThat(show.departments().get(0).members()).extracting(m -> m.userId().getAsLong())
                    .containsExactly(1190000000000000101L, 1190000000000000102L);
            assertThat(show.departments().get(0).members().get(1).name()).contains("Priya Shah");
            assertThat(show.departments().get(0).reminders())
                    .as("longest first").containsExactly(Duration.ofMinutes(60), Duration.ofMinutes(15));
            assertThat(show.departments().get(1).roleId()).hasValue(1190000000000000006L);
            assertThat(show.models()).hasSize(7).filteredOn(Model::standby).extracting(Model::name)
                    .containsExactly("Gia Sol");
            assertThat(show.looks()).hasSize(8);
            assertThat(show.look(6).orElseThrow().seconds()).hasValue(60);
            assertThat(show.look(8).orElseThrow().dresserUserId()).hasValue(1190000000000000301L);
            assertThat(show.modelCalls().chairs()).isEqualTo(3);
            assertThat(show.milestones()).extracting(Milestone::name).containsExactly("Briefing", "Finale");
            assertThat(show.noShowGrace()).isEqualTo(Duration.ofMinutes(15));
        }

        @Test
        @DisplayName("the shipped London Fashion Week example validates without errors")
        void exampleValidates() throws IOException {
            Path example = Path.of("config/shows/maison-verre-aw27.yaml");

            ShowReader.Reading reading = ShowReader.read(example.toString(), Files.readString(example));

            assertThat(reading.errors()).isEmpty();
            Show show = reading.show().orElseThrow();
            assertThat(show.models()).hasSize(24);
            assertThat(show.models()).filteredOn(Model::standby).hasSize(2);
            assertThat(show.looks()).hasSize(40);
            assertThat(show.departments()).hasSizeGreaterThanOrEqualTo(6);
            assertThat(show.milestones()).hasSizeGreaterThanOrEqualTo(6);
        }

        @Test
        @DisplayName("optional settings take their documented defaults")
        void defaults() {
            String yaml = replace(replace(replace(valid(), "no-show-grace: 15m\n", ""),
                    "quick-change-threshold: 5m\n", ""), "seconds-per-look: 40\n", "");

            Show show = ShowYaml.show(yaml);

            assertThat(show.noShowGrace()).isEqualTo(ShowReader.DEFAULT_NO_SHOW_GRACE);
            assertThat(show.quickChangeThreshold()).isEqualTo(ShowReader.DEFAULT_QUICK_CHANGE_THRESHOLD);
            assertThat(show.secondsPerLook()).isEqualTo(ShowReader.DEFAULT_SECONDS_PER_LOOK);
        }
    }

    @Nested
    @DisplayName("refuses, with file, line, column and field,")
    class Refuses {

        @Test
        @DisplayName("an unknown time zone, suggesting the closest one")
        void unknownZone() {
            String yaml = replace(valid(), "time-zone: Europe/London", "time-zone: Europe/Londn");

            Problem p = onlyError(read(yaml));

            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.location().line()).isEqualTo(lineOf(yaml, "time-zone:"));
            assertThat(p.location().column()).isEqualTo(12);
            assertThat(p.path()).isEqualTo("time-zone");
            assertThat(p.message()).contains("Europe/Londn");
            assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("Europe/London"));
        }

        @Test
        @DisplayName("a time zone given as a bare city, suggesting its region")
        void cityForZone() {
            String yaml = replace(valid(), "time-zone: Europe/London", "time-zone: London");

            assertThat(onlyError(read(yaml)).hint()).contains("did you mean Europe/London?");
        }

        @Test
        @DisplayName("a look that names no model on the roster, suggesting the closest name")
        void lookWithUnknownModel() {
            String yaml = replace(valid(), "{ number: 4, model: Bea Moss", "{ number: 4, model: Bea Mos");

            Problem p = onlyError(read(yaml));

            assertThat(p.location().line()).isEqualTo(lineOf(yaml, "number: 4,"));
            assertThat(p.path()).isEqualTo("looks[3].model");
            assertThat(p.message()).contains("Bea Mos");
            assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("Bea Moss"));
        }

        @Test
        @DisplayName("two looks with the same number, pointing back at the first")
        void duplicateLookNumbers() {
            String yaml = replace(valid(), "{ number: 5, model: Dana Obi", "{ number: 4, model: Dana Obi");

            Problem p = read(yaml).errors().stream().filter(e -> e.message().contains("duplicate look number"))
                    .findFirst().orElseThrow();

            assertThat(p.location().line()).isEqualTo(lineOf(yaml, "Dana Obi, description"));
            assertThat(p.path()).isEqualTo("looks[4].number");
            assertThat(p.hint()).contains("first given on line " + lineOf(yaml, "number: 4, model: Bea"));
        }

        @Test
        @DisplayName("two models with the same name")
        void duplicateModelNames() {
            String yaml = replace(valid(), "  - name: Gia Sol", "  - name: Cleo Diaz\n    agency: Elite\n  - name: Gia Sol");

            Problem p = onlyError(read(yaml));

            assertThat(p.path()).isEqualTo("models[6].name");
            assertThat(p.message()).contains("duplicate model name 'Cleo Diaz'");
            assertThat(p.location().line()).isEqualTo(lineOf(yaml, "agency: Elite") - 1);
            assertThat(p.hint()).contains("first given on line " + lineOf(yaml, "  - name: Cleo Diaz"));
        }

        @Test
        @DisplayName("a standby given a look")
        void standbyWithLook() {
            String yaml = replace(valid(), "{ number: 7, model: Fay Roux", "{ number: 7, model: Gia Sol");

            List<Problem> errors = read(yaml).errors();

            assertThat(errors).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("looks[6].model");
                assertThat(p.message()).contains("Gia Sol is a standby");
            });
        }

        @Test
        @DisplayName("a department called after the show starts")
        void departmentCallAfterStart() {
            String yaml = replace(valid(), "call: \"16:00\"", "call: \"19:30\"");

            Problem p = onlyError(read(yaml));

            assertThat(p.path()).isEqualTo("departments[1].call");
            assertThat(p.location().line()).isEqualTo(lineOf(yaml, "call: \"19:30\""));
            assertThat(p.message()).contains("not before the start");
        }

        @Test
        @DisplayName("a model's own call after the show starts")
        void modelCallAfterStart() {
            String yaml = replace(valid(), "  - name: Bea Moss", "  - name: Bea Moss\n    call: T+5m");

            assertThat(onlyError(read(yaml)).path()).isEqualTo("models[1].call");
        }

        @Test
        @DisplayName("a malformed duration")
        void malformedDuration() {
            String yaml = replace(valid(), "reminders: [15m, 60m]", "reminders: [15m, 1 hour]");

            Problem p = onlyError(read(yaml));

            assertThat(p.path()).isEqualTo("departments[0].reminders[1]");
            assertThat(p.message()).contains("'1 hour' is not a duration");
            assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("4h30m"));
        }

        @Test
        @DisplayName("a malformed Discord id")
        void malformedId() {
            String yaml = replace(valid(), "guild: \"1190000000000000001\"", "guild: \"my-server\"");

            Problem p = onlyError(read(yaml));

            assertThat(p.path()).isEqualTo("discord.guild");
            assertThat(p.location().line()).isEqualTo(lineOf(yaml, "guild:"));
            assertThat(p.message()).contains("is not a Discord id");
        }

        @Test
        @DisplayName("an unquoted id keeps every digit")
        void unquotedId() {
            String yaml = replace(valid(), "guild: \"1190000000000000001\"", "guild: 1190000000000000001");

            assertThat(ShowYaml.show(yaml).discord().guildId()).isEqualTo(1190000000000000001L);
        }

        @Test
        @DisplayName("missing required fields, each on its own")
        void missingRequired() {
            String yaml = replace(replace(valid(), "name: Test Show\n", ""),
                    "  guild: \"1190000000000000001\"\n", "");

            ShowReader.Reading reading = read(yaml);

            assertThat(reading.errors()).extracting(Problem::path).containsExactlyInAnyOrder("name", "discord.guild");
            assertThat(reading.errors()).allSatisfy(p -> assertThat(p.message()).startsWith("missing required field"));
        }

        @Test
        @DisplayName("an unknown field, suggesting the closest known name")
        void unknownField() {
            String yaml = replace(valid(), "meeting-point: Salon", "meetingpoint: Salon");

            Problem p = onlyError(read(yaml));

            assertThat(p.path()).isEqualTo("departments[0].meetingpoint");
            assertThat(p.location().line()).isEqualTo(lineOf(yaml, "meetingpoint"));
            assertThat(p.location().column()).isEqualTo(5);
            assertThat(p.hint()).contains("did you mean 'meeting-point'?");
        }

        @Test
        @DisplayName("a start that does not exist because the clocks go forward")
        void startInDaylightSavingGap() {
            String yaml = replace(valid(), "start: 2027-02-21T19:00", "start: 2027-03-28T01:30");

            Problem p = read(yaml).errors().stream().filter(e -> e.path().equals("start")).findFirst().orElseThrow();

            assertThat(p.message()).contains("does not exist in Europe/London");
        }

        @Test
        @DisplayName("a milestone given as a bare duration, which could mean before or after")
        void ambiguousMilestone() {
            String yaml = replace(valid(), "at: T+6m", "at: 6m");

            Problem p = onlyError(read(yaml));

            assertThat(p.path()).isEqualTo("milestones[1].at");
            assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("T+6m"));
        }

        @Test
        @DisplayName("a key given twice in one mapping")
        void duplicateKey() {
            String yaml = replace(valid(), "venue: Somewhere in London", "venue: Somewhere\nvenue: Elsewhere");

            Problem p = onlyError(read(yaml));

            assertThat(p.location().line()).isEqualTo(lineOf(yaml, "venue: Elsewhere"));
            assertThat(p.message()).contains("'venue' is given twice");
        }

        @Test
        @DisplayName("YAML that cannot be parsed, at the line where it breaks")
        void syntaxError() {
            String yaml = replace(valid(), "venue: Somewhere in London", "venue: [Somewhere");

            ShowReader.Reading reading = read(yaml);

            assertThat(reading.show()).isEmpty();
            assertThat(reading.errors()).singleElement().satisfies(p -> {
                assertThat(p.message()).startsWith("the YAML cannot be read");
                assertThat(p.location().line()).isGreaterThanOrEqualTo(lineOf(yaml, "venue: [Somewhere"));
            });
        }

        @Test
        @DisplayName("a department with neither members nor a role")
        void departmentWithNobody() {
            String yaml = replace(valid(), "    role: \"1190000000000000006\"\n", "");

            assertThat(onlyError(read(yaml)).message()).contains("needs members, a role, or both");
        }
    }

    @Test
    @DisplayName("reports every problem at once, in file order, and gives no show")
    void everyProblemAtOnce() {
        String yaml = replace(replace(replace(valid(),
                "time-zone: Europe/London", "time-zone: Mars/Olympus"),
                "{ number: 4, model: Bea Moss", "{ number: 4, model: Nobody"),
                "chairs: 3", "chairz: 3");

        ShowReader.Reading reading = read(yaml);

        assertThat(reading.show()).as("a file with errors is never half-loaded").isEmpty();
        assertThat(reading.errors()).extracting(Problem::path).containsExactly(
                "time-zone", "model-calls.chairz", "model-calls.chairs", "looks[3].model");
        assertThat(reading.errors()).extracting(p -> p.location().line()).isSorted();
    }

    @Test
    @DisplayName("warns, without refusing the file, about a model who walks no look")
    void warnsAboutIdleModel() {
        String yaml = replace(valid(), "{ number: 7, model: Fay Roux", "{ number: 7, model: Eva Lund");

        ShowReader.Reading reading = read(yaml);

        assertThat(reading.show()).isPresent();
        assertThat(reading.warnings()).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("Fay Roux walks no look"));
    }

    @Test
    @DisplayName("a problem prints as file:line:column: field: message (hint)")
    void problemFormat() {
        String yaml = replace(valid(), "time-zone: Europe/London", "time-zone: Europe/Londn");

        assertThat(onlyError(read(yaml)).toString()).isEqualTo(FILE + ":" + lineOf(yaml, "time-zone") + ":12: "
                + "time-zone: 'Europe/Londn' is not a known time zone (did you mean Europe/London?)");
    }
}

package dev.showcall.show;

import static dev.showcall.show.ShowYaml.replace;
import static dev.showcall.show.ShowYaml.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The call planner")
class CallPlannerTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static CallSheet plan(String yaml) {
        return CallPlanner.plan(ShowYaml.show(yaml));
    }

    private static Call call(CallSheet sheet, String key) {
        return sheet.calls().stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no call " + key + " in " + sheet.calls()));
    }

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    @Nested
    @DisplayName("calls models in waves that fill the chairs")
    class Waves {

        @Test
        @DisplayName("so that the last wave leaves the chairs exactly when every model must be ready")
        void lastWaveEndsAtBuffer() {
            CallSheet sheet = plan(valid());

            assertThat(sheet.waves()).hasSize(2);
            Wave last = sheet.waves().get(1);
            Show show = sheet.show();
            assertThat(last.chairs().plus(show.modelCalls().prep()))
                    .isEqualTo(show.startInstant().minus(show.modelCalls().buffer()));
            assertThat(sheet.waves().get(0).chairs()).isEqualTo(london("2027-02-21T17:00"));
            assertThat(last.chairs()).isEqualTo(london("2027-02-21T17:45"));
        }

        @Test
        @DisplayName("with never more models in a wave than there are chairs")
        void wavesFillChairs() {
            CallSheet sheet = plan(replace(valid(), "chairs: 3", "chairs: 2"));

            assertThat(sheet.waves()).extracting(w -> w.models().size()).containsExactly(2, 2, 2);
            assertThat(sheet.waves()).extracting(Wave::chairs).containsExactly(
                    london("2027-02-21T16:15"), london("2027-02-21T17:00"), london("2027-02-21T17:45"));
        }

        @Test
        @DisplayName("in the order of each model's first look, so the opening looks are ready first")
        void orderedByFirstLook() {
            CallSheet sheet = plan(valid());

            assertThat(sheet.waves().get(0).models()).containsExactly("Cleo Diaz", "Anya Petrova", "Bea Moss");
            assertThat(sheet.waves().get(1).models()).containsExactly("Dana Obi", "Eva Lund", "Fay Roux");
        }

        @Test
        @DisplayName("each model called check-in before her wave sits down")
        void calledBeforeChairs() {
            CallSheet sheet = plan(valid());

            Call cleo = call(sheet, "model:Cleo Diaz");
            assertThat(cleo.at()).isEqualTo(london("2027-02-21T16:45"));
            assertThat(cleo.wave()).hasValue(1);
            assertThat(cleo.reason()).isEqualTo("wave 1 of 2, chairs at 17:00");
            assertThat(call(sheet, "model:Fay Roux").at()).isEqualTo(london("2027-02-21T17:30"));
        }

        @Test
        @DisplayName("all in one wave when there are as many chairs as models")
        void oneWave() {
            CallSheet sheet = plan(replace(valid(), "chairs: 3", "chairs: 6"));

            assertThat(sheet.waves()).singleElement()
                    .satisfies(w -> assertThat(w.call()).isEqualTo(london("2027-02-21T17:30")));
        }

        @Test
        @DisplayName("and calls standbys with the first wave, without a chair")
        void standbysWithFirstWave() {
            CallSheet sheet = plan(valid());

            Call standby = call(sheet, "model:Gia Sol");
            assertThat(standby.at()).isEqualTo(sheet.waves().get(0).call());
            assertThat(standby.wave()).isEmpty();
            assertThat(sheet.waves()).allSatisfy(w -> assertThat(w.models()).doesNotContain("Gia Sol"));
        }
    }

    @Test
    @DisplayName("a model's own call time overrides the waves and frees her chair")
    void modelOverride() {
        CallSheet sheet = plan(replace(valid(), "  - name: Bea Moss", "  - name: Bea Moss\n    call: \"14:10\""));

        Call bea = call(sheet, "model:Bea Moss");
        assertThat(bea.at()).isEqualTo(london("2027-02-21T14:10"));
        assertThat(bea.reason()).isEqualTo("own call time");
        assertThat(bea.wave()).isEmpty();
        assertThat(sheet.waves().get(0).models()).containsExactly("Cleo Diaz", "Anya Petrova", "Dana Obi");
        assertThat(sheet.waves().get(1).models()).containsExactly("Eva Lund", "Fay Roux");
    }

    @Test
    @DisplayName("calls each member of a department, and its role once, at the department's call")
    void crewCalls() {
        CallSheet sheet = plan(valid());

        Call priya = call(sheet, "crew:hair:1190000000000000102");
        assertThat(priya.who()).isEqualTo("Priya Shah");
        assertThat(priya.at()).isEqualTo(london("2027-02-21T14:00"));
        assertThat(priya.beforeStart()).isEqualTo(Duration.ofHours(5));
        assertThat(priya.reminderInstants()).containsExactly(london("2027-02-21T13:00"), london("2027-02-21T13:45"));
        Call runners = call(sheet, "crew:runners:role:1190000000000000006");
        assertThat(runners.roleId()).hasValue(1190000000000000006L);
        assertThat(runners.userId()).isEmpty();
        assertThat(runners.at()).isEqualTo(london("2027-02-21T16:00"));
        assertThat(sheet.calls()).filteredOn(c -> c.kind() == Call.Kind.CREW).hasSize(3);
        assertThat(sheet.calls()).filteredOn(c -> c.kind() == Call.Kind.MODEL).hasSize(7);
    }

    @Test
    @DisplayName("lists the calls in time order")
    void callsInTimeOrder() {
        assertThat(plan(valid()).calls()).extracting(Call::at).isSorted();
    }

    @Test
    @DisplayName("resolves milestones against the start, in time order")
    void milestones() {
        CallSheet sheet = plan(valid());

        assertThat(sheet.milestones()).extracting(CallSheet.TimedMilestone::at)
                .containsExactly(london("2027-02-21T16:00"), london("2027-02-21T19:06"));
    }

    @Nested
    @DisplayName("on a daylight-saving day")
    class DaylightSaving {

        /** The fixture moved to another start, with the runners' wall-clock call made relative. */
        private String startingAt(String start) {
            return replace(replace(valid(), "start: 2027-02-21T19:00", "start: " + start),
                    "call: \"16:00\"", "call: T-1h");
        }

        @Test
        @DisplayName("keeps a relative call as elapsed time when the clocks go forward")
        void springForward() {
            String yaml = replace(startingAt("2027-03-28T10:00"), "call: 5h", "call: 10h");

            CallSheet sheet = plan(yaml);

            Call hair = call(sheet, "crew:hair:1190000000000000101");
            assertThat(hair.at()).isEqualTo(Instant.parse("2027-03-27T23:00:00Z"));
            assertThat(hair.at().atZone(LONDON).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2027-03-27T23:00"));
            assertThat(hair.beforeStart()).isEqualTo(Duration.ofHours(10));
        }

        @Test
        @DisplayName("reads a wall-clock call in the offset in force at that time")
        void wallClockAfterSpringForward() {
            String yaml = replace(replace(valid(), "start: 2027-02-21T19:00", "start: 2027-03-28T10:00"),
                    "call: \"16:00\"", "call: \"08:00\"");

            Call runners = call(plan(yaml), "crew:runners:role:1190000000000000006");

            assertThat(runners.at()).isEqualTo(Instant.parse("2027-03-28T07:00:00Z"));
            assertThat(runners.beforeStart()).isEqualTo(Duration.ofHours(2));
        }

        @Test
        @DisplayName("places a call in the repeated hour when the clocks go back")
        void fallBack() {
            String yaml = replace(startingAt("2027-10-31T10:00"), "call: 5h", "call: 10h");

            Call hair = call(plan(yaml), "crew:hair:1190000000000000101");

            assertThat(hair.at()).isEqualTo(Instant.parse("2027-10-31T00:00:00Z"));
            assertThat(hair.at().atZone(LONDON).toOffsetDateTime())
                    .isEqualTo(OffsetDateTime.parse("2027-10-31T01:00+01:00"));
        }

        @Test
        @DisplayName("counts model waves back in elapsed time across the change")
        void wavesAcrossChange() {
            String yaml = startingAt("2027-03-28T03:00");

            CallSheet sheet = plan(yaml);

            // 03:00 BST is 02:00Z; the last wave sits down 1h15m earlier, at 00:45Z (00:45 GMT)
            assertThat(sheet.waves().get(1).chairs()).isEqualTo(Instant.parse("2027-03-28T00:45:00Z"));
            assertThat(sheet.waves().get(0).chairs()).isEqualTo(Instant.parse("2027-03-28T00:00:00Z"));
        }
    }

    @Nested
    @DisplayName("measures quick changes")
    class QuickChanges {

        @Test
        @DisplayName("from a model's return to her next look going out, flagging gaps under the threshold")
        void gaps() {
            CallSheet sheet = plan(valid());

            assertThat(sheet.quickChanges()).containsExactly(
                    new QuickChange("Cleo Diaz", 1, 3, Duration.ofSeconds(40), true),
                    new QuickChange("Anya Petrova", 2, 8, Duration.ofSeconds(220), true));
        }

        @Test
        @DisplayName("leaves gaps at or over the threshold unflagged")
        void threshold() {
            CallSheet sheet = plan(replace(valid(), "quick-change-threshold: 5m", "quick-change-threshold: 3m40s"));

            assertThat(sheet.flaggedQuickChanges()).extracting(QuickChange::model).containsExactly("Cleo Diaz");
        }

        @Test
        @DisplayName("using each look's own runway time where it has one")
        void perLookSeconds() {
            CallSheet sheet = plan(replace(valid(), "description: Cape, seconds: 60", "description: Cape, seconds: 100"));

            assertThat(sheet.quickChanges()).filteredOn(q -> q.model().equals("Anya Petrova"))
                    .extracting(QuickChange::gap).containsExactly(Duration.ofSeconds(260));
        }

        @Test
        @DisplayName("as zero for back-to-back looks")
        void backToBack() {
            CallSheet sheet = plan(replace(valid(), "{ number: 3, model: Cleo Diaz", "{ number: 3, model: Anya Petrova"));

            assertThat(sheet.quickChanges()).contains(new QuickChange("Anya Petrova", 2, 3, Duration.ZERO, true));
        }
    }

    @Test
    @DisplayName("plans the shipped example: 22 walking models in waves of at most the chairs, standbys without one")
    void example() throws Exception {
        Show show = ShowFiles.load(java.nio.file.Path.of("config/shows/maison-verre-aw27.yaml")).show();

        CallSheet sheet = CallPlanner.plan(show);

        List<Wave> waves = sheet.waves();
        assertThat(waves).allSatisfy(w -> assertThat(w.models()).hasSizeLessThanOrEqualTo(show.modelCalls().chairs()));
        assertThat(sheet.calls()).filteredOn(c -> c.kind() == Call.Kind.MODEL).hasSize(24);
        assertThat(sheet.flaggedQuickChanges()).isNotEmpty();
        assertThat(sheet.calls()).allSatisfy(c -> assertThat(c.at()).isBefore(show.startInstant()));
    }
}

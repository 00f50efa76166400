package dev.showcall.show;

import static dev.showcall.show.ShowYaml.FILE;
import static dev.showcall.show.ShowYaml.lineOf;
import static dev.showcall.show.ShowYaml.replace;
import static dev.showcall.show.ShowYaml.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.show.Escalation.Action;
import dev.showcall.show.Escalation.Condition;
import dev.showcall.show.Escalation.Step;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading the escalation ladders")
class ShowReaderEscalationTest {

    private static final String LAST_LINE = "quick-change-threshold: 5m\n";
    private static final String HAIR_REMINDERS = "    reminders: [15m, 60m]\n";
    private static final String MODEL_REMINDERS = "  reminders: [60m]\n";

    private static final String SHOW_LADDERS = """
            escalation:
              not-confirmed:
                - { after: 10m, do: dm-again }
                - { after: 20m, do: calls-channel }
              not-arrived:
                - { after: 15m, do: dm-again }
                - { after: 30m, do: producers }
            """;

    private static String withShowLadders(String yaml) {
        return replace(yaml, LAST_LINE, LAST_LINE + SHOW_LADDERS);
    }

    private static Problem onlyError(String yaml) {
        ShowReader.Reading reading = ShowReader.read(FILE, yaml);
        assertThat(reading.show()).as("a file with errors gives no show").isEmpty();
        assertThat(reading.errors()).as("errors of %s", reading.problems()).hasSize(1);
        return reading.errors().get(0);
    }

    private static Call call(Show show, String key) {
        return CallPlanner.plan(show).calls().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("are none when the file says nothing")
    void noneByDefault() {
        // given the fixture, which has no escalation
        Show show = ShowYaml.show(valid());

        // then nobody climbs a ladder
        assertThat(show.escalation().isEmpty()).isTrue();
        assertThat(show.escalationOf(call(show, "crew:hair:1190000000000000101")).isEmpty()).isTrue();
    }

    @Test
    @DisplayName("give every department and the models the show's ladders, in the order written")
    void showDefault() {
        // given ladders for the whole show
        Show show = ShowYaml.show(withShowLadders(valid()));

        // when the hair lead's ladders and a model's are asked for
        Escalation hair = show.escalationOf(call(show, "crew:hair:1190000000000000101"));
        Escalation model = show.escalationOf(call(show, "model:Bea Moss"));

        // then both are the show's
        assertThat(hair.ladder(Condition.NOT_CONFIRMED)).containsExactly(
                new Step(Duration.ofMinutes(10), Action.DM_AGAIN), new Step(Duration.ofMinutes(20), Action.CALLS_CHANNEL));
        assertThat(hair.ladder(Condition.NOT_ARRIVED)).containsExactly(
                new Step(Duration.ofMinutes(15), Action.DM_AGAIN), new Step(Duration.ofMinutes(30), Action.PRODUCERS));
        assertThat(model).isEqualTo(hair);
    }

    @Test
    @DisplayName("let a department give its own ladder for one condition and keep the show's for the other")
    void departmentOverridesOneCondition() {
        // given hair's own not-confirmed ladder, which DMs its lead
        String yaml = replace(withShowLadders(valid()), HAIR_REMINDERS, HAIR_REMINDERS + """
                    escalation:
                      not-confirmed:
                        - { after: 5m, do: dm-lead }
                """);

        // when hair's ladders are asked for
        Show show = ShowYaml.show(yaml);
        Escalation hair = show.escalationOf(call(show, "crew:hair:1190000000000000101"));

        // then not-confirmed is hair's own, not-arrived the show's
        assertThat(hair.ladder(Condition.NOT_CONFIRMED)).containsExactly(new Step(Duration.ofMinutes(5), Action.DM_LEAD));
        assertThat(hair.ladder(Condition.NOT_ARRIVED)).hasSize(2);
    }

    @Test
    @DisplayName("let the models have none by giving an empty ladder")
    void emptyLadderIsNone() {
        // given model-calls with an empty not-arrived ladder
        String yaml = replace(withShowLadders(valid()), MODEL_REMINDERS, MODEL_REMINDERS + """
                  escalation:
                    not-arrived: []
                """);

        // when a model's ladders are asked for
        Show show = ShowYaml.show(yaml);

        // then she has the show's not-confirmed one and no not-arrived one
        Escalation model = show.escalationOf(call(show, "model:Bea Moss"));
        assertThat(model.ladder(Condition.NOT_ARRIVED)).isEmpty();
        assertThat(model.ladder(Condition.NOT_CONFIRMED)).hasSize(2);
    }

    @Test
    @DisplayName("refuses a wait that is not longer than the step before it, with its line and field")
    void waitsMustIncrease() {
        // given a ladder whose second wait goes back
        String yaml = replace(withShowLadders(valid()), "- { after: 20m, do: calls-channel }",
                "- { after: 10m, do: calls-channel }");

        // when it is read
        Problem p = onlyError(yaml);

        // then the second step's wait is refused
        assertThat(p.location().line()).isEqualTo(lineOf(yaml, "after: 10m, do: calls-channel"));
        assertThat(p.path()).isEqualTo("escalation.not-confirmed[1].after");
        assertThat(p.message()).isEqualTo("the wait 10m is not longer than the step before (10m)");
    }

    @Test
    @DisplayName("refuses an unknown step, suggesting the closest")
    void unknownStep() {
        // given a typo in a step
        String yaml = replace(withShowLadders(valid()), "do: producers", "do: producer");

        // when it is read
        Problem p = onlyError(yaml);

        // then it names the field and suggests
        assertThat(p.path()).isEqualTo("escalation.not-arrived[1].do");
        assertThat(p.message()).isEqualTo("'producer' is not an escalation step");
        assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).startsWith("did you mean 'producers'?"));
    }

    @Test
    @DisplayName("refuses dm-lead in a department's own ladder when it has no lead")
    void ownLadderNeedsALead() {
        // given hair without a lead, whose own ladder DMs the lead
        String yaml = replace(replace(valid(), "    lead: \"1190000000000000101\"\n", ""), HAIR_REMINDERS,
                HAIR_REMINDERS + """
                    escalation:
                      not-arrived:
                        - { after: 5m, do: dm-lead }
                """);

        // when it is read
        Problem p = onlyError(yaml);

        // then the step is refused where it is written
        assertThat(p.location().line()).isEqualTo(lineOf(yaml, "do: dm-lead"));
        assertThat(p.path()).isEqualTo("departments[0].escalation.not-arrived[0].do");
        assertThat(p.message()).isEqualTo("dm-lead, but department 'hair' has no lead");
    }

    @Test
    @DisplayName("refuses dm-lead in the show's ladder when the models, who follow it, have no lead")
    void showLadderNeedsEveryLead() {
        // given a show ladder that DMs the lead, hair with a lead, the models without one
        String yaml = replace(withShowLadders(valid()), "do: calls-channel", "do: dm-lead");

        // when it is read
        Problem p = onlyError(yaml);

        // then the show's step is refused for the models, naming them; the role-only runners need no lead
        assertThat(p.path()).isEqualTo("escalation.not-confirmed[1].do");
        assertThat(p.message()).isEqualTo("dm-lead, but model-calls has no lead");
        assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("a not-confirmed ladder of its own"));
    }

    @Test
    @DisplayName("prints each department's ladders in the plan")
    void planPrintsLadders() {
        // given the show's ladders
        Show show = ShowYaml.show(withShowLadders(valid()));

        // when the plan is printed as a table
        List<String> lines = CallSheetFormat.TABLE.render(CallPlanner.plan(show)).lines().toList();

        // then each department and the models have a line with both ladders
        assertThat(lines).contains("Escalation (each wait counted from the call)");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Hair").contains("10m dm-again · 20m calls-channel")
                .endsWith("15m dm-again · 30m producers"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Models").contains("10m dm-again"));
    }
}

package dev.showcall.show;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What a new version of a show file changes in the plan")
class PlanChangeTest {

    private static final String HAIR_101 = "crew:hair:1190000000000000101";
    private static final String HAIR_102 = "crew:hair:1190000000000000102";

    private static CallSheet plan(String yaml) {
        return CallPlanner.plan(ShowReader.read(ShowYaml.FILE, yaml).show().orElseThrow(
                () -> new AssertionError(ShowReader.read(ShowYaml.FILE, yaml).problems().toString())));
    }

    private static PlanChange change(String after) {
        return PlanChange.between(plan(ShowYaml.valid()), plan(after));
    }

    private static Instant at(String utc) {
        return Instant.parse("2027-02-21T" + utc + ":00Z");
    }

    @Test
    @DisplayName("the same file changes nothing, and says so")
    void same() {
        PlanChange change = change(ShowYaml.valid());

        assertThat(change.isEmpty()).isTrue();
        assertThat(change.summary()).isEqualTo("no call, look or department changes");
        assertThat(change.describe(2000)).isEqualTo("No call, look or department changes.");
    }

    @Test
    @DisplayName("a department called later moves exactly its members' calls, from the old time to the new")
    void departmentMoved() {
        // given hair called at 14:30 (T-4h30m) instead of 14:00
        PlanChange change = change(ShowYaml.replace(ShowYaml.valid(), "call: 5h", "call: 4h30m"));

        // then both hairdressers' calls moved, and nobody else's
        assertThat(change.moved()).extracting(PlanChange.MovedCall::key).containsExactlyInAnyOrder(HAIR_101, HAIR_102);
        assertThat(change.moved()).allSatisfy(m -> {
            assertThat(m.from()).isEqualTo(at("14:00"));
            assertThat(m.to()).isEqualTo(at("14:30"));
        });
        assertThat(change.departmentsMoved()).singleElement().satisfies(d -> {
            assertThat(d.department().id()).isEqualTo("hair");
            assertThat(d.from()).isEqualTo(at("14:00"));
            assertThat(d.to()).isEqualTo(at("14:30"));
        });
        assertThat(change.added()).isEmpty();
        assertThat(change.removed()).isEmpty();
        assertThat(change.summary()).isEqualTo("2 calls moved, Hair now called at <t:"
                + at("14:30").getEpochSecond() + ":t>");
    }

    @Test
    @DisplayName("a member added or taken out of a department is a call added or removed, not moved")
    void membersAddedAndRemoved() {
        PlanChange change = change(ShowYaml.replace(ShowYaml.valid(), "- \"1190000000000000101\"",
                "- \"1190000000000000103\""));

        assertThat(change.added()).extracting(Call::key).containsExactly("crew:hair:1190000000000000103");
        assertThat(change.removed()).extracting(Call::key).containsExactly(HAIR_101);
        assertThat(change.moved()).isEmpty();
        assertThat(change.summary()).isEqualTo("1 call added, 1 call removed");
    }

    @Test
    @DisplayName("looks cut, added, given to another model and changed are told apart")
    void looks() {
        // given look 7 cut, a look 9 added, look 4 given to Dana, look 5 with a new description and look 8 a new dresser
        String after = ShowYaml.replace(ShowYaml.valid(), "  - { number: 7, model: Fay Roux, description: Gown }\n", "");
        after = ShowYaml.replace(after, "description: Finale gown, dresser: \"1190000000000000301\" }",
                "description: Finale gown, dresser: \"1190000000000000302\" }\n"
                        + "  - { number: 9, model: Bea Moss, description: Veil }");
        after = ShowYaml.replace(after, "{ number: 4, model: Bea Moss, description: Skirt }",
                "{ number: 4, model: Dana Obi, description: Skirt }");
        after = ShowYaml.replace(after, "description: Knit", "description: Long knit");

        PlanChange change = change(after);

        assertThat(change.looksCut()).extracting(Look::number).containsExactly(7);
        assertThat(change.looksAdded()).extracting(Look::number).containsExactly(9);
        assertThat(change.looksGiven()).singleElement().satisfies(g -> {
            assertThat(g.before().model()).isEqualTo("Bea Moss");
            assertThat(g.after().model()).isEqualTo("Dana Obi");
        });
        assertThat(change.looksEdited()).extracting(e -> e.after().number()).containsExactly(5, 8);
        assertThat(change.looksEdited().get(0).descriptionChanged()).isTrue();
        assertThat(change.looksEdited().get(1).dresserChanged()).isTrue();
        assertThat(change.summary()).contains("look 7 cut", "look 9 added", "look 4 given to Dana Obi",
                "looks 5, 8 changed");
        assertThat(change.describe(2000))
                .contains("**Looks cut** (1):\n• 7: Gown, Fay Roux")
                .contains("**Looks added** (1):\n• 9: Veil, worn by Bea Moss")
                .contains("**Looks given to another model** (1):\n• 4: Bea Moss → Dana Obi")
                .contains("• 5: “Knit” → “Long knit”")
                .contains("• 8: dresser <@1190000000000000301> → <@1190000000000000302>");
    }

    @Test
    @DisplayName("a model who no longer walks loses her call; the summary counts it")
    void modelCut() {
        // given Fay's only look cut, and Fay off the roster
        String after = ShowYaml.replace(ShowYaml.valid(), "  - { number: 7, model: Fay Roux, description: Gown }\n", "");
        after = ShowYaml.replace(after, "  - name: Fay Roux\n", "");

        PlanChange change = change(after);

        assertThat(change.removed()).extracting(Call::key).contains(CallPlanner.modelKey("Fay Roux"));
        assertThat(change.summary()).contains("look 7 cut").contains("removed");
    }

    @Test
    @DisplayName("departments added and removed, and the start moved, are named")
    void departmentsAndStart() {
        String after = ShowYaml.replace(ShowYaml.valid(), """
                  - id: runners
                    name: Runners
                    call: "16:00"
                    role: "1190000000000000006"
                """, """
                  - id: nails
                    name: Nails
                    call: 3h
                    members: ["1190000000000000401"]
                """);
        after = ShowYaml.replace(after, "start: 2027-02-21T19:00", "start: 2027-02-21T19:30");

        PlanChange change = change(after);

        assertThat(change.start()).hasValue(new PlanChange.Move(at("19:00"), at("19:30")));
        assertThat(change.departmentsAdded()).singleElement().satisfies(d -> {
            assertThat(d.department().id()).isEqualTo("nails");
            assertThat(d.call()).isEqualTo(at("16:30"));
        });
        assertThat(change.departmentsRemoved()).extracting(d -> d.department().id()).containsExactly("runners");
        assertThat(change.summary()).startsWith("start moved to <t:" + at("19:30").getEpochSecond() + ":t>")
                .contains("department Nails added", "department Runners removed");
        assertThat(change.describe(2000)).contains("**Start** moved from <t:" + at("19:00").getEpochSecond()
                + ":t> to <t:" + at("19:30").getEpochSecond() + ":t>");
    }

    @Test
    @DisplayName("a name written in the file can neither format nor mention anything in the description")
    void namesEscaped() {
        String after = ShowYaml.replace(ShowYaml.valid(), "description: Coat", "description: \"@everyone *Coat*\"");

        String described = change(after).describe(2000);

        assertThat(described).contains("“\\@everyone \\*Coat\\*”");
    }

    @Test
    @DisplayName("a long change keeps within the characters it is given, with the counts of what it leaves out")
    void summarisedWhenLong() {
        // given forty hairdressers whose call moves, and whose names are long
        String members = IntStream.rangeClosed(1, 40)
                .mapToObj(i -> String.format("      - { user: \"11900000000000005%02d\", name: \"%s %d\" }%n",
                        i, "A rather long name for a hairdresser", i))
                .collect(Collectors.joining());
        String before = ShowYaml.replace(ShowYaml.valid(), """
                      - "1190000000000000101"
                      - { user: "1190000000000000102", name: "Priya Shah" }
                """, members);
        String after = ShowYaml.replace(before, "call: 5h", "call: 4h");

        PlanChange change = PlanChange.between(plan(before), plan(after));
        String described = change.describe(1000);

        assertThat(change.moved()).hasSize(40);
        assertThat(described.length()).isLessThanOrEqualTo(1000);
        assertThat(described).contains("**Calls moved** (40)").contains("more");
        assertThat(change.describe(100_000)).doesNotContain("more")
                .contains("A rather long name for a hairdresser 40 (Hair)");
    }

    @Test
    @DisplayName("refuses to compare the plans of two different shows")
    void otherShow() {
        CallSheet other = plan(ShowYaml.replace(ShowYaml.valid(), "id: test-show", "id: other-show"));

        assertThatThrownBy(() -> PlanChange.between(plan(ShowYaml.valid()), other))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

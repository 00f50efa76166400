package dev.showcall.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.calls.PingPlan;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.CallSheet;
import dev.showcall.show.Member;
import dev.showcall.show.Show;
import dev.showcall.show.ShowReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The roster finds a show's people on Discord")
class RosterTest {

    private static final long GUILD = 1190000000000000001L;
    private static final long RUNNER_ROLE = 1190000000000000006L;
    private static final long SIOBHAN = 1190000000000000301L;
    private static final long MARCO = 1190000000000000302L;
    private static final long BEN = 1190000000000000304L;
    private static final long ANYA = 1190000000000000306L;
    private static final long LINKED = 1190000000000000399L;

    private static final Show FILED = ShowReader.read("show.yaml", """
            id: roster-show
            name: Roster Show
            time-zone: UTC
            start: 2027-02-21T19:00
            discord:
              guild: "%d"
              timeline-channel: "1190000000000000002"
              calls-channel: "1190000000000000003"
              producer-role: "1190000000000000004"
              pr-role: "1190000000000000005"
            departments:
              - id: hair
                name: Hair
                call: 5h
                members:
                  - { user: "@siobhan.kelly", name: Siobhan Kelly }
                  - "%d"
                  - { user: "@nia.ghost", name: Nia Ghost }
                lead: "@siobhan.kelly"
              - id: runners
                name: Runners
                call: 3h
                role: "%d"
                members: ["%d"]
            models:
              - { name: Anya Petrova, user: "@anya.p" }
              - { name: Anja Berg }
            model-calls:
              chairs: 2
              prep: 45m
            looks:
              - { number: 1, model: Anya Petrova, description: Coat, dresser: "@siobhan.kelly" }
              - { number: 2, model: Anja Berg, description: Dress }
            """.formatted(GUILD, MARCO, RUNNER_ROLE, MARCO)).show().orElseThrow();

    /** A server where Siobhan and Anya have their usernames, and Ben and Marco hold the runner role. */
    private static final MemberList SERVER = new MemberList() {
        @Override
        public boolean known(long guildId) {
            return guildId == GUILD;
        }

        @Override
        public Optional<Long> userNamed(long guildId, String username) {
            return Optional.ofNullable(Map.of("siobhan.kelly", SIOBHAN, "anya.p", ANYA).get(username));
        }

        @Override
        public List<Holder> holders(long guildId, long roleId) {
            return roleId == RUNNER_ROLE ? List.of(new Holder(BEN, "Ben A"), new Holder(MARCO, "Marco")) : List.of();
        }
    };

    private static Show resolved(Map<String, Long> links, MemberList members) {
        return new Roster(FILED, links, members).resolve();
    }

    private static Optional<Call> call(Show show, String key) {
        return CallPlanner.plan(show).calls().stream().filter(c -> c.key().equals(key)).findFirst();
    }

    @Nested
    @DisplayName("by username")
    class ByUsername {

        @Test
        @DisplayName("gives a username's member as the person to ping, keeping the call key the file gives")
        void usernameFound() {
            Show show = resolved(Map.of(), SERVER);

            Call siobhan = call(show, "crew:hair:@siobhan.kelly").orElseThrow();
            assertThat(siobhan.userId()).hasValue(SIOBHAN);
            assertThat(siobhan.notLinked()).isFalse();
            assertThat(call(show, CallPlanner.modelKey("Anya Petrova")).orElseThrow().userId()).hasValue(ANYA);
            assertThat(show.departments().get(0).leadUserId()).hasValue(SIOBHAN);
            assertThat(show.looks().get(0).dresserUserId()).hasValue(SIOBHAN);
        }

        @Test
        @DisplayName("leaves someone whose username nobody has not linked, with only their call planned")
        void usernameNotFound() {
            PlannedShow show = planned(resolved(Map.of(), SERVER));

            Call nia = show.call("crew:hair:@nia.ghost").orElseThrow();
            assertThat(nia.notLinked()).isTrue();
            assertThat(PingPlan.of(show)).filteredOn(p -> p.subjectKey().equals(nia.key()))
                    .extracting(p -> p.ping()).containsExactly("call");
            assertThat(new Roster(FILED, Map.of(), SERVER).notLinked()).extracting(Person::name)
                    .containsExactly("Nia Ghost");
        }

        @Test
        @DisplayName("without the member list finds nobody by username, and ids still count")
        void noMemberList() {
            Show show = resolved(Map.of(), MemberList.NONE);

            assertThat(call(show, "crew:hair:@siobhan.kelly").orElseThrow().notLinked()).isTrue();
            assertThat(call(show, "crew:hair:" + MARCO).orElseThrow().userId()).hasValue(MARCO);
            assertThat(new Roster(FILED, Map.of(), MemberList.NONE).notLinked()).extracting(Person::name)
                    .containsExactly("Anya Petrova", "Siobhan Kelly", "Nia Ghost");
        }
    }

    @Nested
    @DisplayName("by link")
    class ByLink {

        @Test
        @DisplayName("puts a producer's link before the username and the id the file gives")
        void linkComesFirst() {
            Show show = resolved(Map.of("@nia.ghost", LINKED, "@siobhan.kelly", LINKED, String.valueOf(MARCO), LINKED),
                    SERVER);

            assertThat(call(show, "crew:hair:@nia.ghost").orElseThrow().userId()).hasValue(LINKED);
            assertThat(call(show, "crew:hair:@siobhan.kelly").orElseThrow().userId()).hasValue(LINKED);
            assertThat(call(show, "crew:hair:" + MARCO).orElseThrow().userId()).hasValue(LINKED);
        }

        @Test
        @DisplayName("links a model without Discord by her name: she is called by DM from then on")
        void modelLinkedByName() {
            Show show = resolved(Map.of(Roster.modelKey("Anja Berg"), LINKED), SERVER);

            assertThat(call(show, CallPlanner.modelKey("Anja Berg")).orElseThrow().userId()).hasValue(LINKED);
        }
    }

    @Nested
    @DisplayName("role holders")
    class RoleHolders {

        @Test
        @DisplayName("calls every holder of a department's role in person, once even when also a member")
        void holdersCalled() {
            Show show = resolved(Map.of(), SERVER);

            assertThat(show.departments().get(1).members()).extracting(Member::userId)
                    .containsExactly(OptionalLong.of(MARCO), OptionalLong.of(BEN));
            assertThat(call(show, "crew:runners:" + BEN).orElseThrow().who()).isEqualTo("Ben A");
            assertThat(call(show, "crew:runners:role:" + RUNNER_ROLE)).as("the role's own line stays").isPresent();
        }

        @Test
        @DisplayName("calls nobody in person for a role without the member list")
        void noHoldersWithoutTheList() {
            Show show = resolved(Map.of(), MemberList.NONE);

            assertThat(show.departments().get(1).members()).extracting(Member::userId)
                    .containsExactly(OptionalLong.of(MARCO));
        }
    }

    @Test
    @DisplayName("lists each person of the roster once, with every place the file names them")
    void people() {
        List<Person> people = new Roster(FILED, Map.of("@nia.ghost", LINKED), SERVER).people();

        assertThat(people).extracting(Person::label).containsExactly("Anya Petrova (Model)", "Anja Berg (Model)",
                "Siobhan Kelly (Hair, Hair lead, Dresser)", "user " + MARCO + " (Hair, Runners)", "Nia Ghost (Hair)");
        assertThat(people.get(4).linked()).isTrue();
        assertThat(people.get(1).notLinked()).as("a model without Discord is not 'not linked'").isFalse();
    }

    private static PlannedShow planned(Show show) {
        CallSheet sheet = CallPlanner.plan(show);
        return new PlannedShow(show, sheet);
    }
}

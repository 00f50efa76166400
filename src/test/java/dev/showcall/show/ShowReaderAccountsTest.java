package dev.showcall.show;

import static dev.showcall.show.ShowYaml.FILE;
import static dev.showcall.show.ShowYaml.replace;
import static dev.showcall.show.ShowYaml.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading the people of a show file: ids and usernames")
class ShowReaderAccountsTest {

    private static ShowReader.Reading read(String yaml) {
        return ShowReader.read(FILE, yaml);
    }

    private static List<Problem> errors(ShowReader.Reading reading) {
        return reading.problems().stream().filter(Problem::isError).toList();
    }

    @Test
    @DisplayName("takes a username with its @ for a member, a lead, a model and a dresser, as the file writes it")
    void usernamesTaken() {
        String yaml = replace(replace(replace(replace(valid(),
                        "      - \"1190000000000000101\"\n", "      - \"@siobhan.kelly\"\n"),
                        "    lead: \"1190000000000000101\"", "    lead: \"@Siobhan.Kelly\""),
                        "    user: \"1190000000000000201\"", "    user: \"@anya.p\""),
                "dresser: \"1190000000000000301\"", "dresser: \"@helene_m\"");

        Show show = read(yaml).show().orElseThrow();

        Member siobhan = show.departments().get(0).members().get(0);
        assertThat(siobhan.account()).isEqualTo(Account.username("siobhan.kelly"));
        assertThat(siobhan.userId()).isEmpty();
        assertThat(siobhan.displayName()).isEqualTo("@siobhan.kelly");
        assertThat(show.departments().get(0).lead()).contains(Account.username("siobhan.kelly"));
        assertThat(show.models().get(0).account()).contains(Account.username("anya.p"));
        assertThat(show.looks().get(7).dresser()).contains(Account.username("helene_m"));
        assertThat(CallPlanner.plan(show).calls()).extracting(Call::key).contains("crew:hair:@siobhan.kelly",
                "crew:hair:1190000000000000102");
    }

    @Test
    @DisplayName("refuses what is neither an id nor a username, with its line and field")
    void neither() {
        ShowReader.Reading reading = read(replace(valid(), "      - \"1190000000000000101\"\n", "      - \"siobhan\"\n"));

        assertThat(errors(reading)).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("'siobhan' is neither a Discord id nor a username");
            assertThat(p.toString()).contains("departments[0].members[0]").contains(FILE + ":");
        });
    }

    @Test
    @DisplayName("refuses a username Discord could not have")
    void badUsername() {
        ShowReader.Reading reading = read(replace(valid(), "    user: \"1190000000000000201\"", "    user: \"@anya petrova!\""));

        assertThat(errors(reading)).singleElement().satisfies(p ->
                assertThat(p.message()).contains("'@anya petrova!' is not a Discord username"));
    }

    @Test
    @DisplayName("refuses the same username twice in a department, whatever its case")
    void twice() {
        ShowReader.Reading reading = read(replace(valid(), "      - \"1190000000000000101\"\n",
                "      - \"@siobhan.kelly\"\n      - \"@Siobhan.Kelly\"\n"));

        assertThat(errors(reading)).singleElement().satisfies(p ->
                assertThat(p.message()).contains("@siobhan.kelly is listed twice"));
    }

    @Test
    @DisplayName("keeps an id's call key as it always was")
    void idKeyUnchanged() {
        Show show = read(valid()).show().orElseThrow();

        assertThat(show.departments().get(0).members().get(0)).isEqualTo(
                new Member(1190000000000000101L, Optional.empty()));
        assertThat(CallPlanner.plan(show).calls()).extracting(Call::key).contains("crew:hair:1190000000000000101");
    }
}

package dev.showcall.show.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.show.csv.ShowImport.Source;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Importing email addresses from the CSV lists")
class ShowImportEmailTest {

    private static final String HEADER = """
            id: test-show
            name: Test Show
            time-zone: Europe/London
            start: 2027-02-21T19:00
            discord:
              guild: "1190000000000000001"
              timeline-channel: "1190000000000000002"
              calls-channel: "1190000000000000003"
              producer-role: "1190000000000000004"
              pr-role: "1190000000000000005"
            departments:
              - id: hair
                name: Hair
                call: 5h
            model-calls:
              chairs: 2
              prep: 45m
            """;
    private static final String MODELS = """
            name,discord,agency,email,agency-email
            Anya Petrova,1190000000000000201,Storm,,
            Lena Hoffmann,,Elite London,lena@example.com,bookings@elite.example.com
            """;
    private static final String LOOKS = """
            look,model,description
            1,Anya Petrova,Coat
            2,Lena Hoffmann,Dress
            """;
    private static final String CREW = """
            department,name,discord,email
            Hair,Siobhan Kelly,1190000000000000121,siobhan@example.com
            hair,,1190000000000000122,tom@example.com
            hair,,1190000000000000123,
            """;

    private static ShowImport.Result importing(String models, String crew) {
        return ShowImport.run(new Source("header.yaml", HEADER), new Source("models.csv", models),
                new Source("looks.csv", LOOKS), new Source("crew.csv", crew), "show.yaml");
    }

    @Test
    @DisplayName("gives models their email and agency-email columns")
    void models() {
        // when the lists are imported
        var show = importing(MODELS, CREW).show().orElseThrow();

        // then Lena has both addresses, Anya none
        assertThat(show.models().get(1).email()).contains("lena@example.com");
        assertThat(show.models().get(1).agencyEmail()).contains("bookings@elite.example.com");
        assertThat(show.models().get(0).email()).isEmpty();
    }

    @Test
    @DisplayName("gives crew members their email column, with or without a name")
    void crew() {
        // when the lists are imported
        var show = importing(MODELS, CREW).show().orElseThrow();

        // then each member has the address of their row
        assertThat(show.departments().get(0).members()).extracting(m -> m.email().orElse(""))
                .containsExactly("siobhan@example.com", "tom@example.com", "");
    }

    @Test
    @DisplayName("a model's bad email is an error at its row and column")
    void badModelEmail() {
        // when Lena's address has no domain
        var result = importing(MODELS.replace("lena@example.com", "lena@"), CREW);

        // then the row and column are told
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e)
                .startsWith("models.csv: row 3, column email: ").contains("not an email address"));
    }

    @Test
    @DisplayName("a bad agency-email is an error at its row and the agency-email column")
    void badAgencyEmail() {
        // when her booker's address has a space
        var result = importing(MODELS.replace("bookings@elite.example.com", "bookings at elite"), CREW);

        // then its own column is told
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e)
                .startsWith("models.csv: row 3, column agency-email: "));
    }

    @Test
    @DisplayName("a crew member's bad email is an error at the crew row and its email column")
    void badCrewEmail() {
        // when Tom's address has two '@'
        var result = importing(MODELS, CREW.replace("tom@example.com", "tom@@example.com"));

        // then the crew row is told
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e)
                .startsWith("crew.csv: row 3, column email: ").contains("more than one '@'"));
    }
}

package dev.showcall.show;

import static dev.showcall.show.ShowYaml.FILE;
import static dev.showcall.show.ShowYaml.lineOf;
import static dev.showcall.show.ShowYaml.replace;
import static dev.showcall.show.ShowYaml.valid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading email addresses in the show file")
class ShowReaderEmailTest {

    private static final String BEA = "  - name: Bea Moss\n";
    private static final String PRIYA = "      - { user: \"1190000000000000102\", name: \"Priya Shah\" }\n";

    private static String withBeaEmail(String email, String agencyEmail) {
        return replace(valid(), BEA, BEA + "    email: " + email + "\n"
                + (agencyEmail.isEmpty() ? "" : "    agency-email: " + agencyEmail + "\n"));
    }

    private static Problem onlyError(String yaml) {
        ShowReader.Reading reading = ShowReader.read(FILE, yaml);
        assertThat(reading.show()).as("a file with errors gives no show").isEmpty();
        assertThat(reading.errors()).as("errors of %s", reading.problems()).hasSize(1);
        return reading.errors().get(0);
    }

    @Test
    @DisplayName("gives a model her email and her agency's, to be copied")
    void modelEmails() {
        // given a model without Discord with her own address and her booker's
        String yaml = withBeaEmail("bea@example.com", "bookings@storm.example.com");

        // when the file is read
        Show show = ShowYaml.show(yaml);

        // then she has both
        Model bea = show.model("Bea Moss").orElseThrow();
        assertThat(bea.email()).contains("bea@example.com");
        assertThat(bea.agencyEmail()).contains("bookings@storm.example.com");
    }

    @Test
    @DisplayName("gives a crew member written with user and name their email too")
    void memberEmail() {
        // given Priya's line with an email
        String yaml = replace(valid(), PRIYA,
                "      - { user: \"1190000000000000102\", name: \"Priya Shah\", email: priya@example.com }\n");

        // when the file is read
        Show show = ShowYaml.show(yaml);

        // then her member line has it, and the other member none
        assertThat(show.departments().get(0).members()).extracting(Member::email)
                .containsExactly(java.util.Optional.empty(), java.util.Optional.of("priya@example.com"));
    }

    @Test
    @DisplayName("leaves everyone without an email when the file gives none")
    void noneByDefault() {
        // given the fixture, which has no email
        Show show = ShowYaml.show(valid());

        // then nobody has one
        assertThat(show.models()).allSatisfy(m -> {
            assertThat(m.email()).isEmpty();
            assertThat(m.agencyEmail()).isEmpty();
        });
        assertThat(show.departments()).flatExtracting(Department::members).allSatisfy(m -> assertThat(m.email()).isEmpty());
    }

    @Test
    @DisplayName("refuses an address without an '@', with its file, line and field")
    void noAt() {
        // given a model's email without its '@'
        String yaml = withBeaEmail("bea.example.com", "");

        // when the file is read
        Problem p = onlyError(yaml);

        // then the error is at the email's line and names the field
        assertThat(p.location().line()).isEqualTo(lineOf(yaml, "email: bea.example.com"));
        assertThat(p.path()).isEqualTo("models[1].email");
        assertThat(p.toString()).startsWith(FILE + ":" + lineOf(yaml, "email: bea.example.com") + ":")
                .contains("models[1].email: 'bea.example.com' is not an email address: it has no '@'");
    }

    @Test
    @DisplayName("refuses an address with two '@'")
    void twoAts() {
        // given an address with two '@'
        Problem p = onlyError(withBeaEmail("bea@moss@example.com", ""));

        // then it says so
        assertThat(p.message()).contains("more than one '@'");
    }

    @Test
    @DisplayName("refuses a domain without a dot")
    void domainWithoutDot() {
        // given an address whose domain has no dot
        Problem p = onlyError(withBeaEmail("bea@localhost", ""));

        // then the domain is named
        assertThat(p.message()).contains("the domain 'localhost' is not one");
    }

    @Test
    @DisplayName("refuses an address with a space in it")
    void space() {
        // given an address with a space
        Problem p = onlyError(withBeaEmail("\"bea moss@example.com\"", ""));

        // then it says so
        assertThat(p.message()).contains("has a space in it");
    }

    @Test
    @DisplayName("refuses an address longer than 254 characters, saying the limit")
    void tooLong() {
        // given an address of 255 characters
        String address = "b".repeat(255 - "@example.com".length()) + "@example.com";
        Problem p = onlyError(withBeaEmail(address, ""));

        // then the limit is given
        assertThat(p.message()).contains("255 characters long, at most 254");
    }

    @Test
    @DisplayName("refuses a bad agency-email at its own line and field")
    void badAgencyEmail() {
        // given a good email and an agency's without its domain
        String yaml = withBeaEmail("bea@example.com", "bookings@");

        // when the file is read
        Problem p = onlyError(yaml);

        // then the agency's field is named at its line
        assertThat(p.path()).isEqualTo("models[1].agency-email");
        assertThat(p.location().line()).isEqualTo(lineOf(yaml, "agency-email: bookings@"));
        assertThat(p.message()).contains("nothing after the '@'");
    }

    @Test
    @DisplayName("refuses a crew member's bad email at the member's field")
    void badMemberEmail() {
        // given Priya with a bad address
        String yaml = replace(valid(), PRIYA,
                "      - { user: \"1190000000000000102\", name: \"Priya Shah\", email: \"priya@example.\" }\n");

        // when the file is read
        Problem p = onlyError(yaml);

        // then it is at her line, under her member entry
        assertThat(p.path()).isEqualTo("departments[0].members[1].email");
        assertThat(p.location().line()).isEqualTo(lineOf(yaml, "priya@example."));
    }

    @Test
    @DisplayName("warns about an agency-email given without the model's own email, and loads the show")
    void agencyEmailAlone() {
        // given a model with only her agency's address
        String yaml = replace(valid(), BEA, BEA + "    agency-email: bookings@storm.example.com\n");

        // when the file is read
        ShowReader.Reading reading = ShowReader.read(FILE, yaml);

        // then the show loads, with a warning at the field
        assertThat(reading.show()).isPresent();
        assertThat(reading.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("models[1].agency-email");
            assertThat(w.message()).contains("no mail goes out for her");
        });
    }
}

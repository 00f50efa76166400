package dev.showcall.show;

import static dev.showcall.show.ShowYaml.replace;
import static dev.showcall.show.ShowYaml.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Finding where a call can be mailed")
class ShowContactTest {

    private static final String BEA = "  - name: Bea Moss\n";
    private static final String PRIYA = "      - { user: \"1190000000000000102\", name: \"Priya Shah\" }\n";

    private static final Show SHOW = ShowYaml.show(replace(replace(valid(), BEA, BEA
                    + "    email: bea@example.com\n    agency-email: bookings@storm.example.com\n"),
            PRIYA, "      - { user: \"1190000000000000102\", name: \"Priya Shah\", email: priya@example.com }\n"));

    private static Call call(String key) {
        return CallPlanner.plan(SHOW).calls().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("gives a model's call her email, with her agency's to copy")
    void model() {
        // when the contact of Bea's call is asked for
        Optional<Contact> contact = SHOW.contactOf(call("model:Bea Moss"));

        // then it is hers, copying her booker
        assertThat(contact).contains(new Contact(Optional.of("bea@example.com"), Optional.of("bookings@storm.example.com")));
    }

    @Test
    @DisplayName("gives a crew member's call their email, matched by department and account, copying nobody")
    void crew() {
        // when the contact of Priya's hair call is asked for
        Optional<Contact> contact = SHOW.contactOf(call("crew:hair:1190000000000000102"));

        // then it is hers alone
        assertThat(contact).contains(new Contact(Optional.of("priya@example.com"), Optional.empty()));
    }

    @Test
    @DisplayName("is empty for someone the file gives no email")
    void noEmail() {
        // then neither the other hair member nor a model without an address can be mailed
        assertThat(SHOW.contactOf(call("crew:hair:1190000000000000101"))).isEmpty();
        assertThat(SHOW.contactOf(call("model:Cleo Diaz"))).isEmpty();
    }

    @Test
    @DisplayName("is empty for a department called through its role")
    void role() {
        // when the runners' role call is asked for
        Call role = call("crew:runners:role:1190000000000000006");

        // then there is no one address to mail
        assertThat(SHOW.contactOf(role)).isEmpty();
    }
}

package dev.showcall.roster;

import dev.showcall.show.Account;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One line of a show's roster as producers see it: a model, or someone of the crew with every place the show
 * file names them (member of a department, lead, dresser).
 *
 * @param key     stable across reloads: {@code model:<name>}, or the account's {@link Account#ref()} for crew
 * @param name    the name the show file gives them, or their account when it gives none
 * @param roles   what they do on the show ("Model", "Hair", "Dresser", "Hair lead")
 * @param account their account as the show file gives it, if any
 * @param userId  who they are on Discord, as the file, the member list or a link says; empty when not known
 * @param linked  whether a producer's link says who they are (rather than the file or the member list)
 */
public record Person(String key, String name, List<String> roles, Optional<Account> account, OptionalLong userId,
                     boolean linked) {

    public Person {
        roles = List.copyOf(roles);
    }

    /** Named in the file by an account nobody on the server has been found for, and not linked by a producer. */
    public boolean notLinked() {
        return account.isPresent() && userId.isEmpty();
    }

    /** "Siobhan Kelly (Hair, Hair lead)". */
    public String label() {
        return name + " (" + String.join(", ", roles) + ")";
    }

    public boolean isModel() {
        return key.startsWith(Roster.MODEL);
    }
}

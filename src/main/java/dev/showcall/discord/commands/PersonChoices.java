package dev.showcall.discord.commands;

import dev.showcall.roster.Person;
import dev.showcall.roster.Roster;
import dev.showcall.show.Call;
import dev.showcall.show.Closest;
import dev.showcall.show.Names;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * People of a show's roster as command choices: "Siobhan Kelly (Hair) · not linked", sending the person's
 * {@link Call#ref}; and the person a sent value names, whether chosen or typed.
 */
final class PersonChoices {

    private PersonChoices() {
    }

    /** Close matches first; among equals, those not linked first, since they are the ones to link. */
    static List<Suggestion> ranked(Roster roster, String typed) {
        List<Person> people = roster.people();
        Map<String, Person> byLabel = people.stream()
                .collect(Collectors.toMap(Person::label, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        List<String> labels = typed.isBlank()
                ? people.stream().sorted(Comparator.comparing((Person p) -> !p.notLinked())).map(Person::label).toList()
                : Closest.ranked(typed, byLabel.keySet(), CommandListener.MAX_CHOICES);
        return labels.stream().limit(CommandListener.MAX_CHOICES).map(byLabel::get)
                .map(p -> Suggestion.of(p.label() + state(p), Call.ref(p.key())))
                .toList();
    }

    private static String state(Person p) {
        if (p.notLinked()) {
            return " · not linked";
        }
        return p.linked() ? " · linked" : "";
    }

    /** The person a chosen value ({@link Call#ref}) or a typed name names. */
    static Optional<Person> find(Roster roster, String value) {
        if (Call.isRef(value)) {
            Optional<Person> byRef = roster.byRef(value);
            if (byRef.isPresent()) {
                return byRef;
            }
        }
        String wanted = Names.key(value);
        return roster.people().stream()
                .filter(p -> Names.key(p.name()).equals(wanted) || Names.key(p.label()).equals(wanted)
                        || p.account().map(a -> a.ref().equalsIgnoreCase(value.strip())).orElse(false))
                .findFirst();
    }

    /** Up to three close names, for a reply to a name nobody has. */
    static List<String> closest(Roster roster, String typed) {
        return Closest.ranked(typed, roster.people().stream().map(Person::name).toList(), 3);
    }
}

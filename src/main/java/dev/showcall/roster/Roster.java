package dev.showcall.roster;

import dev.showcall.show.Account;
import dev.showcall.show.Call;
import dev.showcall.show.Department;
import dev.showcall.show.Look;
import dev.showcall.show.Member;
import dev.showcall.show.Model;
import dev.showcall.show.ModelCalls;
import dev.showcall.show.Show;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Finds the people a show file names on Discord. A producer's link comes first, then the id the file gives,
 * then the member with the username the file gives; someone found by none of these is "not linked". With the
 * member list, every holder of a department's role is called in person as well. Pure: the same file, links and
 * members give the same show.
 */
public final class Roster {

    /** The start of a model's person key: models are linked by their name on the roster. */
    public static final String MODEL = "model:";

    private final Show filed;
    private final Map<String, Long> links;
    private final MemberList members;

    /**
     * @param links who producers linked, by person key ({@link Person#key()})
     */
    public Roster(Show filed, Map<String, Long> links, MemberList members) {
        this.filed = filed;
        this.links = Map.copyOf(links);
        this.members = members;
    }

    public static String modelKey(String modelName) {
        return MODEL + modelName;
    }

    /** The person key of someone of the crew: their account as the file gives it. */
    public static String crewKey(Account account) {
        return account.ref();
    }

    /**
     * Whose roster line a call is: the person key a producer's {@code /link} names them by. Empty for a department
     * called through its role, which is nobody in person.
     */
    public static Optional<String> personKeyOf(dev.showcall.show.Call call) {
        if (call.kind() == dev.showcall.show.Call.Kind.MODEL) {
            return Optional.of(call.key());
        }
        return call.account().map(Roster::crewKey);
    }

    /** The show as it runs: everyone it names found on Discord as far as can be, role holders called in person. */
    public Show resolve() {
        List<Department> departments = filed.departments().stream().map(this::resolve).toList();
        List<Model> models = filed.models().stream()
                .map(m -> m.withUserId(find(modelKey(m.name()), m.account())))
                .toList();
        ModelCalls modelCalls = filed.modelCalls().withLeadUserId(find(filed.modelCalls().lead()));
        List<Look> looks = filed.looks().stream().map(l -> l.withDresserUserId(find(l.dresser()))).toList();
        return filed.withPeople(departments, models, modelCalls, looks);
    }

    private Department resolve(Department d) {
        List<Member> found = new ArrayList<>();
        Set<Long> called = new HashSet<>();
        for (Member m : d.members()) {
            Member resolved = m.withUserId(find(crewKey(m.account()), Optional.of(m.account())));
            resolved.userId().ifPresent(called::add);
            found.add(resolved);
        }
        long guild = filed.discord().guildId();
        if (d.roleId().isPresent() && members.known(guild)) {
            for (MemberList.Holder holder : members.holders(guild, d.roleId().getAsLong())) {
                if (called.add(holder.userId())) {
                    found.add(new Member(Account.id(holder.userId()), Optional.of(holder.displayName()),
                            OptionalLong.of(holder.userId())));
                }
            }
        }
        return d.withPeople(found, find(d.lead()));
    }

    private OptionalLong find(Optional<Account> account) {
        return account.map(a -> find(crewKey(a), account)).orElse(OptionalLong.empty());
    }

    private OptionalLong find(String personKey, Optional<Account> account) {
        Long linked = links.get(personKey);
        if (linked != null) {
            return OptionalLong.of(linked);
        }
        if (account.isEmpty()) {
            return OptionalLong.empty();
        }
        if (account.get() instanceof Account.Username u) {
            return members.userNamed(filed.discord().guildId(), u.name()).map(OptionalLong::of)
                    .orElse(OptionalLong.empty());
        }
        return account.get().id();
    }

    /**
     * Everyone the show file names, models first, then the crew in the file's order, each once with every place
     * the file names them. Role holders the file does not name are not on it: Discord says who they are.
     */
    public List<Person> people() {
        List<Person> people = new ArrayList<>();
        for (Model m : filed.models()) {
            String key = modelKey(m.name());
            people.add(new Person(key, m.name(), List.of(m.standby() ? "Standby model" : "Model"), m.account(),
                    find(key, m.account()), links.containsKey(key)));
        }
        Map<String, Crew> crew = new LinkedHashMap<>();
        for (Department d : filed.departments()) {
            for (Member m : d.members()) {
                crew.computeIfAbsent(crewKey(m.account()), k -> new Crew(m.account())).named(m.name()).does(d.name());
            }
            d.lead().ifPresent(a -> crew.computeIfAbsent(crewKey(a), k -> new Crew(a)).does(d.name() + " lead"));
        }
        filed.modelCalls().lead().ifPresent(a -> crew.computeIfAbsent(crewKey(a), k -> new Crew(a)).does("Models lead"));
        filed.looks().forEach(l -> l.dresser().ifPresent(a -> crew.computeIfAbsent(crewKey(a), k -> new Crew(a))
                .does("Dresser")));
        crew.forEach((key, c) -> people.add(new Person(key, c.name(), c.roles, Optional.of(c.account),
                find(key, Optional.of(c.account)), links.containsKey(key))));
        return people;
    }

    /** The person whose key has this {@link Call#ref}: how a command's choice names someone in 16 characters. */
    public Optional<Person> byRef(String ref) {
        return people().stream().filter(p -> Call.ref(p.key()).equals(ref)).findFirst();
    }

    /** Who is named by an account nobody has been found for, in roster order. */
    public List<Person> notLinked() {
        return people().stream().filter(Person::notLinked).toList();
    }

    /** Someone of the crew while the roster is gathered: their name, once, and each place the file names them. */
    private static final class Crew {
        private final Account account;
        private Optional<String> name = Optional.empty();
        private final List<String> roles = new ArrayList<>();

        Crew(Account account) {
            this.account = account;
        }

        Crew named(Optional<String> given) {
            if (name.isEmpty()) {
                name = given;
            }
            return this;
        }

        void does(String role) {
            if (!roles.contains(role)) {
                roles.add(role);
            }
        }

        String name() {
            return name.orElseGet(() -> account instanceof Account.Username u ? "@" + u.name() : "user " + account.ref());
        }
    }
}

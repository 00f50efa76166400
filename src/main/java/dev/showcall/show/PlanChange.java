package dev.showcall.show;

import dev.showcall.text.UserText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a new version of a show file changes in the plan running: whose calls move and where to,
 * calls added and removed, looks added, cut or given to another model, departments added,
 * removed or called at another time, and the start. Pure: worked out from the two call sheets.
 *
 * @param moved             calls on both plans at another time, in the new plan's order
 * @param added             calls only the new plan has
 * @param removed           calls only the old plan has
 * @param looksAdded        looks only the new plan has, in running order
 * @param looksCut          looks only the old plan has, in running order
 * @param looksGiven        looks worn by another model in the new plan
 * @param looksEdited       looks whose description or dresser changed (and not their model)
 * @param departmentsAdded  departments only the new plan has
 * @param departmentsRemoved departments only the old plan has
 * @param departmentsMoved  departments on both plans called at another time
 * @param start             the start, when it moved
 */
public record PlanChange(
        List<MovedCall> moved,
        List<Call> added,
        List<Call> removed,
        List<Look> looksAdded,
        List<Look> looksCut,
        List<GivenLook> looksGiven,
        List<EditedLook> looksEdited,
        List<TimedDepartment> departmentsAdded,
        List<TimedDepartment> departmentsRemoved,
        List<MovedDepartment> departmentsMoved,
        Optional<Move> start) {

    /** Names quoted in a description are cut to this. */
    static final int MAX_NAME = 100;
    /** Look numbers listed in one line before "and N more". */
    static final int MAX_NUMBERS = 6;
    /** How many lines each part of a description may have, tried in turn until the whole fits. */
    private static final int[] LINES_PER_PART = {Integer.MAX_VALUE, 10, 5, 2, 0};

    public PlanChange {
        moved = List.copyOf(moved);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        looksAdded = List.copyOf(looksAdded);
        looksCut = List.copyOf(looksCut);
        looksGiven = List.copyOf(looksGiven);
        looksEdited = List.copyOf(looksEdited);
        departmentsAdded = List.copyOf(departmentsAdded);
        departmentsRemoved = List.copyOf(departmentsRemoved);
        departmentsMoved = List.copyOf(departmentsMoved);
        Objects.requireNonNull(start, "start");
    }

    /** From one instant to another. */
    public record Move(Instant from, Instant to) {
    }

    /** A call on both plans whose time changed: {@code before} as the old plan has it, {@code after} as the new. */
    public record MovedCall(Call before, Call after) {

        public String key() {
            return after.key();
        }

        public Instant from() {
            return before.at();
        }

        public Instant to() {
            return after.at();
        }
    }

    /** A look the new plan gives to another model. */
    public record GivenLook(Look before, Look after) {
    }

    /** A look whose description or dresser changed. */
    public record EditedLook(Look before, Look after) {

        public boolean descriptionChanged() {
            return !before.description().equals(after.description());
        }

        public boolean dresserChanged() {
            return !before.dresser().equals(after.dresser());
        }
    }

    /** A department with when it is called. */
    public record TimedDepartment(Department department, Instant call) {
    }

    /** A department on both plans called at another time. */
    public record MovedDepartment(Department department, Instant from, Instant to) {
    }

    /** What {@code after} changes in {@code before}: two call sheets of the same show. */
    public static PlanChange between(CallSheet before, CallSheet after) {
        if (!before.show().id().equals(after.show().id())) {
            throw new IllegalArgumentException("A plan of show " + after.show().id()
                    + " is not a new version of show " + before.show().id());
        }
        Map<String, Call> was = byKey(before.calls(), Call::key);
        Map<String, Call> now = byKey(after.calls(), Call::key);
        List<MovedCall> moved = after.calls().stream()
                .filter(c -> was.containsKey(c.key()) && !was.get(c.key()).at().equals(c.at()))
                .map(c -> new MovedCall(was.get(c.key()), c))
                .toList();
        List<Call> added = after.calls().stream().filter(c -> !was.containsKey(c.key())).toList();
        List<Call> removed = before.calls().stream().filter(c -> !now.containsKey(c.key())).toList();

        Show old = before.show();
        Show fresh = after.show();
        Map<Integer, Look> oldLooks = byKey(old.runningOrder(), Look::number);
        Map<Integer, Look> newLooks = byKey(fresh.runningOrder(), Look::number);
        List<Look> looksAdded = fresh.runningOrder().stream().filter(l -> !oldLooks.containsKey(l.number())).toList();
        List<Look> looksCut = old.runningOrder().stream().filter(l -> !newLooks.containsKey(l.number())).toList();
        List<GivenLook> given = new ArrayList<>();
        List<EditedLook> edited = new ArrayList<>();
        for (Look look : fresh.runningOrder()) {
            Look previous = oldLooks.get(look.number());
            if (previous == null) {
                continue;
            }
            if (!previous.model().equals(look.model())) {
                given.add(new GivenLook(previous, look));
            } else if (!previous.description().equals(look.description())
                    || !previous.dresser().equals(look.dresser())) {
                edited.add(new EditedLook(previous, look));
            }
        }

        Map<String, Department> oldDepartments = byKey(old.departments(), Department::id);
        Map<String, Department> newDepartments = byKey(fresh.departments(), Department::id);
        List<TimedDepartment> departmentsAdded = fresh.departments().stream()
                .filter(d -> !oldDepartments.containsKey(d.id()))
                .map(d -> new TimedDepartment(d, fresh.resolve(d.call()))).toList();
        List<TimedDepartment> departmentsRemoved = old.departments().stream()
                .filter(d -> !newDepartments.containsKey(d.id()))
                .map(d -> new TimedDepartment(d, old.resolve(d.call()))).toList();
        List<MovedDepartment> departmentsMoved = fresh.departments().stream()
                .filter(d -> oldDepartments.containsKey(d.id()))
                .map(d -> new MovedDepartment(d, old.resolve(oldDepartments.get(d.id()).call()), fresh.resolve(d.call())))
                .filter(m -> !m.from().equals(m.to()))
                .toList();
        Optional<Move> start = old.startInstant().equals(fresh.startInstant()) ? Optional.empty()
                : Optional.of(new Move(old.startInstant(), fresh.startInstant()));
        return new PlanChange(moved, added, removed, looksAdded, looksCut, given, edited, departmentsAdded,
                departmentsRemoved, departmentsMoved, start);
    }

    private static <K, V> Map<K, V> byKey(List<V> values, Function<V, K> key) {
        Map<K, V> map = new LinkedHashMap<>();
        values.forEach(v -> map.putIfAbsent(key.apply(v), v));
        return map;
    }

    /** Whether the new plan changes no call, look, department nor the start. */
    public boolean isEmpty() {
        return moved.isEmpty() && added.isEmpty() && removed.isEmpty() && looksAdded.isEmpty() && looksCut.isEmpty()
                && looksGiven.isEmpty() && looksEdited.isEmpty() && departmentsAdded.isEmpty()
                && departmentsRemoved.isEmpty() && departmentsMoved.isEmpty() && start.isEmpty();
    }

    /** "3 calls moved, look 12 cut": the change on one line, as the timeline tells it. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        start.ifPresent(s -> parts.add("start moved to " + time(s.to())));
        count(parts, moved.size(), "call", "moved");
        count(parts, added.size(), "call", "added");
        count(parts, removed.size(), "call", "removed");
        looks(parts, looksCut, "cut");
        looks(parts, looksAdded, "added");
        if (looksGiven.size() == 1) {
            GivenLook given = looksGiven.get(0);
            parts.add("look " + given.after().number() + " given to " + name(given.after().model()));
        } else if (!looksGiven.isEmpty()) {
            parts.add("looks " + numbers(looksGiven.stream().map(GivenLook::after).toList()) + " given to other models");
        }
        looks(parts, looksEdited.stream().map(EditedLook::after).toList(), "changed");
        departments(parts, departmentsAdded.stream().map(TimedDepartment::department).toList(), "added");
        departments(parts, departmentsRemoved.stream().map(TimedDepartment::department).toList(), "removed");
        if (departmentsMoved.size() == 1) {
            parts.add(name(departmentsMoved.get(0).department().name()) + " now called at "
                    + time(departmentsMoved.get(0).to()));
        } else if (!departmentsMoved.isEmpty()) {
            parts.add(departmentsMoved.size() + " departments called at another time");
        }
        return parts.isEmpty() ? "no call, look or department changes" : String.join(", ", parts);
    }

    /**
     * The change for a producer to read before applying it, part by part, in at most {@code maxChars}
     * characters: a long change keeps fewer lines of each part ("… and 12 more"), then only the counts.
     */
    public String describe(int maxChars) {
        if (isEmpty()) {
            return UserText.cut("No call, look or department changes.", maxChars);
        }
        for (int lines : LINES_PER_PART) {
            String text = describeWith(lines);
            if (text.length() <= maxChars) {
                return text;
            }
        }
        return UserText.cut(summary(), maxChars);
    }

    private String describeWith(int maxLines) {
        List<String> out = new ArrayList<>();
        start.ifPresent(s -> out.add("**Start** moved from " + time(s.from()) + " to " + time(s.to())));
        part(out, "Calls moved", moved, maxLines, m -> who(m.after()) + ": " + time(m.from()) + " → " + time(m.to()));
        part(out, "Calls added", added, maxLines, c -> who(c) + " at " + time(c.at()));
        part(out, "Calls removed", removed, maxLines, c -> who(c) + ", was at " + time(c.at()));
        part(out, "Looks cut", looksCut, maxLines, l -> l.number() + ": " + name(l.description()) + ", "
                + name(l.model()));
        part(out, "Looks added", looksAdded, maxLines, l -> l.number() + ": " + name(l.description()) + ", worn by "
                + name(l.model()));
        part(out, "Looks given to another model", looksGiven, maxLines, g -> g.after().number() + ": "
                + name(g.before().model()) + " → " + name(g.after().model()));
        part(out, "Looks changed", looksEdited, maxLines, PlanChange::edit);
        part(out, "Departments added", departmentsAdded, maxLines, d -> name(d.department().name()) + ", called at "
                + time(d.call()));
        part(out, "Departments removed", departmentsRemoved, maxLines, d -> name(d.department().name()) + ", was at "
                + time(d.call()));
        part(out, "Departments called at another time", departmentsMoved, maxLines,
                d -> name(d.department().name()) + ": " + time(d.from()) + " → " + time(d.to()));
        return String.join("\n", out);
    }

    private static <T> void part(List<String> out, String title, List<T> items, int maxLines, Function<T, String> line) {
        if (items.isEmpty()) {
            return;
        }
        out.add("**" + title + "** (" + items.size() + ")" + (maxLines == 0 ? "" : ":"));
        if (maxLines == 0) {
            return;
        }
        int shown = items.size() > maxLines ? Math.max(1, maxLines - 1) : items.size();
        items.stream().limit(shown).forEach(i -> out.add("• " + line.apply(i)));
        if (shown < items.size()) {
            out.add("• … and " + (items.size() - shown) + " more");
        }
    }

    private static String edit(EditedLook edit) {
        List<String> what = new ArrayList<>();
        if (edit.descriptionChanged()) {
            what.add("“" + name(edit.before().description()) + "” → “" + name(edit.after().description()) + "”");
        }
        if (edit.dresserChanged()) {
            what.add("dresser " + dresser(edit.before().dresser()) + " → " + dresser(edit.after().dresser()));
        }
        return edit.after().number() + ": " + String.join(", ", what);
    }

    private static String dresser(Optional<Account> account) {
        return account.map(a -> a instanceof Account.Id id ? "<@" + id.userId() + ">" : name(a.ref())).orElse("none");
    }

    private static String who(Call call) {
        return name(call.who()) + " (" + name(call.departmentName()) + ")";
    }

    private static void count(List<String> parts, int count, String noun, String what) {
        if (count > 0) {
            parts.add(count + " " + noun + (count == 1 ? "" : "s") + " " + what);
        }
    }

    private static void looks(List<String> parts, List<Look> looks, String what) {
        if (!looks.isEmpty()) {
            parts.add((looks.size() == 1 ? "look " : "looks ") + numbers(looks) + " " + what);
        }
    }

    private static void departments(List<String> parts, List<Department> departments, String what) {
        if (departments.size() == 1) {
            parts.add("department " + name(departments.get(0).name()) + " " + what);
        } else if (!departments.isEmpty()) {
            parts.add(departments.size() + " departments " + what);
        }
    }

    /** "7, 12, 19" or "1, 2, 3, 4, 5, 6 and 9 more". */
    static String numbers(List<Look> looks) {
        String listed = looks.stream().limit(MAX_NUMBERS).map(l -> String.valueOf(l.number()))
                .collect(Collectors.joining(", "));
        return looks.size() > MAX_NUMBERS ? listed + " and " + (looks.size() - MAX_NUMBERS) + " more" : listed;
    }

    private static String name(String written) {
        return UserText.inline(written, MAX_NAME);
    }

    private static String time(Instant at) {
        return "<t:" + at.getEpochSecond() + ":t>";
    }
}

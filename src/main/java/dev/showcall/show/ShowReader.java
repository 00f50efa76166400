package dev.showcall.show;

import dev.showcall.show.yaml.Location;
import dev.showcall.show.yaml.YamlNode;
import dev.showcall.show.yaml.YamlTree;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and validates a show file. Every problem is reported at once, each with its line,
 * column and field; a {@link Show} comes out only when there is no error at all, so a file
 * that does not validate is never half-loaded.
 */
public final class ShowReader {

    public static final Duration DEFAULT_NO_SHOW_GRACE = Duration.ofMinutes(15);
    public static final Duration DEFAULT_QUICK_CHANGE_THRESHOLD = Duration.ofMinutes(5);
    public static final Duration DEFAULT_BUFFER = Duration.ofMinutes(30);
    public static final Duration DEFAULT_CHECK_IN = Duration.ofMinutes(15);
    public static final int DEFAULT_SECONDS_PER_LOOK = 40;
    public static final Duration DEFAULT_CONFIRM_BY = Duration.ofMinutes(15);

    /**
     * The longest text each field may hold (as Java counts characters: an emoji can count as two), so
     * that whatever validates fits everywhere it is carried: in a slash command's option or an
     * autocomplete choice (100), in an embed, a message, a database column.
     */
    public static final int MAX_MODEL_NAME = 100;
    public static final int MAX_NAME = 100;
    public static final int MAX_VENUE = 200;
    public static final int MAX_DESCRIPTION = 200;
    public static final int MAX_MEETING_POINT = 500;
    public static final int MAX_NOTES = 1000;

    private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final String ID_RULE = "lower-case letters, digits and '-', at most 64";

    private static final Set<String> SHOW_FIELDS = Set.of("id", "name", "venue", "time-zone", "start", "doors",
            "discord", "departments", "models", "model-calls", "seconds-per-look", "looks", "milestones",
            "no-show-grace", "quick-change-threshold", "confirm-by", "look-steps", "escalation", "call-sheet");
    private static final Set<String> DISCORD_FIELDS = Set.of("guild", "timeline-channel", "calls-channel",
            "producer-role", "pr-role");
    private static final Set<String> DEPARTMENT_FIELDS = Set.of("id", "name", "call", "members", "role", "lead",
            "meeting-point", "notes", "reminders", "escalation");
    private static final Set<String> MEMBER_FIELDS = Set.of("user", "name", "email");
    private static final Set<String> MODEL_FIELDS = Set.of("name", "user", "agency", "standby", "call", "email",
            "agency-email");
    private static final Set<String> MODEL_CALLS_FIELDS = Set.of("chairs", "prep", "buffer", "check-in",
            "meeting-point", "lead", "notes", "reminders", "escalation");
    private static final Set<String> ESCALATION_FIELDS = Set.of(Escalation.Condition.NOT_CONFIRMED.field(),
            Escalation.Condition.NOT_ARRIVED.field());
    private static final Set<String> ESCALATION_STEP_FIELDS = Set.of("after", "do");
    private static final Set<String> LOOK_FIELDS = Set.of("number", "model", "description", "dresser", "seconds");
    private static final Set<String> MILESTONE_FIELDS = Set.of("name", "at");

    /** What reading a file gave: a show when it validated, and every problem either way. */
    public record Reading(Optional<Show> show, List<Problem> problems) {

        public List<Problem> errors() {
            return problems.stream().filter(Problem::isError).toList();
        }

        public List<Problem> warnings() {
            return problems.stream().filter(p -> !p.isError()).toList();
        }
    }

    private final Problems problems;
    /** Model names already refused: a look of theirs is not reported again as naming nobody. */
    private final Set<String> refusedModelNames = new java.util.HashSet<>();
    /** Calls to check against the start once both are known. */
    private final List<PendingCallCheck> callChecks = new ArrayList<>();

    private record PendingCallCheck(TimeSpec call, Location at, String path) {
    }

    /** Where a ladder says dm-lead, to check once every lead is known. */
    private record LeadStep(Escalation.Condition condition, Location at, String path) {
    }

    /** The ladders read so far with their dm-lead steps: the show's, and each department's and the models' own. */
    private final Map<String, List<LeadStep>> leadSteps = new HashMap<>();
    private static final String SHOW_LADDER = "";
    private static final String MODELS_LADDER = "model-calls";

    private ShowReader(String file) {
        this.problems = new Problems(file);
    }

    public static Reading read(String file, String yaml) {
        return new ShowReader(file).readText(yaml);
    }

    private Reading readText(String yaml) {
        YamlTree.Result tree = YamlTree.parse(yaml);
        tree.problems().forEach(p -> problems.error(p.location(), "", p.message()));
        Optional<Show> show = tree.root().flatMap(this::readShow);
        return new Reading(problems.hasErrors() ? Optional.empty() : show, problems.inFileOrder());
    }

    private Optional<Show> readShow(YamlNode root) {
        Optional<FieldReader> top = FieldReader.of(problems, root, "", SHOW_FIELDS);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        FieldReader f = top.get();
        Optional<String> id = f.identifier("id", ID, ID_RULE);
        Optional<String> name = f.line("name", true, MAX_NAME, "it titles the board, /lineup and every call");
        Optional<String> venue = f.line("venue", false, MAX_VENUE, "it is in the footer of every call");
        Optional<ZoneId> zone = zone(f);
        Optional<LocalDateTime> start = f.localDateTime("start", true);
        Optional<TimeSpec> doors = f.moment("doors", false, true);
        Optional<DiscordBinding> discord = f.mapping("discord", true, DISCORD_FIELDS).flatMap(this::discord);
        List<Department> departments = departments(f);
        List<Model> models = models(f);
        Optional<ModelCalls> modelCalls = f.mapping("model-calls", true, MODEL_CALLS_FIELDS).flatMap(this::modelCalls);
        int secondsPerLook = f.integer("seconds-per-look", false, 1).orElse(DEFAULT_SECONDS_PER_LOOK);
        List<Look> looks = looks(f, models);
        List<Milestone> milestones = milestones(f);
        Duration grace = f.duration("no-show-grace", DEFAULT_NO_SHOW_GRACE);
        Duration threshold = f.duration("quick-change-threshold", DEFAULT_QUICK_CHANGE_THRESHOLD);
        Duration confirmBy = f.duration("confirm-by", DEFAULT_CONFIRM_BY);
        List<Step> lookSteps = lookSteps(f);
        Escalation escalation = escalation(f, SHOW_LADDER);
        checkLeads(departments, modelCalls);
        Optional<TimeSpec> callSheet = f.moment("call-sheet", false, true);

        Optional<ZonedDateTime> zonedStart = zonedStart(f, zone, start);
        zonedStart.ifPresent(this::checkCallsBefore);

        if (problems.hasErrors()) {
            return Optional.empty();
        }
        Show show = new Show(id.orElseThrow(), name.orElseThrow(), venue.orElse(""), zone.orElseThrow(),
                start.orElseThrow(), doors, discord.orElseThrow(), departments, models, modelCalls.orElseThrow(),
                looks, milestones, secondsPerLook, grace, threshold, confirmBy, lookSteps, escalation, callSheet);
        return checkCallSheetBeforeFirstCall(f, show) ? Optional.of(show) : Optional.empty();
    }

    /** A call sheet sent ahead comes before anyone is called: once the calls have begun, it tells nobody anything. */
    private boolean checkCallSheetBeforeFirstCall(FieldReader f, Show show) {
        if (show.callSheet().isEmpty()) {
            return true;
        }
        Instant sheet = show.resolve(show.callSheet().get());
        Optional<Instant> first = CallPlanner.plan(show).calls().stream().map(Call::at).min(Instant::compareTo);
        if (first.isEmpty() || sheet.isBefore(first.get())) {
            return true;
        }
        problems.error(f.locationOf("call-sheet"), "call-sheet", "the call sheet at " + show.callSheet().get()
                + " goes out after the first call (" + first.get().atZone(show.zone()).toLocalDateTime() + ")",
                "send it before anyone is called, such as T-24h");
        return false;
    }

    /**
     * The ladders under {@code escalation}, if any. Each step's wait is counted from the call and must be longer
     * than the one before it: a ladder climbs.
     *
     * @param owner whose ladders they are, for the dm-lead check: a department's id, the models' or the show's
     */
    private Escalation escalation(FieldReader f, String owner) {
        Optional<FieldReader> e = f.mapping("escalation", false, ESCALATION_FIELDS);
        if (e.isEmpty()) {
            return Escalation.NONE;
        }
        Map<Escalation.Condition, List<Escalation.Step>> ladders = new java.util.EnumMap<>(Escalation.Condition.class);
        for (Escalation.Condition condition : Escalation.Condition.values()) {
            if (e.get().has(condition.field())) {
                ladders.put(condition, ladder(e.get(), condition, owner));
            }
        }
        return new Escalation(ladders);
    }

    private List<Escalation.Step> ladder(FieldReader e, Escalation.Condition condition, String owner) {
        List<Escalation.Step> steps = new ArrayList<>();
        Duration previous = Duration.ZERO;
        for (FieldReader.Item item : e.items(condition.field(), false)) {
            Optional<FieldReader> step = FieldReader.of(problems, item.node(), item.path(), ESCALATION_STEP_FIELDS);
            if (step.isEmpty()) {
                continue;
            }
            Optional<Duration> after = step.get().duration("after", true);
            Optional<Escalation.Action> action = action(step.get());
            if (after.isPresent() && after.get().compareTo(previous) <= 0) {
                problems.error(step.get().locationOf("after"), step.get().pathOf("after"), previous.isZero()
                                ? "the first step's wait must be longer than zero"
                                : "the wait " + Durations.format(after.get()) + " is not longer than the step before ("
                                        + Durations.format(previous) + ")",
                        "each step waits longer from the call than the one before it");
            } else if (after.isPresent()) {
                previous = after.get();
                action.ifPresent(a -> steps.add(new Escalation.Step(after.get(), a)));
            }
            if (action.equals(Optional.of(Escalation.Action.DM_LEAD))) {
                leadSteps.computeIfAbsent(owner, o -> new ArrayList<>())
                        .add(new LeadStep(condition, step.get().locationOf("do"), step.get().pathOf("do")));
            }
        }
        return steps;
    }

    private Optional<Escalation.Action> action(FieldReader step) {
        Optional<String> text = step.text("do", true);
        Optional<Escalation.Action> action = text.flatMap(Escalation.Action::ofLabel);
        if (text.isPresent() && action.isEmpty()) {
            problems.error(step.locationOf("do"), step.pathOf("do"), "'" + text.get() + "' is not an escalation step",
                    Closest.to(text.get(), Escalation.Action.labels()).map(c -> "did you mean '" + c + "'? ").orElse("")
                            + "write one of " + String.join(", ", Escalation.Action.labels()));
        }
        return action;
    }

    /** A ladder that DMs the lead needs a lead for everyone it climbs for: their department's own, or the models'. */
    private void checkLeads(List<Department> departments, Optional<ModelCalls> modelCalls) {
        for (Department d : departments) {
            // a department called through its role alone climbs no ladder: nobody in it is called by name
            if (d.lead().isEmpty() && !d.members().isEmpty()) {
                refuseLeadSteps("department:" + d.id(), "department '" + d.id() + "' has no lead", "give it a lead, or take dm-lead out");
                inheritedLeadSteps(d.escalation(), "department '" + d.id() + "'");
            }
        }
        modelCalls.filter(m -> m.lead().isEmpty()).ifPresent(m -> {
            refuseLeadSteps(MODELS_LADDER, "model-calls has no lead", "give model-calls a lead, or take dm-lead out");
            inheritedLeadSteps(m.escalation(), "model-calls");
        });
    }

    private void refuseLeadSteps(String owner, String lacking, String hint) {
        for (LeadStep step : leadSteps.getOrDefault(owner, List.of())) {
            problems.error(step.at(), step.path(), "dm-lead, but " + lacking, hint);
        }
    }

    /** The show's dm-lead steps, for a department or the models without a lead and without a ladder of their own. */
    private void inheritedLeadSteps(Escalation own, String who) {
        for (LeadStep step : leadSteps.getOrDefault(SHOW_LADDER, List.of())) {
            if (!own.gives(step.condition())) {
                problems.error(step.at(), step.path(), "dm-lead, but " + who + " has no lead",
                        "give " + who + " a lead, or a " + step.condition().field() + " ladder of its own");
            }
        }
    }

    /** The steps a look needs before it is ready; {@code ready} itself is a producer's call, not a step to require. */
    private List<Step> lookSteps(FieldReader f) {
        List<FieldReader.Item> items = f.items("look-steps", false);
        if (!f.has("look-steps")) {
            return Step.DEFAULT_REQUIRED;
        }
        List<String> requirable = java.util.Arrays.stream(Step.values()).filter(Step::requirable).map(Step::label).toList();
        java.util.EnumSet<Step> steps = java.util.EnumSet.noneOf(Step.class);
        for (FieldReader.Item item : items) {
            f.scalarText(item.node(), item.path()).ifPresent(text -> {
                Optional<Step> step = Step.fromLabel(text).filter(Step::requirable);
                if (Step.fromLabel(text).equals(Optional.of(Step.READY))) {
                    problems.error(item.node().location(), item.path(), "'ready' cannot be required",
                            "a producer marks a look ready on the day; list the steps that make it ready");
                } else if (step.isEmpty()) {
                    problems.error(item.node().location(), item.path(), "'" + text + "' is not a look step",
                            Closest.to(text, requirable).map(c -> "did you mean '" + c + "'? ").orElse("")
                                    + "write one of " + String.join(", ", requirable));
                } else if (!steps.add(step.get())) {
                    problems.error(item.node().location(), item.path(), "'" + text + "' is listed twice");
                }
            });
        }
        boolean emptyList = f.node("look-steps", false).filter(n -> n instanceof YamlNode.Sequence).isPresent()
                && items.isEmpty();
        if (emptyList) {
            problems.error(f.locationOf("look-steps"), "look-steps", "needs at least one step",
                    "write one or more of " + String.join(", ", requirable));
        }
        return List.copyOf(steps);
    }

    private Optional<ZoneId> zone(FieldReader f) {
        Optional<String> text = f.text("time-zone", true);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Location at = f.locationOf("time-zone");
        try {
            ZoneId zone = ZoneId.of(text.get());
            if (zone instanceof ZoneOffset || zone.getRules().isFixedOffset() && !zone.getId().equals("UTC")) {
                problems.warning(at, "time-zone", "'" + text.get() + "' is a fixed offset that ignores daylight saving",
                        "name the region instead, such as Europe/London");
            }
            return Optional.of(zone);
        } catch (DateTimeException e) {
            Optional<String> hint = closestZone(text.get());
            problems.error(at, "time-zone", "'" + text.get() + "' is not a known time zone",
                    hint.map(h -> "did you mean " + h + "?").orElse("use an IANA zone such as Europe/London"));
            return Optional.empty();
        }
    }

    private static Optional<String> closestZone(String text) {
        Set<String> zones = ZoneId.getAvailableZoneIds();
        Optional<String> byCity = zones.stream()
                .filter(z -> z.substring(z.lastIndexOf('/') + 1).replace('_', ' ').equalsIgnoreCase(text.replace('_', ' ')))
                .sorted()
                .findFirst();
        return byCity.isPresent() ? byCity : Closest.to(text, zones);
    }

    private Optional<ZonedDateTime> zonedStart(FieldReader f, Optional<ZoneId> zone, Optional<LocalDateTime> start) {
        if (zone.isEmpty() || start.isEmpty()) {
            return Optional.empty();
        }
        if (zone.get().getRules().getValidOffsets(start.get()).isEmpty()) {
            problems.error(f.locationOf("start"), "start",
                    start.get() + " does not exist in " + zone.get() + ": the clocks go forward then",
                    "move the start out of the daylight-saving gap");
            return Optional.empty();
        }
        return Optional.of(start.get().atZone(zone.get()));
    }

    private void checkCallsBefore(ZonedDateTime start) {
        for (PendingCallCheck check : callChecks) {
            if (!check.call().resolve(start).isBefore(start.toInstant())) {
                problems.error(check.at(), check.path(), "the call " + check.call() + " is not before the start ("
                        + start.toLocalTime() + ")", "calls come before the show; use a duration such as 4h30m");
            }
        }
    }

    private Optional<DiscordBinding> discord(FieldReader f) {
        OptionalLong guild = f.snowflake("guild", true);
        OptionalLong timeline = f.snowflake("timeline-channel", true);
        OptionalLong calls = f.snowflake("calls-channel", true);
        OptionalLong producers = f.snowflake("producer-role", true);
        OptionalLong pr = f.snowflake("pr-role", true);
        if (guild.isEmpty() || timeline.isEmpty() || calls.isEmpty() || producers.isEmpty() || pr.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DiscordBinding(guild.getAsLong(), timeline.getAsLong(), calls.getAsLong(),
                producers.getAsLong(), pr.getAsLong()));
    }

    private List<Department> departments(FieldReader f) {
        List<Department> result = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        for (FieldReader.Item item : f.items("departments", true)) {
            FieldReader.of(problems, item.node(), item.path(), DEPARTMENT_FIELDS)
                    .flatMap(d -> department(d, seen))
                    .ifPresent(result::add);
        }
        return result;
    }

    private Optional<Department> department(FieldReader d, Map<String, Location> seen) {
        Optional<String> id = d.identifier("id", ID, ID_RULE);
        id.ifPresent(i -> unique(seen, i, d.locationOf("id"), d.pathOf("id"), "department id"));
        Optional<String> name = d.line("name", true, MAX_NAME,
                "/calls offers it as a choice, which holds at most " + MAX_NAME);
        Optional<TimeSpec> call = d.moment("call", true, true);
        call.ifPresent(c -> callChecks.add(new PendingCallCheck(c, d.locationOf("call"), d.pathOf("call"))));
        List<Member> members = members(d);
        OptionalLong role = d.snowflake("role", false);
        if (!d.has("members") && !d.has("role")) {
            problems.error(d.location(), d.path(), "a department needs members, a role, or both",
                    "list user ids under members, or give the role id whose holders are called");
        }
        Optional<Account> lead = d.account("lead", false);
        Optional<String> meetingPoint = meetingPoint(d);
        Optional<String> notes = notes(d);
        List<Duration> reminders = d.durations("reminders");
        Escalation escalation = escalation(d, id.map(i -> "department:" + i).orElse("department"));
        if (id.isEmpty() || name.isEmpty() || call.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Department(id.get(), name.get(), call.get(), members, role, idOf(lead), meetingPoint,
                notes, reminders, lead, escalation));
    }

    private static Optional<String> meetingPoint(FieldReader f) {
        return f.lines("meeting-point", false, MAX_MEETING_POINT, "every call shows it, and the database keeps "
                + MAX_MEETING_POINT);
    }

    private static Optional<String> notes(FieldReader f) {
        return f.lines("notes", false, MAX_NOTES, "a call shows them in an embed field of at most 1024");
    }

    private static OptionalLong idOf(Optional<Account> account) {
        return account.map(Account::id).orElse(OptionalLong.empty());
    }

    private List<Member> members(FieldReader d) {
        List<Member> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (FieldReader.Item item : d.items("members", false)) {
            Optional<Member> member = item.node() instanceof YamlNode.Mapping
                    ? FieldReader.of(problems, item.node(), item.path(), MEMBER_FIELDS).flatMap(this::namedMember)
                    : d.accountOf(item.node(), item.path()).map(a -> Member.asFiled(a, Optional.empty()));
            member.ifPresent(m -> {
                if (seen.add(m.account().ref())) {
                    result.add(m);
                } else {
                    problems.error(item.node().location(), item.path(), "user " + m.account().ref() + " is listed twice");
                }
            });
        }
        return result;
    }

    private Optional<Member> namedMember(FieldReader m) {
        Optional<Account> user = m.account("user", true);
        Optional<String> name = m.line("name", false, MAX_NAME, "the call sheet and /calls show it");
        Optional<String> email = m.email("email");
        return user.map(a -> Member.asFiled(a, name, email));
    }

    /** The first model of each {@link Names#key}, and where her name is. */
    private record FirstName(String name, Location at) {
    }

    private List<Model> models(FieldReader f) {
        List<Model> result = new ArrayList<>();
        Map<String, FirstName> seen = new HashMap<>();
        for (FieldReader.Item item : f.items("models", true)) {
            FieldReader.of(problems, item.node(), item.path(), MODEL_FIELDS)
                    .flatMap(m -> model(m, seen))
                    .ifPresent(result::add);
        }
        return result;
    }

    private Optional<Model> model(FieldReader m, Map<String, FirstName> seen) {
        Optional<String> name = m.line("name", true, MAX_MODEL_NAME,
                "PR picks her in /arrived, /noshow and /replace, whose options hold at most " + MAX_MODEL_NAME);
        if (name.isEmpty()) {
            m.written("name").ifPresent(refusedModelNames::add);
        }
        name.ifPresent(n -> uniqueModel(seen, n, m.locationOf("name"), m.pathOf("name")));
        Optional<Account> user = m.account("user", false);
        Optional<String> agency = m.line("agency", false, MAX_NAME, "an agency's name");
        boolean standby = m.bool("standby", false);
        Optional<TimeSpec> call = m.moment("call", false, true);
        call.ifPresent(c -> callChecks.add(new PendingCallCheck(c, m.locationOf("call"), m.pathOf("call"))));
        Optional<String> email = m.email("email");
        Optional<String> agencyEmail = m.email("agency-email");
        if (agencyEmail.isPresent() && !m.has("email")) {
            problems.warning(m.locationOf("agency-email"), m.pathOf("agency-email"),
                    "an agency-email without her own email: no mail goes out for her, so the agency is copied on none",
                    "give her email too, or take agency-email out");
        }
        return name.map(n -> new Model(n, idOf(user), agency, standby, call, user, email, agencyEmail));
    }

    /**
     * Models (standbys included) are told apart by what PR types: two names that differ only by case,
     * accents or spaces could never both be marked.
     */
    private void uniqueModel(Map<String, FirstName> seen, String name, Location at, String path) {
        FirstName first = seen.putIfAbsent(Names.key(name), new FirstName(name, at));
        if (first == null) {
            return;
        }
        if (first.name().equals(name)) {
            problems.error(at, path, "duplicate model name '" + name + "'", "first given on line " + first.at().line());
        } else {
            problems.error(at, path, "'" + name + "' cannot be told apart from '" + first.name() + "' (line "
                            + first.at().line() + ")",
                    "commands ignore case, accents and spaces in names: make the two names differ otherwise");
        }
    }

    private Optional<ModelCalls> modelCalls(FieldReader m) {
        OptionalInt chairs = m.integer("chairs", true, 1);
        Optional<Duration> prep = m.duration("prep", true).filter(p -> {
            if (p.isZero()) {
                problems.error(m.locationOf("prep"), m.pathOf("prep"), "prep must be longer than zero");
                return false;
            }
            return true;
        });
        Duration buffer = m.duration("buffer", DEFAULT_BUFFER);
        Duration checkIn = m.duration("check-in", DEFAULT_CHECK_IN);
        Optional<String> meetingPoint = meetingPoint(m);
        Optional<Account> lead = m.account("lead", false);
        Optional<String> notes = notes(m);
        List<Duration> reminders = m.durations("reminders");
        Escalation escalation = escalation(m, MODELS_LADDER);
        if (chairs.isEmpty() || prep.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ModelCalls(chairs.getAsInt(), prep.get(), buffer, checkIn, meetingPoint, idOf(lead), notes,
                reminders, lead, escalation));
    }

    private List<Look> looks(FieldReader f, List<Model> models) {
        Map<String, Model> byName = new HashMap<>();
        models.forEach(m -> byName.put(m.name(), m));
        List<Look> result = new ArrayList<>();
        Map<String, Location> seenNumbers = new HashMap<>();
        for (FieldReader.Item item : f.items("looks", true)) {
            FieldReader.of(problems, item.node(), item.path(), LOOK_FIELDS)
                    .flatMap(l -> look(l, byName, seenNumbers))
                    .ifPresent(result::add);
        }
        warnAboutSkippedNumbers(f, result);
        warnAboutModelsWithoutLooks(f, models, result);
        return result;
    }

    private Optional<Look> look(FieldReader l, Map<String, Model> models, Map<String, Location> seenNumbers) {
        OptionalInt number = l.integer("number", true, 1);
        if (number.isPresent()) {
            unique(seenNumbers, String.valueOf(number.getAsInt()), l.locationOf("number"), l.pathOf("number"),
                    "look number");
        }
        Optional<String> model = l.text("model", true).filter(name -> walksLooks(l, models, name));
        Optional<String> description = l.line("description", true, MAX_DESCRIPTION,
                "/look's choices, /lineup and the board show it");
        Optional<Account> dresser = l.account("dresser", false);
        OptionalInt seconds = l.integer("seconds", false, 1);
        if (number.isEmpty() || model.isEmpty() || description.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Look(number.getAsInt(), model.get(), description.get(), idOf(dresser), seconds, dresser));
    }

    private boolean walksLooks(FieldReader l, Map<String, Model> models, String name) {
        Model model = models.get(name);
        if (model == null && refusedModelNames.contains(name)) {
            return false;
        }
        if (model == null) {
            problems.error(l.locationOf("model"), l.pathOf("model"), "no model named '" + name + "' on the roster",
                    Closest.to(name, models.keySet()).map(c -> "did you mean '" + c + "'?")
                            .orElse("add her under models first"));
            return false;
        }
        if (model.standby()) {
            problems.error(l.locationOf("model"), l.pathOf("model"), name + " is a standby and walks no look in the plan",
                    "give the look to a model of the line-up; a standby takes over looks on the day with /replace");
            return false;
        }
        return true;
    }

    private void warnAboutSkippedNumbers(FieldReader f, List<Look> looks) {
        TreeSet<Integer> numbers = new TreeSet<>();
        looks.forEach(l -> numbers.add(l.number()));
        Integer previous = 0;
        for (Integer n : numbers) {
            if (n != previous + 1) {
                problems.warning(f.locationOf("looks"), "looks", "look numbers skip from " + previous + " to " + n,
                        "the numbers are the running order that crew type in /look");
            }
            previous = n;
        }
    }

    private void warnAboutModelsWithoutLooks(FieldReader f, List<Model> models, List<Look> looks) {
        Set<String> walking = new java.util.HashSet<>();
        looks.forEach(l -> walking.add(l.model()));
        for (Model m : models) {
            if (!m.standby() && !walking.contains(m.name())) {
                problems.warning(f.locationOf("models"), "models", m.name() + " walks no look and is not a standby",
                        "give her a look or mark her standby: true");
            }
        }
    }

    private List<Milestone> milestones(FieldReader f) {
        List<Milestone> result = new ArrayList<>();
        for (FieldReader.Item item : f.items("milestones", false)) {
            FieldReader.of(problems, item.node(), item.path(), MILESTONE_FIELDS).ifPresent(m -> {
                Optional<String> name = m.line("name", true, MAX_NAME, "the timeline posts it and the board shows the next");
                Optional<TimeSpec> at = m.moment("at", true, false);
                if (name.isPresent() && at.isPresent()) {
                    result.add(new Milestone(name.get(), at.get()));
                }
            });
        }
        return result;
    }

    private void unique(Map<String, Location> seen, String value, Location at, String path, String what) {
        Location first = seen.putIfAbsent(value, at);
        if (first != null) {
            problems.error(at, path, "duplicate " + what + " '" + value + "'", "first given on line " + first.line());
        }
    }
}

package dev.showcall.show.csv;

import dev.showcall.show.Closest;
import dev.showcall.show.Names;
import dev.showcall.show.Problem;
import dev.showcall.show.Show;
import dev.showcall.show.ShowReader;
import dev.showcall.show.csv.YamlWriter.Literal;
import dev.showcall.show.yaml.Location;
import dev.showcall.show.yaml.YamlNode;
import dev.showcall.show.yaml.YamlTree;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns the lists a production already keeps (the cast list, the running order and the crew list,
 * as CSV) and a small header (the show file's own fields, without models, looks or members) into a
 * show file. The result is read back with {@link ShowReader}, and every problem it finds is told
 * against the CSV row and column, or the header line, it came from.
 */
public final class ShowImport {

    /** Columns of the cast list (models.csv). */
    public static final String MODEL_NAME = "name";
    public static final String MODEL_DISCORD = "discord";
    public static final String MODEL_AGENCY = "agency";
    public static final String MODEL_STANDBY = "standby";
    public static final String MODEL_CALL = "call";
    public static final String MODEL_EMAIL = "email";
    public static final String MODEL_AGENCY_EMAIL = "agency-email";
    /** Columns of the running order (looks.csv). */
    public static final String LOOK_NUMBER = "look";
    public static final String LOOK_MODEL = "model";
    public static final String LOOK_DESCRIPTION = "description";
    public static final String LOOK_DRESSER = "dresser";
    public static final String LOOK_SECONDS = "seconds";
    /** Columns of the crew list (crew.csv). */
    public static final String CREW_DEPARTMENT = "department";
    public static final String CREW_NAME = "name";
    public static final String CREW_DISCORD = "discord";
    public static final String CREW_LEAD = "lead";
    public static final String CREW_EMAIL = "email";

    /** Fields of the show file that come from the CSV files, never from the header. */
    private static final Set<String> FROM_CSV = Set.of("models", "looks");

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Set<String> YES = Set.of("yes", "y", "true", "x", "1");
    private static final Set<String> NO = Set.of("no", "n", "false", "0", "");

    /** One input: the name it is reported under (its path as given) and its text. */
    public record Source(String name, String text) {
    }

    /**
     * What importing gave: the show file's text and the show it reads as when there is no error;
     * otherwise the errors. Warnings either way.
     */
    public record Result(Optional<String> yaml, Optional<Show> show, List<String> errors, List<String> warnings) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    /** Where a part of the show file came from: a CSV row. */
    private record Row(Source file, long row, Map<String, String> columnOf) {
    }

    private static final Map<String, String> MODEL_COLUMNS = Map.of("name", MODEL_NAME, "user", MODEL_DISCORD,
            "agency", MODEL_AGENCY, "standby", MODEL_STANDBY, "call", MODEL_CALL, "email", MODEL_EMAIL,
            "agency-email", MODEL_AGENCY_EMAIL);
    private static final Map<String, String> LOOK_COLUMNS = Map.of("number", LOOK_NUMBER, "model", LOOK_MODEL,
            "description", LOOK_DESCRIPTION, "dresser", LOOK_DRESSER, "seconds", LOOK_SECONDS);
    private static final Map<String, String> MEMBER_COLUMNS = Map.of("user", CREW_DISCORD, "name", CREW_NAME, "email", CREW_EMAIL,
            "", CREW_DISCORD);
    private static final Map<String, String> LEAD_COLUMNS = Map.of("", CREW_LEAD);

    private final Source header;
    private final Source models;
    private final Source looks;
    private final Source crew;
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Row> modelRows = new ArrayList<>();
    private final List<Row> lookRows = new ArrayList<>();
    /** "d.j" (department index, member index) to the crew row; "d" to the crew row naming the lead. */
    private final Map<String, Row> crewRows = new HashMap<>();
    private Optional<YamlNode> headerTree = Optional.empty();
    /** The crew's names as written, for hints. */
    private final List<String> crewNames = new ArrayList<>();

    private ShowImport(Source header, Source models, Source looks, Source crew) {
        this.header = header;
        this.models = models;
        this.looks = looks;
        this.crew = crew;
    }

    /** Imports the four inputs; the file name of the result, {@code out}, is only used in its own messages. */
    public static Result run(Source header, Source models, Source looks, Source crew, String out) {
        return new ShowImport(header, models, looks, crew).run(out);
    }

    private Result run(String out) {
        Optional<Map<String, Object>> show = readHeader();
        Optional<Table> modelTable = table(models, MODEL_NAME);
        Optional<Table> lookTable = table(looks, LOOK_NUMBER, LOOK_MODEL, LOOK_DESCRIPTION);
        Optional<Table> crewTable = table(crew, CREW_DEPARTMENT, CREW_DISCORD);
        if (show.isEmpty() || modelTable.isEmpty() || lookTable.isEmpty() || crewTable.isEmpty()) {
            return new Result(Optional.empty(), Optional.empty(), errors, warnings);
        }
        Map<String, String> crewByName = addCrew(show.get(), crewTable.get());
        List<Object> modelList = models(modelTable.get());
        List<Object> lookList = looks(lookTable.get(), crewByName);
        String yaml = YamlWriter.write(assemble(show.get(), modelList, lookList), comment());
        ShowReader.Reading reading = ShowReader.read(out, yaml);
        for (Problem p : reading.problems()) {
            (p.isError() ? errors : warnings).add(explain(p));
        }
        if (!errors.isEmpty()) {
            return new Result(Optional.empty(), Optional.empty(), errors, warnings);
        }
        return new Result(Optional.of(yaml), reading.show(), errors, warnings);
    }

    private String comment() {
        return "# Imported by `showcall import` from " + header.name() + ", " + models.name() + ", " + looks.name()
                + " and " + crew.name() + ".\n"
                + "# A show file like any other: edit it, or change the lists and import them again.\n";
    }

    // ---- the header

    private Optional<Map<String, Object>> readHeader() {
        YamlTree.Result tree = YamlTree.parse(header.text());
        tree.problems().forEach(p -> errors.add(header.name() + ":" + p.location() + ": " + p.message()));
        if (tree.root().isEmpty() || !tree.problems().isEmpty()) {
            return Optional.empty();
        }
        if (!(tree.root().get() instanceof YamlNode.Mapping root)) {
            errors.add(header.name() + ":" + tree.root().get().location()
                    + ": expected the show's fields (id, name, time-zone, start, discord, departments...)");
            return Optional.empty();
        }
        headerTree = tree.root();
        boolean ok = true;
        for (YamlNode.Entry e : root.entries().values()) {
            if (FROM_CSV.contains(e.key())) {
                errors.add(header.name() + ":" + e.keyLocation() + ": " + e.key() + ": comes from "
                        + (e.key().equals("models") ? models.name() : looks.name()) + " (remove it from the header)");
                ok = false;
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> show = (Map<String, Object>) plain(root);
        return ok ? Optional.of(show) : Optional.empty();
    }

    /** The header's tree as maps, lists and literals that can be changed and written again. */
    private static Object plain(YamlNode node) {
        if (node instanceof YamlNode.Mapping m) {
            Map<String, Object> map = new LinkedHashMap<>();
            m.entries().values().forEach(e -> map.put(e.key(), plain(e.value())));
            return map;
        }
        if (node instanceof YamlNode.Sequence s) {
            List<Object> list = new ArrayList<>();
            s.items().forEach(i -> list.add(plain(i)));
            return list;
        }
        YamlNode.Scalar scalar = (YamlNode.Scalar) node;
        return new Literal(scalar.text(), scalar.type());
    }

    private static Map<String, Object> assemble(Map<String, Object> header, List<Object> modelList, List<Object> lookList) {
        Map<String, Object> show = new LinkedHashMap<>();
        boolean modelsPut = false;
        boolean looksPut = false;
        List<String> keys = new ArrayList<>(header.keySet());
        String looksAfter = keys.contains("seconds-per-look") ? "seconds-per-look" : "model-calls";
        for (String key : keys) {
            show.put(key, header.get(key));
            if (key.equals("departments")) {
                show.put("models", modelList);
                modelsPut = true;
            }
            if (key.equals(looksAfter)) {
                show.put("looks", lookList);
                looksPut = true;
            }
        }
        if (!modelsPut) {
            show.put("models", modelList);
        }
        if (!looksPut) {
            show.put("looks", lookList);
        }
        return show;
    }

    // ---- the CSV files

    /** A CSV file's rows, by lower-case column name. */
    private record Table(Source file, List<CSVRecord> rows, Map<String, String> headers) {
        String get(CSVRecord row, String column) {
            String header = headers.get(column);
            if (header == null || !row.isMapped(header) || !row.isSet(header)) {
                return "";
            }
            return row.get(header).strip();
        }

        /** The row as a spreadsheet numbers it: the header is row 1. */
        static long number(CSVRecord row) {
            return row.getRecordNumber() + 1;
        }
    }

    private Optional<Table> table(Source file, String... required) {
        String text = file.text().startsWith("\uFEFF") ? file.text().substring(1) : file.text();
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_EMPTY)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h : parser.getHeaderNames()) {
                if (h != null && !h.isBlank()) {
                    headers.putIfAbsent(h.strip().toLowerCase(Locale.ROOT), h);
                }
            }
            List<String> missing = java.util.Arrays.stream(required).filter(c -> !headers.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                errors.add(file.name() + ": row 1: no column " + String.join(", ", missing)
                        + (headers.isEmpty() ? " (the first row names the columns)"
                                : " (the columns are " + String.join(", ", headers.keySet()) + ")"));
                return Optional.empty();
            }
            List<CSVRecord> rows = new ArrayList<>();
            for (CSVRecord row : parser) {
                if (row.stream().anyMatch(cell -> cell != null && !cell.isBlank())) {
                    rows.add(row);
                }
            }
            return Optional.of(new Table(file, rows, headers));
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            errors.add(file.name() + ": not a CSV file that can be read: " + csvReason(e));
            return Optional.empty();
        }
    }

    private static String csvReason(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Adds each crew row to its department's members; returns the crew's Discord ids by name key. */
    private Map<String, String> addCrew(Map<String, Object> show, Table table) {
        List<Map<String, Object>> departments = departments(show);
        Map<String, Integer> byKey = new HashMap<>();
        List<String> known = new ArrayList<>();
        for (int d = 0; d < departments.size(); d++) {
            for (String field : List.of("id", "name")) {
                if (departments.get(d).get(field) instanceof Literal l && !l.text().isBlank()) {
                    byKey.putIfAbsent(Names.key(l.text()), d);
                    known.add(l.text());
                }
            }
        }
        Map<String, String> crewByName = new HashMap<>();
        for (CSVRecord row : table.rows()) {
            String department = table.get(row, CREW_DEPARTMENT);
            Integer d = byKey.get(Names.key(department));
            if (d == null) {
                errors.add(cell(table.file(), Table.number(row), CREW_DEPARTMENT)
                        + (department.isEmpty() ? "empty: every crew member belongs to a department"
                                : "no department '" + department + "' in " + header.name())
                        + hint(department, known, "the departments are " + String.join(", ", known)));
                continue;
            }
            Map<String, Object> dept = departments.get(d);
            String name = table.get(row, CREW_NAME);
            String discord = table.get(row, CREW_DISCORD);
            String email = table.get(row, CREW_EMAIL);
            @SuppressWarnings("unchecked")
            List<Object> members = (List<Object>) dept.computeIfAbsent("members", k -> new ArrayList<>());
            Row origin = new Row(table.file(), Table.number(row), MEMBER_COLUMNS);
            crewRows.put(d + "." + members.size(), origin);
            if (name.isEmpty() && email.isEmpty()) {
                members.add(discord);
            } else {
                Map<String, Object> member = new LinkedHashMap<>();
                member.put("user", discord);
                putIfPresent(member, "name", name);
                putIfPresent(member, "email", email);
                members.add(member);
                if (!name.isEmpty()) {
                    crewByName.putIfAbsent(Names.key(name), discord);
                    crewNames.add(name);
                }
            }
            yesNo(table, row, CREW_LEAD).ifPresent(lead -> {
                if (!lead) {
                    return;
                }
                Row earlier = crewRows.get(String.valueOf(d));
                if (earlier != null) {
                    errors.add(cell(table.file(), Table.number(row), CREW_LEAD) + "a department has one lead"
                            + " (row " + earlier.row() + " is already the lead of " + department + ")");
                } else if (dept.containsKey("lead")) {
                    errors.add(cell(table.file(), Table.number(row), CREW_LEAD) + header.name()
                            + " already names the lead of " + department + " (keep one of the two)");
                } else {
                    dept.put("lead", discord);
                    crewRows.put(String.valueOf(d), new Row(table.file(), Table.number(row), LEAD_COLUMNS));
                }
            });
        }
        return crewByName;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> departments(Map<String, Object> show) {
        if (show.get("departments") instanceof List<?> list) {
            return list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
        }
        return List.of();
    }

    private List<Object> models(Table table) {
        List<Object> list = new ArrayList<>();
        for (CSVRecord row : table.rows()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("name", table.get(row, MODEL_NAME));
            putIfPresent(model, "user", table.get(row, MODEL_DISCORD));
            putIfPresent(model, "agency", table.get(row, MODEL_AGENCY));
            yesNo(table, row, MODEL_STANDBY).filter(b -> b).ifPresent(b -> model.put("standby", new Literal("true",
                    YamlNode.ScalarType.BOOLEAN)));
            putIfPresent(model, "call", table.get(row, MODEL_CALL));
            putIfPresent(model, "email", table.get(row, MODEL_EMAIL));
            putIfPresent(model, "agency-email", table.get(row, MODEL_AGENCY_EMAIL));
            modelRows.add(new Row(table.file(), Table.number(row), MODEL_COLUMNS));
            list.add(model);
        }
        return list;
    }

    private List<Object> looks(Table table, Map<String, String> crewByName) {
        List<Object> list = new ArrayList<>();
        for (CSVRecord row : table.rows()) {
            Map<String, Object> look = new LinkedHashMap<>();
            look.put("number", number(table.get(row, LOOK_NUMBER)));
            look.put("model", table.get(row, LOOK_MODEL));
            look.put("description", table.get(row, LOOK_DESCRIPTION));
            String dresser = table.get(row, LOOK_DRESSER);
            if (DIGITS.matcher(dresser).matches()) {
                look.put("dresser", dresser);
            } else if (!dresser.isEmpty()) {
                String id = crewByName.get(Names.key(dresser));
                if (id == null) {
                    errors.add(cell(table.file(), Table.number(row), LOOK_DRESSER) + "no one named '" + dresser
                            + "' in " + crew.name() + hint(dresser, crewNames,
                                    "give a crew member's name or a Discord id"));
                } else {
                    look.put("dresser", id);
                }
            }
            String seconds = table.get(row, LOOK_SECONDS);
            if (!seconds.isEmpty()) {
                look.put("seconds", number(seconds));
            }
            lookRows.add(new Row(table.file(), Table.number(row), LOOK_COLUMNS));
            list.add(look);
        }
        return list;
    }

    private static Object number(String text) {
        return DIGITS.matcher(text).matches() ? new Literal(text, YamlNode.ScalarType.INTEGER) : text;
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (!value.isEmpty()) {
            map.put(key, value);
        }
    }

    private Optional<Boolean> yesNo(Table table, CSVRecord row, String column) {
        String value = table.get(row, column).toLowerCase(Locale.ROOT);
        if (YES.contains(value)) {
            return Optional.of(true);
        }
        if (NO.contains(value)) {
            return Optional.of(false);
        }
        errors.add(cell(table.file(), Table.number(row), column) + "'" + table.get(row, column)
                + "' is neither yes nor no (leave it empty for no)");
        return Optional.empty();
    }

    private static String cell(Source file, long row, String column) {
        return file.name() + ": row " + row + ", column " + column + ": ";
    }

    private static String hint(String input, List<String> candidates, String otherwise) {
        return " (" + Closest.to(input, candidates).map(c -> "did you mean '" + c + "'?").orElse(otherwise) + ")";
    }

    // ---- problems of the show file, told where they came from

    private static final Pattern INDEXED = Pattern.compile("(models|looks)\\[(\\d+)](?:\\.([a-z-]+))?.*");
    private static final Pattern MEMBER = Pattern.compile("departments\\[(\\d+)]\\.members\\[(\\d+)](?:\\.([a-z-]+))?.*");
    private static final Pattern LEAD = Pattern.compile("departments\\[(\\d+)]\\.lead");

    private String explain(Problem p) {
        String rest = (p.isError() ? "" : "warning: ") + p.message() + p.hint().map(h -> " (" + h + ")").orElse("");
        Matcher m = INDEXED.matcher(p.path());
        if (m.matches()) {
            Row row = (m.group(1).equals("models") ? modelRows : lookRows).get(Integer.parseInt(m.group(2)));
            return at(row, m.group(3)) + rest;
        }
        m = MEMBER.matcher(p.path());
        if (m.matches() && crewRows.containsKey(m.group(1) + "." + m.group(2))) {
            return at(crewRows.get(m.group(1) + "." + m.group(2)), m.group(3)) + rest;
        }
        m = LEAD.matcher(p.path());
        if (m.matches() && crewRows.containsKey(m.group(1))) {
            return at(crewRows.get(m.group(1)), "") + rest;
        }
        if (p.path().equals("models") || p.path().equals("looks")) {
            return (p.path().equals("models") ? models : looks).name() + ": " + rest;
        }
        return header.name() + ":" + headerLocation(p.path()) + ": " + (p.path().isEmpty() ? "" : p.path() + ": ") + rest;
    }

    private static String at(Row row, String field) {
        String column = row.columnOf().get(field == null ? "" : field);
        return row.file().name() + ": row " + row.row() + (column == null ? "" : ", column " + column) + ": ";
    }

    /** The header's line and column for a field path, or of the nearest field around it that the header has. */
    private Location headerLocation(String path) {
        if (headerTree.isEmpty()) {
            return Location.START;
        }
        YamlNode node = headerTree.get();
        Matcher token = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]").matcher(path);
        while (token.find()) {
            YamlNode next = null;
            if (token.group(1) != null && node instanceof YamlNode.Mapping m && m.entries().containsKey(token.group(1))) {
                next = m.entries().get(token.group(1)).value();
            } else if (token.group(2) != null && node instanceof YamlNode.Sequence s
                    && Integer.parseInt(token.group(2)) < s.items().size()) {
                next = s.items().get(Integer.parseInt(token.group(2)));
            }
            if (next == null) {
                break;
            }
            node = next;
        }
        return node.location();
    }
}

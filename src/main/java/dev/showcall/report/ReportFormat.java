package dev.showcall.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The report as a person reads it (Markdown), as a spreadsheet (CSV) or as data (JSON). */
public enum ReportFormat {
    MD("md"), CSV("csv"), JSON("json");

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    /** The CSV's columns: one file, each row saying which part of the report it belongs to. */
    public static final List<String> CSV_COLUMNS = List.of("section", "number", "name", "group", "planned",
            "actual", "minutes", "detail");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The file name the report goes under in a folder: {@code <show>-report.md}. */
    public String fileName(String showId) {
        return showId + "-report." + extension;
    }

    public String render(ShowReport report) {
        return switch (this) {
            case MD -> markdown(report);
            case CSV -> csv(report);
            case JSON -> json(report);
        };
    }

    // --- Markdown ---------------------------------------------------------------------------------------------------

    private static String markdown(ShowReport r) {
        ZoneId zone = r.zone();
        StringBuilder md = new StringBuilder();
        ShowReport.Start s = r.start();
        md.append("# After-show report · ").append(r.showName()).append("\n\n");
        md.append("## The start\n\n");
        md.append("- Planned start: ").append(clock(s.planned(), zone)).append('\n');
        if (!s.delays().isEmpty()) {
            md.append("- Delayed to: ").append(clock(s.delayed(), zone)).append('\n');
            for (ShowReport.DelayLine d : s.delays()) {
                md.append("  - ").append(signed(d.minutes())).append(" min at ").append(clock(d.declaredAt(), zone))
                        .append(": ").append(d.reason()).append('\n');
            }
        }
        md.append("- First look out: ").append(s.actual().map(a -> clock(a, zone) + " ("
                + late(s.lateness().orElseThrow()) + " against the plan)").orElse("no look walked")).append('\n');
        s.finale().ifPresent(f -> md.append("- Finale planned: ").append(clock(f, zone)).append('\n'));
        s.lastWalk().ifPresent(l -> md.append("- Last look out: ").append(clock(l, zone)).append('\n'));

        md.append("\n## People\n\n");
        List<ShowReport.Person> late = r.latePeople();
        md.append(late.size()).append(" late, ").append(r.people().stream().filter(ShowReport.Person::noShow).count())
                .append(" no-show, ").append(r.people().stream().filter(ShowReport.Person::unreachableByDm).count())
                .append(" not reachable by DM, out of ").append(r.people().size()).append(" called.\n\n");
        md.append("| who | department | agency | call | confirmed | arrived | late | note |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (ShowReport.Person p : r.people()) {
            md.append("| ").append(cell(p.who())).append(" | ").append(cell(p.department())).append(" | ")
                    .append(cell(p.agency().orElse(""))).append(" | ").append(clock(p.call(), zone)).append(" | ")
                    .append(p.confirmation().map(c -> c.name().toLowerCase().replace('_', ' ') + " "
                            + clock(p.confirmedAt().orElseThrow(), zone)).orElse("")).append(" | ")
                    .append(p.arrivedAt().map(a -> clock(a, zone)).orElse("")).append(" | ")
                    .append(p.late().map(d -> d.toMinutes() + " min").orElse("")).append(" | ")
                    .append(cell(note(p))).append(" |\n");
        }
        md.append("\n### Lateness by department\n\n");
        lateness(md, "department", r.byDepartment());
        md.append("\n### Lateness by agency\n\n");
        lateness(md, "agency", r.byAgency());

        md.append("\n## Preparation\n\n");
        ShowReport.ChairPace chairs = r.chairs();
        md.append("The plan gave each model ").append(chairs.plannedPrep().toMinutes()).append(" min in ")
                .append(chairs.chairs()).append(" chairs; from arrival to the last chair step took ")
                .append(chairs.averagePrep().map(d -> d.toMinutes() + " min").orElse("(not measured)"))
                .append(" on average over ").append(chairs.modelsMeasured()).append(" models.\n\n");
        md.append("| model | arrived | hair | makeup | nails |\n|---|---|---|---|---|\n");
        for (ShowReport.ModelPrep p : r.preparation()) {
            md.append("| ").append(cell(p.model())).append(" | ").append(p.arrivedAt().map(a -> clock(a, zone))
                    .orElse("")).append(" | ").append(mins(p.hair())).append(" | ").append(mins(p.makeup()))
                    .append(" | ").append(mins(p.nails())).append(" |\n");
        }
        List<ShowReport.LookLine> unready = r.walkedUnready();
        md.append("\nLooks that walked unready: ").append(unready.isEmpty() ? "none"
                : unready.stream().map(l -> String.valueOf(l.number())).collect(Collectors.joining(", ")))
                .append(".\n");

        md.append("\n## The running order as walked\n\n");
        md.append("| look | worn by | planned | out | against plan | ready before |\n|---|---|---|---|---|---|\n");
        for (ShowReport.LookLine l : r.looks()) {
            md.append("| ").append(l.number()).append(" | ").append(cell(l.wornBy()))
                    .append(l.replaced() ? " (for " + cell(l.plannedModel()) + ")" : "").append(" | ")
                    .append(clock(l.plannedAt(), zone)).append(" | ")
                    .append(l.walkedAt().map(w -> clock(w, zone)).orElse("not walked")).append(" | ")
                    .append(l.offset().map(ReportFormat::late).orElse("")).append(" | ")
                    .append(l.walkedUnready() ? "⚠️ unready" : l.readyBefore().map(d -> d.toMinutes() + " min")
                            .orElse("")).append(" |\n");
        }

        md.append("\n## Delivery\n\n");
        ShowReport.Delivery d = r.delivery();
        md.append("- Pings sent: ").append(d.pings()).append('\n');
        md.append("- Sent late: ").append(d.sentLate().size()).append('\n');
        for (ShowReport.PingLine p : d.sentLate()) {
            md.append("  - ").append(cell(p.who())).append(" (").append(p.ping()).append("): ")
                    .append(p.late().toMinutes()).append(" min late")
                    .append(p.detail().map(x -> ", " + x).orElse("")).append('\n');
        }
        ShowReport.Reached by = d.reached();
        md.append("- Calls reached people by DM: ").append(by.dm()).append(", by email: ").append(by.email())
                .append(", in the calls channel (DMs closed): ").append(by.callsChannel())
                .append(", by name (not linked): ").append(by.byName()).append(", through a role: ").append(by.role())
                .append(", nobody (PR marked them in): ").append(by.nobody()).append('\n');
        md.append("- Failed (never taken by Discord): ").append(d.failed()).append('\n');
        md.append("- Sent to the calls channel instead of a DM: ").append(d.toChannel()).append('\n');
        md.append("- Reminders dropped: ").append(d.dropped()).append('\n');
        md.append("- Called and never confirmed: ").append(d.notConfirmed().size())
                .append(d.notConfirmed().isEmpty() ? "" : " (" + String.join(", ", d.notConfirmed()) + ")")
                .append('\n');
        return md.toString();
    }

    private static void lateness(StringBuilder md, String what, List<ShowReport.Lateness> groups) {
        md.append("| ").append(what).append(" | people | arrived | late | minutes late | no-shows |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (ShowReport.Lateness g : groups) {
            md.append("| ").append(cell(g.group())).append(" | ").append(g.people()).append(" | ").append(g.arrived())
                    .append(" | ").append(g.late()).append(" | ").append(g.lateMinutes()).append(" | ")
                    .append(g.noShows()).append(" |\n");
        }
    }

    private static String note(ShowReport.Person p) {
        List<String> notes = new ArrayList<>();
        if (p.noShow()) {
            notes.add("no-show");
        }
        p.replacedBy().ifPresent(by -> notes.add("replaced by " + by));
        if (p.unreachableByDm()) {
            notes.add("not reachable by DM");
        }
        return String.join("; ", notes);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String mins(Optional<Duration> d) {
        return d.map(x -> x.toMinutes() + " min").orElse("");
    }

    private static String late(Duration d) {
        long m = d.toMinutes();
        return m == 0 ? "on time" : Math.abs(m) + " min " + (m > 0 ? "late" : "early");
    }

    private static String signed(int minutes) {
        return minutes > 0 ? "+" + minutes : String.valueOf(minutes);
    }

    static String clock(Instant at, ZoneId zone) {
        return CLOCK.format(at.atZone(zone));
    }

    // --- CSV --------------------------------------------------------------------------------------------------------

    private static String csv(ShowReport r) {
        ZoneId zone = r.zone();
        StringBuilder csv = new StringBuilder();
        row(csv, CSV_COLUMNS);
        ShowReport.Start s = r.start();
        row(csv, List.of("start", "", r.showName(), "", stamp(s.planned(), zone), s.actual().map(a -> stamp(a, zone))
                .orElse(""), s.lateness().map(d -> String.valueOf(d.toMinutes())).orElse(""), ""));
        for (ShowReport.DelayLine d : s.delays()) {
            row(csv, List.of("delay", "", "", "", "", stamp(d.declaredAt(), zone), String.valueOf(d.minutes()),
                    d.reason()));
        }
        for (ShowReport.Person p : r.people()) {
            row(csv, List.of("person", "", p.who(), p.department(), stamp(p.call(), zone),
                    p.arrivedAt().map(a -> stamp(a, zone)).orElse(""),
                    p.late().map(d -> String.valueOf(d.toMinutes())).orElse(""), note(p)));
        }
        for (ShowReport.Lateness g : r.byDepartment()) {
            row(csv, List.of("department", "", g.group(), "", "", "", String.valueOf(g.lateMinutes()),
                    g.late() + " late of " + g.people()));
        }
        for (ShowReport.Lateness g : r.byAgency()) {
            row(csv, List.of("agency", "", g.group(), "", "", "", String.valueOf(g.lateMinutes()),
                    g.late() + " late of " + g.people()));
        }
        for (ShowReport.ModelPrep p : r.preparation()) {
            row(csv, List.of("preparation", "", p.model(), "", "", p.arrivedAt().map(a -> stamp(a, zone)).orElse(""),
                    p.total().map(d -> String.valueOf(d.toMinutes())).orElse(""), ""));
        }
        for (ShowReport.LookLine l : r.looks()) {
            row(csv, List.of("look", String.valueOf(l.number()), l.wornBy(), l.plannedModel(),
                    stamp(l.plannedAt(), zone), l.walkedAt().map(w -> stamp(w, zone)).orElse(""),
                    l.offset().map(d -> String.valueOf(d.toMinutes())).orElse(""),
                    l.walkedUnready() ? "walked unready" : ""));
        }
        for (ShowReport.PingLine p : r.delivery().sentLate()) {
            row(csv, List.of("ping late", "", p.who(), p.ping(), stamp(p.dueAt(), zone), "",
                    String.valueOf(p.late().toMinutes()), p.detail().orElse("")));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(ReportFormat::quote).collect(Collectors.joining(","))).append("\r\n");
    }

    /** RFC 4180: a cell with a comma, a quote or a line break is quoted, its quotes doubled. */
    private static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    private static String stamp(Instant at, ZoneId zone) {
        return STAMP.format(at.atZone(zone).toOffsetDateTime());
    }

    // --- JSON -------------------------------------------------------------------------------------------------------

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static String json(ShowReport r) {
        ZoneId zone = r.zone();
        ObjectNode root = JSON_MAPPER.createObjectNode();
        root.put("show", r.showId()).put("name", r.showName()).put("timeZone", zone.getId());
        ShowReport.Start s = r.start();
        ObjectNode start = root.putObject("start");
        start.put("planned", stamp(s.planned(), zone)).put("delayed", stamp(s.delayed(), zone));
        s.actual().ifPresent(a -> start.put("actual", stamp(a, zone)));
        s.lateness().ifPresent(d -> start.put("lateMinutes", d.toMinutes()));
        s.finale().ifPresent(f -> start.put("finale", stamp(f, zone)));
        s.lastWalk().ifPresent(l -> start.put("lastWalk", stamp(l, zone)));
        ArrayNode delays = start.putArray("delays");
        s.delays().forEach(d -> delays.addObject().put("declaredAt", stamp(d.declaredAt(), zone))
                .put("minutes", d.minutes()).put("reason", d.reason()));
        ArrayNode people = root.putArray("people");
        for (ShowReport.Person p : r.people()) {
            ObjectNode n = people.addObject().put("who", p.who()).put("kind", p.kind().name())
                    .put("department", p.department()).put("call", stamp(p.call(), zone))
                    .put("noShow", p.noShow()).put("unreachableByDm", p.unreachableByDm());
            p.agency().ifPresent(a -> n.put("agency", a));
            p.confirmation().ifPresent(c -> n.put("confirmation", c.name()));
            p.arrivedAt().ifPresent(a -> n.put("arrived", stamp(a, zone)));
            p.late().ifPresent(d -> n.put("lateMinutes", d.toMinutes()));
            p.replacedBy().ifPresent(b -> n.put("replacedBy", b));
        }
        lateness(root.putArray("latenessByDepartment"), r.byDepartment());
        lateness(root.putArray("latenessByAgency"), r.byAgency());
        ObjectNode chairs = root.putObject("chairs").put("chairs", r.chairs().chairs())
                .put("plannedPrepMinutes", r.chairs().plannedPrep().toMinutes())
                .put("modelsMeasured", r.chairs().modelsMeasured());
        r.chairs().averagePrep().ifPresent(d -> chairs.put("averagePrepMinutes", d.toMinutes()));
        ArrayNode prep = root.putArray("preparation");
        for (ShowReport.ModelPrep p : r.preparation()) {
            ObjectNode n = prep.addObject().put("model", p.model());
            p.arrivedAt().ifPresent(a -> n.put("arrived", stamp(a, zone)));
            p.hair().ifPresent(d -> n.put("hairMinutes", d.toMinutes()));
            p.makeup().ifPresent(d -> n.put("makeupMinutes", d.toMinutes()));
            p.nails().ifPresent(d -> n.put("nailsMinutes", d.toMinutes()));
        }
        ArrayNode looks = root.putArray("looks");
        for (ShowReport.LookLine l : r.looks()) {
            ObjectNode n = looks.addObject().put("number", l.number()).put("description", l.description())
                    .put("plannedModel", l.plannedModel()).put("wornBy", l.wornBy())
                    .put("planned", stamp(l.plannedAt(), zone)).put("walkedUnready", l.walkedUnready());
            l.walkedAt().ifPresent(w -> n.put("walked", stamp(w, zone)));
            l.readyAt().ifPresent(w -> n.put("ready", stamp(w, zone)));
            l.offset().ifPresent(d -> n.put("offsetSeconds", d.toSeconds()));
        }
        ShowReport.Delivery d = r.delivery();
        ObjectNode delivery = root.putObject("delivery").put("pings", d.pings()).put("failed", d.failed())
                .put("toChannel", d.toChannel()).put("dropped", d.dropped());
        ShowReport.Reached by = d.reached();
        delivery.putObject("reached").put("dm", by.dm()).put("email", by.email())
                .put("callsChannel", by.callsChannel()).put("byName", by.byName()).put("role", by.role())
                .put("nobody", by.nobody());
        ArrayNode late = delivery.putArray("sentLate");
        d.sentLate().forEach(p -> {
            ObjectNode n = late.addObject().put("who", p.who()).put("ping", p.ping())
                    .put("lateSeconds", p.late().toSeconds());
            p.detail().ifPresent(x -> n.put("detail", x));
        });
        ArrayNode notConfirmed = delivery.putArray("notConfirmed");
        d.notConfirmed().forEach(notConfirmed::add);
        try {
            return JSON_MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A tree of plain values always writes as JSON", e);
        }
    }

    private static void lateness(ArrayNode array, List<ShowReport.Lateness> groups) {
        groups.forEach(g -> array.addObject().put("group", g.group()).put("people", g.people())
                .put("arrived", g.arrived()).put("late", g.late()).put("lateMinutes", g.lateMinutes())
                .put("noShows", g.noShows()));
    }
}

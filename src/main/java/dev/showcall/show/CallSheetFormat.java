package dev.showcall.show;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The call sheet as a person or a spreadsheet reads it, in the show's local time. */
public enum CallSheetFormat {

    TABLE {
        @Override
        public String render(CallSheet sheet) {
            return new TableRenderer(sheet).render();
        }
    },
    CSV {
        @Override
        public String render(CallSheet sheet) {
            StringBuilder out = new StringBuilder(
                    "local_time,utc_time,offset,department,who,kind,user_id,role_id,wave,reason,reminders\r\n");
            for (Call c : sheet.calls()) {
                out.append(String.join(",", List.of(
                        local(sheet, c.at()).toLocalDateTime().toString(),
                        c.at().toString(),
                        Durations.formatOffset(c.beforeStart().negated()),
                        csv(c.departmentName()),
                        csv(c.who()),
                        c.kind().name().toLowerCase(Locale.ROOT),
                        c.userId().isPresent() ? String.valueOf(c.userId().getAsLong()) : "",
                        c.roleId().isPresent() ? String.valueOf(c.roleId().getAsLong()) : "",
                        c.wave().isPresent() ? String.valueOf(c.wave().getAsInt()) : "",
                        csv(c.reason()),
                        csv(reminders(c)))))
                        .append("\r\n");
            }
            return out.toString();
        }
    },
    JSON {
        @Override
        public String render(CallSheet sheet) {
            try {
                return JSON_MAPPER.writeValueAsString(JsonView.of(sheet)) + System.lineSeparator();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the call sheet could not be written as JSON", e);
            }
        }
    };

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public abstract String render(CallSheet sheet);

    static ZonedDateTime local(CallSheet sheet, Instant at) {
        return at.atZone(sheet.show().zone());
    }

    static String reminders(Call c) {
        return c.reminders().stream().map(Durations::format).collect(Collectors.joining(", "));
    }

    /** RFC 4180: quote a field that holds a comma, a quote or a line break. */
    static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /** The JSON document, built from plain maps so the field names are ours and stable. */
    private static final class JsonView {

        static Map<String, Object> of(CallSheet sheet) {
            Show show = sheet.show();
            Map<String, Object> root = new LinkedHashMap<>();
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", show.id());
            s.put("name", show.name());
            s.put("venue", show.venue());
            s.put("timeZone", show.zone().getId());
            s.put("start", show.zonedStart().toOffsetDateTime().toString());
            s.put("startUtc", show.startInstant().toString());
            root.put("show", s);
            List<Map<String, Object>> calls = new ArrayList<>();
            for (Call c : sheet.calls()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("key", c.key());
                m.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
                m.put("department", c.departmentId());
                m.put("departmentName", c.departmentName());
                m.put("who", c.who());
                m.put("userId", c.userId().isPresent() ? String.valueOf(c.userId().getAsLong()) : null);
                m.put("roleId", c.roleId().isPresent() ? String.valueOf(c.roleId().getAsLong()) : null);
                m.put("at", local(sheet, c.at()).toOffsetDateTime().toString());
                m.put("atUtc", c.at().toString());
                m.put("offset", Durations.formatOffset(c.beforeStart().negated()));
                m.put("wave", c.wave().isPresent() ? c.wave().getAsInt() : null);
                m.put("reason", c.reason());
                m.put("remindersUtc", c.reminderInstants().stream().map(Instant::toString).toList());
                calls.add(m);
            }
            root.put("calls", calls);
            root.put("waves", sheet.waves().stream().map(w -> Map.of(
                    "number", w.number(),
                    "call", local(sheet, w.call()).toOffsetDateTime().toString(),
                    "chairs", local(sheet, w.chairs()).toOffsetDateTime().toString(),
                    "models", w.models())).toList());
            root.put("quickChanges", sheet.quickChanges().stream().map(q -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("model", q.model());
                m.put("fromLook", q.fromLook());
                m.put("toLook", q.toLook());
                m.put("gapSeconds", q.gap().toSeconds());
                m.put("underThreshold", q.underThreshold());
                return m;
            }).toList());
            root.put("milestones", sheet.milestones().stream().map(ms -> Map.of(
                    "name", ms.name(),
                    "at", local(sheet, ms.at()).toOffsetDateTime().toString())).toList());
            return root;
        }
    }

    /** A fixed-width table for a terminal or a printed call sheet. */
    private static final class TableRenderer {

        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.UK);
        private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
        private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.UK);

        private final CallSheet sheet;
        private final Show show;
        private final StringBuilder out = new StringBuilder();

        TableRenderer(CallSheet sheet) {
            this.sheet = sheet;
            this.show = sheet.show();
        }

        String render() {
            header();
            calls();
            milestones();
            quickChanges();
            escalation();
            return out.toString();
        }

        private void header() {
            ZonedDateTime start = show.zonedStart();
            line(show.name() + (show.venue().isEmpty() ? "" : " · " + show.venue()));
            line("Start " + DAY.format(start) + " " + TIME.format(start) + " ("
                    + show.zone().getId() + ", " + ZONE_NAME.format(start) + ")"
                    + show.doors().map(d -> " · doors " + when(show.resolve(d))).orElse(""));
            ModelCalls mc = show.modelCalls();
            long staggered = sheet.waves().stream().mapToLong(w -> w.models().size()).sum();
            line("Models: " + staggered + " in " + sheet.waves().size() + (sheet.waves().size() == 1 ? " wave" : " waves")
                    + " of up to " + mc.chairs() + " chairs, " + Durations.format(mc.prep()) + " each, all ready by "
                    + when(show.startInstant().minus(mc.buffer())));
            line("");
        }

        private void calls() {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"TIME", "OFFSET", "DEPARTMENT", "WHO", "WHY", "REMINDERS"});
            for (Call c : sheet.calls()) {
                rows.add(new String[] {when(c.at()), Durations.formatOffset(c.beforeStart().negated()),
                        c.departmentName(), c.who(), c.reason(),
                        c.reminders().isEmpty() ? "-" : reminders(c) + " before"});
            }
            table(rows);
        }

        private void milestones() {
            if (sheet.milestones().isEmpty()) {
                return;
            }
            line("");
            line("Milestones");
            List<String[]> rows = new ArrayList<>();
            for (CallSheet.TimedMilestone m : sheet.milestones()) {
                rows.add(new String[] {when(m.at()), Durations.formatOffset(Duration.between(show.startInstant(), m.at())),
                        m.name()});
            }
            table(rows);
        }

        private void quickChanges() {
            line("");
            List<QuickChange> flagged = sheet.flaggedQuickChanges();
            line("Quick changes under " + Durations.format(show.quickChangeThreshold()) + ": "
                    + (flagged.isEmpty() ? "none" : flagged.size()));
            for (QuickChange q : flagged) {
                line("  ! " + q.model() + ": look " + q.fromLook() + " to look " + q.toLook() + ", "
                        + Durations.format(q.gap()) + " to change");
            }
            List<QuickChange> others = sheet.quickChanges().stream().filter(q -> !q.underThreshold()).toList();
            if (!others.isEmpty()) {
                line("Other changes: " + others.stream()
                        .map(q -> q.model() + " " + q.fromLook() + "→" + q.toLook() + " " + Durations.format(q.gap()))
                        .collect(Collectors.joining("; ")));
            }
        }

        /** Each department's ladders, and the models': "20m dm-again · 40m dm-lead", waits counted from the call. */
        private void escalation() {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"DEPARTMENT", "NOT CONFIRMED", "NOT ARRIVED"});
            for (Department d : show.departments()) {
                rows.add(ladders(d.name(), d.escalation().over(show.escalation())));
            }
            rows.add(ladders(CallPlanner.MODELS_DEPARTMENT_NAME, show.modelCalls().escalation().over(show.escalation())));
            if (rows.stream().skip(1).allMatch(r -> r[1].equals("-") && r[2].equals("-"))) {
                return;
            }
            line("");
            line("Escalation (each wait counted from the call)");
            table(rows);
        }

        private static String[] ladders(String who, Escalation escalation) {
            return new String[] {who, ladder(escalation.ladder(Escalation.Condition.NOT_CONFIRMED)),
                    ladder(escalation.ladder(Escalation.Condition.NOT_ARRIVED))};
        }

        private static String ladder(List<Escalation.Step> steps) {
            return steps.isEmpty() ? "-" : steps.stream()
                    .map(s -> Durations.format(s.after()) + " " + s.action().label())
                    .collect(Collectors.joining(" · "));
        }

        private String when(Instant at) {
            ZonedDateTime local = local(sheet, at);
            return local.toLocalDate().equals(show.start().toLocalDate())
                    ? TIME.format(local)
                    : OTHER_DAY.format(local);
        }

        private void table(List<String[]> rows) {
            int columns = rows.get(0).length;
            int[] widths = new int[columns];
            for (String[] row : rows) {
                for (int i = 0; i < columns; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            for (String[] row : rows) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < columns; i++) {
                    sb.append(i == columns - 1 ? row[i] : pad(row[i], widths[i] + 2));
                }
                line(sb.toString().stripTrailing());
            }
        }

        private static String pad(String s, int width) {
            return s + " ".repeat(Math.max(0, width - s.length()));
        }

        private void line(String s) {
            out.append(s).append(System.lineSeparator());
        }
    }
}

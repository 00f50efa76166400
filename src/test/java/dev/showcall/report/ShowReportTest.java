package dev.showcall.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.store.FreshDatabase;
import dev.showcall.store.ReportReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The report of a played-out day ({@link PlayedOutDay}): each figure is checked against what this
 * test computes from the database's own tables, read with plain SQL.
 */
@DisplayName("The after-show report of a played-out day")
class ShowReportTest {

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    private PlayedOutDay day;
    private ShowReport report;

    @BeforeEach
    void playTheDay() throws Exception {
        day = PlayedOutDay.load().playInto(db.database());
        report = db.inTransaction(c -> new ReportReader().read(c, day.id())).map(ReportBuilder::build).orElseThrow();
    }

    @Test
    @DisplayName("gives the planned start, the delay with its reason and the first look out as the actual start")
    void start() {
        // given the delay and the walks in the database
        Instant firstWalk = db.inTransaction(c -> instants(c, "SELECT MIN(walked_at) FROM look_walk WHERE show_id = ?")
                .get(0));

        // then the start is planned, delayed by the declared minutes, and actual at the first walk
        assertThat(report.start().planned()).isEqualTo(day.show.startInstant());
        assertThat(report.start().delayed()).isEqualTo(day.show.startInstant().plus(
                Duration.ofMinutes(PlayedOutDay.DELAY_MINUTES)));
        assertThat(report.start().actual()).hasValue(firstWalk);
        assertThat(report.start().lateness()).hasValue(Duration.ofMinutes(PlayedOutDay.DELAY_MINUTES + 2));
        assertThat(report.start().delays()).singleElement().satisfies(d -> {
            assertThat(d.minutes()).isEqualTo(PlayedOutDay.DELAY_MINUTES);
            assertThat(d.reason()).isEqualTo(PlayedOutDay.DELAY_REASON);
        });
        assertThat(report.start().finale()).isPresent();
    }

    @Test
    @DisplayName("counts who was late and by how much, per department, as the arrivals against the moved calls say")
    void latenessByDepartment() {
        // given the lateness of every arrival computed from the tables: arrival minus (call plus the delay)
        Map<String, long[]> expected = db.inTransaction(c -> lateByGroup(c, """
                SELECT p.department_name, p.call_at, a.arrived_at
                  FROM planned_call p LEFT JOIN arrival a ON a.show_id = p.show_id AND a.subject_key = p.call_key
                 WHERE p.show_id = ?"""));

        // then the report's departments say the same
        Map<String, long[]> reported = new TreeMap<>();
        report.byDepartment().forEach(g -> reported.put(g.group(), new long[] {g.late(), g.lateMinutes()}));
        assertThat(reported).containsOnlyKeys(expected.keySet());
        expected.forEach((dept, figures) -> assertThat(reported.get(dept)).as(dept).containsExactly(figures));
        assertThat(report.latePeople()).extracting(ShowReport.Person::who).contains(PlayedOutDay.LATE_MODEL);
        assertThat(report.people()).filteredOn(p -> p.who().equals(PlayedOutDay.LATE_MODEL)).singleElement()
                .satisfies(p -> assertThat(p.late()).hasValue(Duration.ofMinutes(18)));
        assertThat(expected.values().stream().mapToLong(f -> f[0]).sum()).as("the day has late people").isGreaterThan(2);
    }

    @Test
    @DisplayName("counts late models and their minutes per agency, as the show file's agencies and the arrivals say")
    void latenessByAgency() {
        // given each model's agency from the show file and her lateness from the tables
        Map<String, String> agencyOf = new HashMap<>();
        day.show.models().forEach(m -> agencyOf.put("model:" + m.name(), m.agency().orElse(ReportBuilder.NO_AGENCY)));
        Map<String, long[]> expected = db.inTransaction(c -> {
            Map<String, long[]> byAgency = new TreeMap<>();
            for (Object[] row : rows(c, """
                    SELECT p.call_key, p.call_at, a.arrived_at
                      FROM planned_call p LEFT JOIN arrival a ON a.show_id = p.show_id AND a.subject_key = p.call_key
                     WHERE p.show_id = ? AND p.kind = 'MODEL'""")) {
                long[] figures = byAgency.computeIfAbsent(agencyOf.get((String) row[0]), k -> new long[2]);
                addLateness(figures, (Instant) row[1], (Instant) row[2]);
            }
            return byAgency;
        });

        // then the report's agencies say the same
        Map<String, long[]> reported = new TreeMap<>();
        report.byAgency().forEach(g -> reported.put(g.group(), new long[] {g.late(), g.lateMinutes()}));
        assertThat(reported).containsOnlyKeys(expected.keySet());
        expected.forEach((agency, figures) -> assertThat(reported.get(agency)).as(agency).containsExactly(figures));
    }

    @Test
    @DisplayName("lists the running order as walked, with the standby in the no-show's looks")
    void asWalked() {
        // given the walks as stored
        List<Object[]> walks = db.inTransaction(c -> rows(c,
                "SELECT look_number, model_name, walked_at FROM look_walk WHERE show_id = ? ORDER BY look_number"));

        // then every look is in the report, worn by whoever the walk says, at the time it says
        assertThat(report.looks()).hasSize(walks.size());
        for (int i = 0; i < walks.size(); i++) {
            ShowReport.LookLine line = report.looks().get(i);
            assertThat(line.number()).isEqualTo(((Number) walks.get(i)[0]).intValue());
            assertThat(line.wornBy()).isEqualTo(walks.get(i)[1]);
            assertThat(line.walkedAt()).hasValue((Instant) walks.get(i)[2]);
        }
        List<Integer> herLooks = day.show.looksOf(PlayedOutDay.NO_SHOW).stream().map(l -> l.number()).toList();
        assertThat(report.looks()).filteredOn(ShowReport.LookLine::replaced)
                .allSatisfy(l -> {
                    assertThat(l.wornBy()).isEqualTo(PlayedOutDay.STANDBY);
                    assertThat(l.plannedModel()).isEqualTo(PlayedOutDay.NO_SHOW);
                })
                .extracting(ShowReport.LookLine::number).containsExactlyElementsOf(herLooks);
        assertThat(report.people()).filteredOn(p -> p.who().equals(PlayedOutDay.NO_SHOW)).singleElement()
                .satisfies(p -> {
                    assertThat(p.noShow()).isTrue();
                    assertThat(p.replacedBy()).hasValue(PlayedOutDay.STANDBY);
                });
    }

    @Test
    @DisplayName("names the look that walked before it was ready, and times the chairs against the plan's prep")
    void preparation() {
        // then only the look never accessorised walked unready
        assertThat(report.walkedUnready()).extracting(ShowReport.LookLine::number)
                .containsExactly(PlayedOutDay.UNREADY_LOOK);
        // and each walking model took 20, 35 and 45 minutes from arrival to hair, makeup and nails
        assertThat(report.preparation()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.hair()).hasValue(Duration.ofMinutes(20));
            assertThat(p.makeup()).hasValue(Duration.ofMinutes(35));
            assertThat(p.nails()).hasValue(Duration.ofMinutes(45));
        });
        assertThat(report.chairs().averagePrep()).hasValue(Duration.ofMinutes(45));
        assertThat(report.chairs().plannedPrep()).isEqualTo(day.show.modelCalls().prep());
    }

    @Test
    @DisplayName("counts the pings sent, sent late with why, failed, sent to the channel and dropped, as stored")
    void delivery() {
        // given the ping table's own counts
        Map<String, Long> counts = db.inTransaction(c -> {
            Map<String, Long> m = new HashMap<>();
            m.put("all", count(c, "SELECT COUNT(*) FROM call_ping WHERE show_id = ?"));
            m.put("late", count(c, "SELECT COUNT(*) FROM call_ping WHERE show_id = ? AND late_seconds >= 60 "
                    + "AND outcome <> 'DROPPED'"));
            m.put("failed", count(c, "SELECT COUNT(*) FROM call_ping WHERE show_id = ? AND sent_at IS NULL"));
            m.put("channel", count(c, "SELECT COUNT(*) FROM call_ping WHERE show_id = ? AND outcome = 'CHANNEL'"));
            m.put("dropped", count(c, "SELECT COUNT(*) FROM call_ping WHERE show_id = ? AND outcome = 'DROPPED'"));
            return m;
        });

        // then the report says the same
        ShowReport.Delivery d = report.delivery();
        assertThat((long) d.pings()).isEqualTo(counts.get("all"));
        assertThat((long) d.sentLate().size()).isEqualTo(counts.get("late")).isEqualTo(1);
        assertThat(d.sentLate().get(0).detail()).hasValue(PlayedOutDay.OFFLINE);
        assertThat((long) d.failed()).isEqualTo(counts.get("failed")).isEqualTo(1);
        assertThat((long) d.toChannel()).isEqualTo(counts.get("channel")).isEqualTo(1);
        assertThat((long) d.dropped()).isEqualTo(counts.get("dropped")).isEqualTo(1);
        assertThat(report.people()).filteredOn(ShowReport.Person::unreachableByDm).hasSize(1);
    }

    @Test
    @DisplayName("counts the people on the call sheet by how their call reached them, as the calls stored say")
    void reachedBy() {
        // given the outcomes of the calls stored
        Map<String, Long> calls = db.inTransaction(c -> {
            Map<String, Long> m = new HashMap<>();
            for (String outcome : List.of("DM", "EMAIL", "CHANNEL", "BY_NAME", "ROLE")) {
                m.put(outcome, count(c, "SELECT COUNT(*) FROM call_ping WHERE show_id = ? AND ping = 'call' "
                        + "AND outcome = '" + outcome + "'"));
            }
            return m;
        });

        // then the report counts each way, and nobody for the rest of the people
        ShowReport.Reached by = report.delivery().reached();
        assertThat((long) by.dm()).isEqualTo(calls.get("DM")).isPositive();
        assertThat((long) by.email()).isEqualTo(calls.get("EMAIL"));
        assertThat((long) by.callsChannel()).isEqualTo(calls.get("CHANNEL")).isEqualTo(1);
        assertThat((long) by.role()).isEqualTo(calls.get("ROLE"));
        assertThat(by.dm() + by.email() + by.callsChannel() + by.byName() + by.role() + by.nobody())
                .isEqualTo((int) report.people().stream().map(ShowReport.Person::callKey).distinct().count());
    }

    // --- reading the tables ------------------------------------------------------------------------------------------

    private Map<String, long[]> lateByGroup(Connection c, String sql) {
        Map<String, long[]> byGroup = new TreeMap<>();
        for (Object[] row : rows(c, sql)) {
            addLateness(byGroup.computeIfAbsent((String) row[0], k -> new long[2]), (Instant) row[1], (Instant) row[2]);
        }
        return byGroup;
    }

    /** Late when an arrival comes a whole minute or more after the call moved by the day's delay. */
    private static void addLateness(long[] figures, Instant call, Instant arrived) {
        if (arrived == null) {
            return;
        }
        long minutes = Duration.between(call.plus(Duration.ofMinutes(PlayedOutDay.DELAY_MINUTES)), arrived).toMinutes();
        if (minutes >= 1) {
            figures[0]++;
            figures[1] += minutes;
        }
    }

    private List<Object[]> rows(Connection c, String sql) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, day.id());
            try (ResultSet rs = ps.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        Object value = rs.getObject(i + 1);
                        row[i] = value instanceof OffsetDateTime o ? o.toInstant() : value;
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Instant> instants(Connection c, String sql) {
        return rows(c, sql).stream().map(r -> (Instant) r[0]).toList();
    }

    private long count(Connection c, String sql) {
        return ((Number) rows(c, sql).get(0)[0]).longValue();
    }
}

package dev.showcall.store;

import dev.showcall.callsheet.SentLine;
import dev.showcall.callsheet.SheetLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What each call-sheet DM told its person, written before it goes to Discord, and who pressed Got it on it and
 * when. A line is written once: a retry of the DM sends what was written first.
 */
public final class CallSheetRepository {

    /** MERGE on H2; on PostgreSQL ON CONFLICT, which a racing insert of the same key cannot make fail. */
    private static final Dialect.Sql INSERT_IF_ABSENT = new Dialect.Sql("""
            MERGE INTO call_sheet_line l
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR))) AS n (show_id, call_key, ping)
               ON l.show_id = n.show_id AND l.call_key = n.call_key AND l.ping = n.ping
             WHEN NOT MATCHED THEN
                  INSERT (show_id, call_key, ping, call_at, meeting_point, lead_user_id, notes, written_at)
                  VALUES (n.show_id, n.call_key, n.ping, ?, ?, ?, ?, ?)""", """
            INSERT INTO call_sheet_line (show_id, call_key, ping, call_at, meeting_point, lead_user_id, notes, written_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""");

    /** The first press only: a second one leaves who and when as they were. */
    private static final String ACKNOWLEDGE = """
            UPDATE call_sheet_line SET acknowledged_by = ?, acknowledged_at = ?
             WHERE show_id = ? AND call_key = ? AND ping = ? AND acknowledged_at IS NULL""";

    private static final String COLUMNS = "show_id, call_key, ping, call_at, meeting_point, lead_user_id, notes, "
            + "written_at, acknowledged_by, acknowledged_at";

    private static final String SELECT_ONE =
            "SELECT " + COLUMNS + " FROM call_sheet_line WHERE show_id = ? AND call_key = ? AND ping = ?";

    private static final String SELECT_FOR_SHOW =
            "SELECT " + COLUMNS + " FROM call_sheet_line WHERE show_id = ? ORDER BY written_at, call_key, ping";

    /**
     * Keeps what a call-sheet DM tells, unless it was kept before.
     *
     * @return whether it was written now; false when an earlier attempt wrote it, which then stands
     */
    public boolean write(Connection c, SentLine sent) {
        try (PreparedStatement ps = c.prepareStatement(INSERT_IF_ABSENT.in(c))) {
            ps.setString(1, sent.showId());
            ps.setString(2, sent.callKey());
            ps.setString(3, sent.ping());
            SheetLine line = sent.line();
            Jdbc.setInstant(ps, 4, line.callAt());
            Jdbc.setString(ps, 5, line.meetingPoint());
            Jdbc.setLong(ps, 6, line.leadUserId());
            Jdbc.setString(ps, 7, line.notes());
            Jdbc.setInstant(ps, 8, sent.writtenAt());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (Jdbc.isDuplicateKey(e)) {
                return false;
            }
            throw new StoreException("Could not keep " + describe(sent.showId(), sent.callKey(), sent.ping()), e);
        }
    }

    /**
     * Records that {@code userId} pressed Got it on this call sheet.
     *
     * @return whether this press recorded it; false when it was pressed before (or no such sheet was sent)
     */
    public boolean acknowledge(Connection c, String showId, String callKey, String ping, long userId, Instant at) {
        try (PreparedStatement ps = c.prepareStatement(ACKNOWLEDGE)) {
            ps.setLong(1, userId);
            Jdbc.setInstant(ps, 2, at);
            ps.setString(3, showId);
            ps.setString(4, callKey);
            ps.setString(5, ping);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("Could not record Got it on " + describe(showId, callKey, ping), e);
        }
    }

    public Optional<SentLine> find(Connection c, String showId, String callKey, String ping) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_ONE)) {
            ps.setString(1, showId);
            ps.setString(2, callKey);
            ps.setString(3, ping);
            List<SentLine> found = readAll(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (SQLException e) {
            throw new StoreException("Could not read " + describe(showId, callKey, ping), e);
        }
    }

    /** Every call sheet the show sent, in the order they were written. */
    public List<SentLine> forShow(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_FOR_SHOW)) {
            ps.setString(1, showId);
            return readAll(ps);
        } catch (SQLException e) {
            throw new StoreException("Could not read the call sheets of show " + showId, e);
        }
    }

    private static List<SentLine> readAll(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<SentLine> lines = new ArrayList<>();
            while (rs.next()) {
                lines.add(new SentLine(rs.getString("show_id"), rs.getString("call_key"), rs.getString("ping"),
                        new SheetLine(Jdbc.instant(rs, "call_at"), Jdbc.optionalString(rs, "meeting_point"),
                                Jdbc.optionalLong(rs, "lead_user_id"), Jdbc.optionalString(rs, "notes")),
                        Jdbc.instant(rs, "written_at"), Jdbc.optionalLong(rs, "acknowledged_by"),
                        Jdbc.optionalInstant(rs, "acknowledged_at")));
            }
            return lines;
        }
    }

    private static String describe(String showId, String callKey, String ping) {
        return "call sheet " + ping + " of " + callKey + " at show " + showId;
    }
}

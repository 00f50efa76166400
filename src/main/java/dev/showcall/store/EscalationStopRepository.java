package dev.showcall.store;

import dev.showcall.backstage.EscalationStop;
import dev.showcall.show.Escalation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ladders a lead stopped with "I reached them": one row per person and ladder, the first press kept. */
public final class EscalationStopRepository {

    /** MERGE on H2; on PostgreSQL ON CONFLICT, which a racing insert of the same key cannot make fail. */
    private static final Dialect.Sql INSERT_IF_ABSENT = new Dialect.Sql("""
            MERGE INTO escalation_stop s
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR))) AS n (show_id, call_key, ladder)
               ON s.show_id = n.show_id AND s.call_key = n.call_key AND s.ladder = n.ladder
             WHEN NOT MATCHED THEN
                  INSERT (show_id, call_key, ladder, stopped_by, stopped_at)
                  VALUES (n.show_id, n.call_key, n.ladder, ?, ?)""", """
            INSERT INTO escalation_stop (show_id, call_key, ladder, stopped_by, stopped_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""");

    private static final String SELECT = """
            SELECT call_key, ladder, stopped_by, stopped_at FROM escalation_stop WHERE show_id = ?""";

    /** @return true only for the first stop of this ladder for this person */
    public boolean stop(Connection c, EscalationStop stop) {
        try (PreparedStatement ps = c.prepareStatement(INSERT_IF_ABSENT.in(c))) {
            ps.setString(1, stop.showId());
            ps.setString(2, stop.callKey());
            ps.setString(3, stop.condition().token());
            ps.setLong(4, stop.stoppedBy());
            Jdbc.setInstant(ps, 5, stop.stoppedAt());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (Jdbc.isDuplicateKey(e)) {
                return false;
            }
            throw new StoreException("Could not stop the " + stop.condition().field() + " ladder of " + stop.callKey()
                    + " at show " + stop.showId(), e);
        }
    }

    public Optional<EscalationStop> find(Connection c, String showId, String callKey, Escalation.Condition condition) {
        return forShow(c, showId).stream()
                .filter(s -> s.callKey().equals(callKey) && s.condition() == condition)
                .findFirst();
    }

    public List<EscalationStop> forShow(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, showId);
            try (ResultSet rs = ps.executeQuery()) {
                List<EscalationStop> stops = new ArrayList<>();
                while (rs.next()) {
                    stops.add(new EscalationStop(showId, rs.getString("call_key"),
                            Escalation.Condition.ofToken(rs.getString("ladder")).orElseThrow(),
                            rs.getLong("stopped_by"), Jdbc.instant(rs, "stopped_at")));
                }
                return stops;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the stopped ladders of show " + showId, e);
        }
    }
}

package dev.showcall.store;

import dev.showcall.backstage.Arrival;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Who has arrived backstage. An arrival counts once, however often it is reported. */
public final class ArrivalRepository {

    /** MERGE on H2; on PostgreSQL ON CONFLICT, which a racing insert of the same key cannot make fail. */
    private static final Dialect.Sql INSERT_IF_ABSENT = new Dialect.Sql("""
            MERGE INTO arrival a
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR))) AS n (show_id, subject_key)
               ON a.show_id = n.show_id AND a.subject_key = n.subject_key
             WHEN NOT MATCHED THEN
                  INSERT (show_id, subject_key, arrived_at, marked_by, recorded_at)
                  VALUES (n.show_id, n.subject_key, ?, ?, ?)""", """
            INSERT INTO arrival (show_id, subject_key, arrived_at, marked_by, recorded_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""");

    private static final String COLUMNS = "show_id, subject_key, arrived_at, marked_by, recorded_at";

    private static final String SELECT_ONE =
            "SELECT " + COLUMNS + " FROM arrival WHERE show_id = ? AND subject_key = ?";

    private static final String SELECT_FOR_SHOW =
            "SELECT " + COLUMNS + " FROM arrival WHERE show_id = ? ORDER BY arrived_at, subject_key";

    private static final String DELETE = "DELETE FROM arrival WHERE show_id = ? AND subject_key = ?";

    /**
     * Records the arrival unless one is already recorded for the same person.
     *
     * @return false when they were already marked arrived; the first record then stands
     */
    public boolean record(Connection c, Arrival arrival) {
        try (PreparedStatement ps = c.prepareStatement(INSERT_IF_ABSENT.in(c))) {
            ps.setString(1, arrival.showId());
            ps.setString(2, arrival.subjectKey());
            Jdbc.setInstant(ps, 3, arrival.arrivedAt());
            Jdbc.setLong(ps, 4, arrival.markedBy());
            Jdbc.setInstant(ps, 5, arrival.recordedAt());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            // Two clicks racing in two transactions: the other one recorded it first.
            if (Jdbc.isDuplicateKey(e)) {
                return false;
            }
            throw new StoreException("Could not record the arrival of " + arrival.subjectKey()
                    + " at show " + arrival.showId(), e);
        }
    }

    public Optional<Arrival> find(Connection c, String showId, String subjectKey) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_ONE)) {
            ps.setString(1, showId);
            ps.setString(2, subjectKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the arrival of " + subjectKey + " at show " + showId, e);
        }
    }

    /** Every arrival at the show, earliest first. */
    public List<Arrival> forShow(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_FOR_SHOW)) {
            ps.setString(1, showId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Arrival> arrivals = new ArrayList<>();
                while (rs.next()) {
                    arrivals.add(read(rs));
                }
                return arrivals;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the arrivals at show " + showId, e);
        }
    }

    /**
     * Undoes an arrival marked by mistake.
     *
     * @return false when there was none to undo
     */
    public boolean remove(Connection c, String showId, String subjectKey) {
        try (PreparedStatement ps = c.prepareStatement(DELETE)) {
            ps.setString(1, showId);
            ps.setString(2, subjectKey);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("Could not undo the arrival of " + subjectKey + " at show " + showId, e);
        }
    }

    private static Arrival read(ResultSet rs) throws SQLException {
        return new Arrival(
                rs.getString("show_id"),
                rs.getString("subject_key"),
                Jdbc.instant(rs, "arrived_at"),
                Jdbc.optionalLong(rs, "marked_by"),
                Jdbc.instant(rs, "recorded_at"));
    }
}

package dev.showcall.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Alerts that go out once per show, such as {@code unconfirmed:model:Anya Petrova} or
 * {@code late:model:Anya Petrova}: however often the check that raises one runs, only the
 * first raise counts.
 */
public final class AlertRepository {

    /** MERGE on H2; on PostgreSQL ON CONFLICT, which a racing insert of the same key cannot make fail. */
    private static final Dialect.Sql INSERT_IF_ABSENT = new Dialect.Sql("""
            MERGE INTO alert a
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR))) AS n (show_id, alert_key)
               ON a.show_id = n.show_id AND a.alert_key = n.alert_key
             WHEN NOT MATCHED THEN
                  INSERT (show_id, alert_key, raised_at)
                  VALUES (n.show_id, n.alert_key, ?)""", """
            INSERT INTO alert (show_id, alert_key, raised_at)
            VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING""");

    private static final String SELECT_KEYS = "SELECT alert_key FROM alert WHERE show_id = ? ORDER BY raised_at, alert_key";

    private static final String SELECT_ONE = "SELECT 1 FROM alert WHERE show_id = ? AND alert_key = ?";

    /**
     * Raises the alert unless it was raised before.
     *
     * @return true only the first time: the caller sends the alert then, and never again
     */
    public boolean raiseOnce(Connection c, String showId, String alertKey, Instant now) {
        try (PreparedStatement ps = c.prepareStatement(INSERT_IF_ABSENT.in(c))) {
            ps.setString(1, showId);
            ps.setString(2, alertKey);
            Jdbc.setInstant(ps, 3, now);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            // Two checks racing in two transactions: the other one raised it first.
            if (Jdbc.isDuplicateKey(e)) {
                return false;
            }
            throw new StoreException("Could not raise alert " + alertKey + " at show " + showId, e);
        }
    }

    public boolean wasRaised(Connection c, String showId, String alertKey) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_ONE)) {
            ps.setString(1, showId);
            ps.setString(2, alertKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("Could not tell whether alert " + alertKey + " was raised at show " + showId, e);
        }
    }

    /** The keys of every alert raised at the show, oldest first. */
    public java.util.List<String> raisedKeys(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_KEYS)) {
            ps.setString(1, showId);
            try (ResultSet rs = ps.executeQuery()) {
                java.util.List<String> keys = new java.util.ArrayList<>();
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
                return keys;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the alerts raised at show " + showId, e);
        }
    }
}

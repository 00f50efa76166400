package dev.showcall.store;

import dev.showcall.backstage.Delay;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The delays declared at each show. They are only ever added: the show runs late by their sum. */
public final class DelayRepository {

    private static final String INSERT = """
            INSERT INTO show_delay (show_id, minutes, reason, declared_by, declared_at)
            VALUES (?, ?, ?, ?, ?)""";

    private static final String SELECT_FOR_SHOW = """
            SELECT id, show_id, minutes, reason, declared_by, declared_at
              FROM show_delay
             WHERE show_id = ?
             ORDER BY id""";

    private static final String SUM_FOR_SHOW = "SELECT COALESCE(SUM(minutes), 0) FROM show_delay WHERE show_id = ?";

    /**
     * Adds a newly declared delay.
     *
     * @return the id it was stored under
     */
    public long add(Connection c, Delay delay) {
        if (delay.id() != Delay.UNSTORED) {
            throw new IllegalArgumentException("Only a new delay can be added; delay " + delay.id()
                    + " is stored already");
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, delay.showId());
            ps.setInt(2, delay.minutes());
            ps.setString(3, delay.reason());
            ps.setLong(4, delay.declaredBy());
            Jdbc.setInstant(ps, 5, delay.declaredAt());
            ps.executeUpdate();
            return generatedId(ps);
        } catch (SQLException e) {
            throw new StoreException("Could not add a delay of " + delay.minutes() + " minutes to show "
                    + delay.showId(), e);
        }
    }

    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("The database gave no id for the new delay");
            }
            return keys.getLong(1);
        }
    }

    /** The show's delays in the order they were declared. */
    public List<Delay> forShow(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_FOR_SHOW)) {
            ps.setString(1, showId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Delay> delays = new ArrayList<>();
                while (rs.next()) {
                    delays.add(read(rs));
                }
                return delays;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the delays of show " + showId, e);
        }
    }

    /** How late the show runs: the sum of its delays, negative when it runs early, zero when none. */
    public Duration totalDelay(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SUM_FOR_SHOW)) {
            ps.setString(1, showId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Duration.ofMinutes(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new StoreException("Could not add up the delays of show " + showId, e);
        }
    }

    private static Delay read(ResultSet rs) throws SQLException {
        return new Delay(
                rs.getLong("id"),
                rs.getString("show_id"),
                rs.getInt("minutes"),
                rs.getString("reason"),
                rs.getLong("declared_by"),
                Jdbc.instant(rs, "declared_at"));
    }
}

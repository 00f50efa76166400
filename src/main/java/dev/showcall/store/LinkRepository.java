package dev.showcall.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Who producers said the people on a show's roster are on Discord ({@code /link}, an approved {@code /iam}). */
public final class LinkRepository {

    /** Links {@code personKey} to {@code userId}, in place of any link it had. */
    public void link(Connection c, String showId, String personKey, long userId, long linkedBy, Instant at) {
        unlink(c, showId, personKey);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO person_link (show_id, person_key, user_id, linked_by, linked_at) VALUES (?, ?, ?, ?, ?)""")) {
            ps.setString(1, showId);
            ps.setString(2, personKey);
            ps.setLong(3, userId);
            ps.setLong(4, linkedBy);
            Jdbc.setInstant(ps, 5, at);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not link " + personKey + " of show " + showId, e);
        }
    }

    /** @return whether there was a link to remove */
    public boolean unlink(Connection c, String showId, String personKey) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM person_link WHERE show_id = ? AND person_key = ?")) {
            ps.setString(1, showId);
            ps.setString(2, personKey);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("Could not unlink " + personKey + " of show " + showId, e);
        }
    }

    /** The user linked to {@code personKey}, if anyone is. */
    public OptionalLong linked(Connection c, String showId, String personKey) {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT user_id FROM person_link WHERE show_id = ? AND person_key = ?")) {
            ps.setString(1, showId);
            ps.setString(2, personKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong("user_id")) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the link of " + personKey + " of show " + showId, e);
        }
    }

    /** Every link of the show: user id by person key. */
    public Map<String, Long> forShow(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT person_key, user_id FROM person_link WHERE show_id = ? ORDER BY person_key")) {
            ps.setString(1, showId);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, Long> links = new LinkedHashMap<>();
                while (rs.next()) {
                    links.put(rs.getString("person_key"), rs.getLong("user_id"));
                }
                return links;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the links of show " + showId, e);
        }
    }
}

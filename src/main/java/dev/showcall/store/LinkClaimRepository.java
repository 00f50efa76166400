package dev.showcall.store;

import dev.showcall.roster.LinkClaim;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Roster lines claimed with {@code /iam}, waiting for a producer's click or decided by one. */
public final class LinkClaimRepository {

    private static final String COLUMNS = """
            id, show_id, person_key, person_label, user_id, claimed_at, status, decided_by, decided_at, message_id""";

    private static final String INSERT = """
            INSERT INTO link_claim (show_id, person_key, person_label, user_id, claimed_at, status)
            VALUES (?, ?, ?, ?, ?, 'PENDING')""";

    /** Only one of two clicks, or of two producers, finds the claim still pending. */
    private static final String DECIDE = """
            UPDATE link_claim SET status = ?, decided_by = ?, decided_at = ?
             WHERE id = ? AND status = 'PENDING'""";

    /** Keeps a pending claim; gives it with its id. */
    public LinkClaim add(Connection c, String showId, String personKey, String personLabel, long userId,
                         Instant claimedAt) {
        try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, showId);
            ps.setString(2, personKey);
            ps.setString(3, personLabel);
            ps.setLong(4, userId);
            Jdbc.setInstant(ps, 5, claimedAt);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("The database gave no id for the new claim");
                }
                return new LinkClaim(keys.getLong(1), showId, personKey, personLabel, userId, claimedAt,
                        LinkClaim.Status.PENDING, OptionalLong.empty(), Optional.empty(), OptionalLong.empty());
            }
        } catch (SQLException e) {
            throw new StoreException("Could not keep the claim of " + personKey + " of show " + showId, e);
        }
    }

    public Optional<LinkClaim> find(Connection c, long id) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM link_claim WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read claim " + id, e);
        }
    }

    /** Every claim of the show, oldest first. */
    public List<LinkClaim> forShow(Connection c, String showId) {
        return list(c, "SELECT " + COLUMNS + " FROM link_claim WHERE show_id = ? ORDER BY id", showId);
    }

    /** The show's claims still waiting for a producer, oldest first. */
    public List<LinkClaim> pending(Connection c, String showId) {
        return list(c, "SELECT " + COLUMNS + " FROM link_claim WHERE show_id = ? AND status = 'PENDING' ORDER BY id",
                showId);
    }

    private static List<LinkClaim> list(Connection c, String sql, String showId) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, showId);
            try (ResultSet rs = ps.executeQuery()) {
                List<LinkClaim> claims = new ArrayList<>();
                while (rs.next()) {
                    claims.add(read(rs));
                }
                return claims;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the claims of show " + showId, e);
        }
    }

    /**
     * Approves or refuses a pending claim.
     *
     * @return whether this call decided it: false when it was no longer pending
     */
    public boolean decide(Connection c, long id, LinkClaim.Status status, long by, Instant at) {
        if (status == LinkClaim.Status.PENDING) {
            throw new IllegalArgumentException("A claim is decided by approving or refusing it");
        }
        try (PreparedStatement ps = c.prepareStatement(DECIDE)) {
            ps.setString(1, status.name());
            ps.setLong(2, by);
            Jdbc.setInstant(ps, 3, at);
            ps.setLong(4, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("Could not mark claim " + id + " " + status, e);
        }
    }

    /**
     * Records the producers' message of the claim, once Discord holds it.
     *
     * @return false when one was recorded before (the first stays)
     */
    public boolean markAsked(Connection c, long id, long messageId) {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE link_claim SET message_id = ? WHERE id = ? AND message_id IS NULL")) {
            ps.setLong(1, messageId);
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("Could not record the message of claim " + id, e);
        }
    }

    private static LinkClaim read(ResultSet rs) throws SQLException {
        return new LinkClaim(
                rs.getLong("id"),
                rs.getString("show_id"),
                rs.getString("person_key"),
                rs.getString("person_label"),
                rs.getLong("user_id"),
                Jdbc.instant(rs, "claimed_at"),
                LinkClaim.Status.valueOf(rs.getString("status")),
                Jdbc.optionalLong(rs, "decided_by"),
                Jdbc.optionalInstant(rs, "decided_at"),
                Jdbc.optionalLong(rs, "message_id"));
    }
}

package dev.showcall.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Each show's automatic after-show report: claimed once before it is sent, then marked sent with
 * the id of the message Discord holds. A claim without that mark is a report still owed.
 */
public final class AfterShowReportRepository {

    /** MERGE on H2; on PostgreSQL ON CONFLICT, which a racing insert of the same show cannot make fail. */
    private static final Dialect.Sql CLAIM = new Dialect.Sql("""
            MERGE INTO after_show_report r
            USING (VALUES (CAST(? AS VARCHAR))) AS n (show_id)
               ON r.show_id = n.show_id
             WHEN NOT MATCHED THEN
                  INSERT (show_id, claimed_at)
                  VALUES (n.show_id, ?)""", """
            INSERT INTO after_show_report (show_id, claimed_at)
            VALUES (?, ?)
            ON CONFLICT DO NOTHING""");

    private final Fence fence;

    public AfterShowReportRepository() {
        this(Fence.NONE);
    }

    /** @param fence checked in the transaction of every claim: only the active instance claims */
    public AfterShowReportRepository(Fence fence) {
        this.fence = fence;
    }

    /**
     * The report as the database holds it.
     *
     * @param messageId present once Discord took it
     */
    public record Claim(String showId, Instant claimedAt, Optional<Instant> sentAt, OptionalLong messageId) {

        public boolean sent() {
            return sentAt.isPresent();
        }
    }

    /**
     * Claims the show's report unless it was claimed before.
     *
     * @return true only the first time: the caller sends the report then
     * @throws Fence.FencedException when this instance is no longer the active one
     */
    public boolean claim(Connection c, String showId, Instant now) {
        fence.check(c);
        try (PreparedStatement ps = c.prepareStatement(CLAIM.in(c))) {
            ps.setString(1, showId);
            Jdbc.setInstant(ps, 2, now);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (Jdbc.isDuplicateKey(e)) {
                return false;
            }
            throw new StoreException("Could not claim the after-show report of show " + showId, e);
        }
    }

    /**
     * Marks the claimed report sent as message {@code messageId}.
     *
     * @return false when it was not claimed, or was marked before (the first mark stays)
     */
    public boolean markSent(Connection c, String showId, long messageId, Instant at) {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE after_show_report SET sent_at = ?, message_id = ?
                 WHERE show_id = ? AND sent_at IS NULL""")) {
            Jdbc.setInstant(ps, 1, at);
            ps.setLong(2, messageId);
            ps.setString(3, showId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("Could not mark the after-show report of show " + showId + " sent", e);
        }
    }

    /** The show's report, once it is claimed. */
    public Optional<Claim> find(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT show_id, claimed_at, sent_at, message_id FROM after_show_report WHERE show_id = ?""")) {
            ps.setString(1, showId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Claim(rs.getString("show_id"), Jdbc.instant(rs, "claimed_at"),
                        Jdbc.optionalInstant(rs, "sent_at"), Jdbc.optionalLong(rs, "message_id")));
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the after-show report of show " + showId, e);
        }
    }
}

package dev.showcall.store;

import dev.showcall.text.UserText;
import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PingOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The pings showcall sends. A ping is claimed before it goes to Discord and completed once it
 * went, so each one is sent once however often its job fires, and a crash in between leaves a
 * claimed ping without {@code sent_at} for recovery to find.
 */
public final class CallPingRepository {

    /** The detail column's width; longer details are cut to fit rather than lose the completion. */
    static final int MAX_DETAIL_LENGTH = 500;

    /** MERGE on H2; on PostgreSQL ON CONFLICT, which a racing insert of the same key cannot make fail. */
    private static final Dialect.Sql INSERT_IF_ABSENT = new Dialect.Sql("""
            MERGE INTO call_ping p
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR))) AS n (show_id, call_key, ping)
               ON p.show_id = n.show_id AND p.call_key = n.call_key AND p.ping = n.ping
             WHEN NOT MATCHED THEN
                  INSERT (show_id, call_key, ping, due_at, claimed_at)
                  VALUES (n.show_id, n.call_key, n.ping, ?, ?)""", """
            INSERT INTO call_ping (show_id, call_key, ping, due_at, claimed_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""");

    /** Only an unsent ping, so that a retried completion keeps the first one. */
    private static final String COMPLETE = """
            UPDATE call_ping
               SET sent_at = ?, late_seconds = ?, outcome = ?, detail = ?
             WHERE show_id = ? AND call_key = ? AND ping = ? AND sent_at IS NULL""";

    private static final String COLUMNS =
            "show_id, call_key, ping, due_at, claimed_at, sent_at, late_seconds, outcome, detail";

    private static final String SELECT_ONE =
            "SELECT " + COLUMNS + " FROM call_ping WHERE show_id = ? AND call_key = ? AND ping = ?";

    private static final String SELECT_FOR_SHOW =
            "SELECT " + COLUMNS + " FROM call_ping WHERE show_id = ? ORDER BY due_at, call_key, ping";

    private static final String SELECT_UNSENT = "SELECT " + COLUMNS
            + " FROM call_ping WHERE show_id = ? AND sent_at IS NULL ORDER BY due_at, call_key, ping";

    private static final String RELEASE =
            "DELETE FROM call_ping WHERE show_id = ? AND call_key = ? AND ping = ? AND sent_at IS NULL";

    private final Fence fence;

    /** For one instance on its own database. */
    public CallPingRepository() {
        this(Fence.NONE);
    }

    /** @param fence checked in the transaction of every claim: only the active instance claims */
    public CallPingRepository(Fence fence) {
        this.fence = fence;
    }

    private static final String CALL_SENT = """
            SELECT 1 FROM call_ping
             WHERE show_id = ? AND call_key = ? AND ping = '""" + CallPing.CALL + "' AND sent_at IS NOT NULL";

    /**
     * Claims the ping for sending, unless it was claimed before.
     *
     * @param dueAt when it was scheduled to go out
     * @param now   when it is claimed
     * @return false when it was claimed already, by an earlier run or a racing one: it must not
     *         be sent again, and the first claim stands
     * @throws Fence.FencedException when this instance is no longer the active one
     */
    public boolean claim(Connection c, String showId, String callKey, String ping, Instant dueAt, Instant now) {
        CallPing.requireValidPing(ping);
        fence.check(c);
        try (PreparedStatement ps = c.prepareStatement(INSERT_IF_ABSENT.in(c))) {
            ps.setString(1, showId);
            ps.setString(2, callKey);
            ps.setString(3, ping);
            Jdbc.setInstant(ps, 4, dueAt);
            Jdbc.setInstant(ps, 5, now);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            // Two fires racing in two transactions: the other one claimed it first.
            if (Jdbc.isDuplicateKey(e)) {
                return false;
            }
            throw new StoreException("Could not claim " + describe(showId, callKey, ping), e);
        }
    }

    /**
     * Records how a claimed ping went out. Completing it again changes nothing: the first
     * completion stands.
     *
     * @param sentAt when Discord accepted it, or when a reminder was dropped
     * @param late   how long after it was due it went out; kept in whole seconds
     * @param detail cut to {@value #MAX_DETAIL_LENGTH} characters
     * @throws IllegalStateException when the ping was never claimed
     */
    public void complete(Connection c, String showId, String callKey, String ping, Instant sentAt, Duration late,
                         PingOutcome outcome, Optional<String> detail) {
        if (outcome == PingOutcome.DROPPED && CallPing.CALL.equals(ping)) {
            throw new IllegalArgumentException("Only a reminder can be dropped; the call of " + callKey
                    + " at show " + showId + " always goes out");
        }
        if (update(c, showId, callKey, ping, sentAt, late, outcome, detail) == 0
                && find(c, showId, callKey, ping).isEmpty()) {
            throw new IllegalStateException("Cannot complete " + describe(showId, callKey, ping)
                    + ": it was never claimed");
        }
    }

    private static int update(Connection c, String showId, String callKey, String ping, Instant sentAt,
                              Duration late, PingOutcome outcome, Optional<String> detail) {
        try (PreparedStatement ps = c.prepareStatement(COMPLETE)) {
            Jdbc.setInstant(ps, 1, sentAt);
            ps.setInt(2, Math.toIntExact(late.toSeconds()));
            ps.setString(3, outcome.name());
            Jdbc.setString(ps, 4, detail.map(CallPingRepository::toFit));
            ps.setString(5, showId);
            ps.setString(6, callKey);
            ps.setString(7, ping);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not complete " + describe(showId, callKey, ping), e);
        }
    }

    public Optional<CallPing> find(Connection c, String showId, String callKey, String ping) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_ONE)) {
            ps.setString(1, showId);
            ps.setString(2, callKey);
            ps.setString(3, ping);
            List<CallPing> found = readAll(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (SQLException e) {
            throw new StoreException("Could not read " + describe(showId, callKey, ping), e);
        }
    }

    /** Every ping of the show, sent or not, by when it was due and then by call. */
    public List<CallPing> forShow(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_FOR_SHOW)) {
            ps.setString(1, showId);
            return readAll(ps);
        } catch (SQLException e) {
            throw new StoreException("Could not read the pings of show " + showId, e);
        }
    }

    /**
     * Pings claimed but never completed: what a crash left half-done, which may or may not have
     * reached Discord. Ordered as {@link #forShow}.
     */
    public List<CallPing> claimedButNotSent(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_UNSENT)) {
            ps.setString(1, showId);
            return readAll(ps);
        } catch (SQLException e) {
            throw new StoreException("Could not read the unsent pings of show " + showId, e);
        }
    }

    /**
     * Gives up a claim that was never sent (Discord did not take the ping), so a retry may claim it
     * again; a ping that went out stays recorded.
     *
     * @return whether a claim was released
     */
    public boolean release(Connection c, String showId, String callKey, String ping) {
        try (PreparedStatement ps = c.prepareStatement(RELEASE)) {
            ps.setString(1, showId);
            ps.setString(2, callKey);
            ps.setString(3, ping);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("Could not release the claim on " + ping + " of " + callKey + " at show " + showId, e);
        }
    }

    /** Whether the call itself (not a reminder) has gone out. */
    public boolean isCallSent(Connection c, String showId, String callKey) {
        try (PreparedStatement ps = c.prepareStatement(CALL_SENT)) {
            ps.setString(1, showId);
            ps.setString(2, callKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("Could not tell whether " + callKey + " was called at show " + showId, e);
        }
    }

    private static List<CallPing> readAll(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<CallPing> pings = new ArrayList<>();
            while (rs.next()) {
                pings.add(read(rs));
            }
            return pings;
        }
    }

    private static CallPing read(ResultSet rs) throws SQLException {
        return new CallPing(
                rs.getString("show_id"),
                rs.getString("call_key"),
                rs.getString("ping"),
                Jdbc.instant(rs, "due_at"),
                Jdbc.instant(rs, "claimed_at"),
                Jdbc.optionalInstant(rs, "sent_at"),
                seconds(Jdbc.optionalInt(rs, "late_seconds")),
                Jdbc.optionalString(rs, "outcome").map(PingOutcome::valueOf),
                Jdbc.optionalString(rs, "detail"));
    }

    private static Optional<Duration> seconds(OptionalInt seconds) {
        return seconds.isPresent() ? Optional.of(Duration.ofSeconds(seconds.getAsInt())) : Optional.empty();
    }

    private static String toFit(String detail) {
        return UserText.cut(detail, MAX_DETAIL_LENGTH);
    }

    private static String describe(String showId, String callKey, String ping) {
        return "ping " + ping + " of " + callKey + " at show " + showId;
    }
}

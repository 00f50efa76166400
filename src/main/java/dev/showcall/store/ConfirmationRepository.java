package dev.showcall.store;

import dev.showcall.backstage.Confirmation;
import dev.showcall.backstage.ConfirmationChange;
import dev.showcall.backstage.ConfirmationState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What each person last answered with the buttons on their call: one answer per call. */
public final class ConfirmationRepository {

    /** MERGE on H2; on PostgreSQL ON CONFLICT, which a racing insert of the same key cannot make fail. */
    private static final Dialect.Sql INSERT_IF_ABSENT = new Dialect.Sql("""
            MERGE INTO confirmation f
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR))) AS n (show_id, call_key)
               ON f.show_id = n.show_id AND f.call_key = n.call_key
             WHEN NOT MATCHED THEN
                  INSERT (show_id, call_key, state, late_minutes, user_id, updated_at)
                  VALUES (n.show_id, n.call_key, ?, ?, ?, ?)""", """
            INSERT INTO confirmation (show_id, call_key, state, late_minutes, user_id, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""");

    /** Only a different answer is written, so a double click leaves the first one as it was. */
    private static final String UPDATE_IF_DIFFERENT = """
            UPDATE confirmation
               SET state = ?, late_minutes = ?, user_id = ?, updated_at = ?
             WHERE show_id = ? AND call_key = ?
               AND (state <> ? OR late_minutes IS DISTINCT FROM CAST(? AS INT))""";

    private static final String COLUMNS = "show_id, call_key, state, late_minutes, user_id, updated_at";

    private static final String SELECT_ONE =
            "SELECT " + COLUMNS + " FROM confirmation WHERE show_id = ? AND call_key = ?";

    private static final String SELECT_FOR_SHOW =
            "SELECT " + COLUMNS + " FROM confirmation WHERE show_id = ? ORDER BY updated_at, call_key";

    /**
     * Stores the answer, replacing the one before unless it says the same.
     *
     * @return {@link ConfirmationChange#NEW} for a first answer, {@link ConfirmationChange#CHANGED}
     *         when the state or the minutes late differ from the answer before, and
     *         {@link ConfirmationChange#UNCHANGED} when they do not: nothing is written then, so
     *         the earlier answer keeps who gave it and when
     */
    public ConfirmationChange upsert(Connection c, Confirmation answer) {
        if (insertIfAbsent(c, answer)) {
            return ConfirmationChange.NEW;
        }
        return updateIfDifferent(c, answer) ? ConfirmationChange.CHANGED : ConfirmationChange.UNCHANGED;
    }

    private static boolean insertIfAbsent(Connection c, Confirmation answer) {
        try (PreparedStatement ps = c.prepareStatement(INSERT_IF_ABSENT.in(c))) {
            ps.setString(1, answer.showId());
            ps.setString(2, answer.callKey());
            ps.setString(3, answer.state().name());
            Jdbc.setInt(ps, 4, answer.lateMinutes());
            Jdbc.setLong(ps, 5, answer.userId());
            Jdbc.setInstant(ps, 6, answer.updatedAt());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            // Two clicks racing in two transactions: the other one answered first, so this one
            // is an update of that answer.
            if (Jdbc.isDuplicateKey(e)) {
                return false;
            }
            throw new StoreException("Could not store the answer to " + answer.callKey()
                    + " at show " + answer.showId(), e);
        }
    }

    private static boolean updateIfDifferent(Connection c, Confirmation answer) {
        try (PreparedStatement ps = c.prepareStatement(UPDATE_IF_DIFFERENT)) {
            ps.setString(1, answer.state().name());
            Jdbc.setInt(ps, 2, answer.lateMinutes());
            Jdbc.setLong(ps, 3, answer.userId());
            Jdbc.setInstant(ps, 4, answer.updatedAt());
            ps.setString(5, answer.showId());
            ps.setString(6, answer.callKey());
            ps.setString(7, answer.state().name());
            Jdbc.setInt(ps, 8, answer.lateMinutes());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("Could not update the answer to " + answer.callKey()
                    + " at show " + answer.showId(), e);
        }
    }

    public Optional<Confirmation> find(Connection c, String showId, String callKey) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_ONE)) {
            ps.setString(1, showId);
            ps.setString(2, callKey);
            List<Confirmation> found = readAll(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (SQLException e) {
            throw new StoreException("Could not read the answer to " + callKey + " at show " + showId, e);
        }
    }

    /** Every answer at the show, the oldest first. */
    public List<Confirmation> forShow(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_FOR_SHOW)) {
            ps.setString(1, showId);
            return readAll(ps);
        } catch (SQLException e) {
            throw new StoreException("Could not read the answers to the calls of show " + showId, e);
        }
    }

    private static List<Confirmation> readAll(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<Confirmation> answers = new ArrayList<>();
            while (rs.next()) {
                answers.add(read(rs));
            }
            return answers;
        }
    }

    private static Confirmation read(ResultSet rs) throws SQLException {
        return new Confirmation(
                rs.getString("show_id"),
                rs.getString("call_key"),
                ConfirmationState.valueOf(rs.getString("state")),
                Jdbc.optionalInt(rs, "late_minutes"),
                Jdbc.optionalLong(rs, "user_id"),
                Jdbc.instant(rs, "updated_at"));
    }
}

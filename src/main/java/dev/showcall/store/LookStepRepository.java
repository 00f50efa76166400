package dev.showcall.store;

import dev.showcall.show.Step;
import dev.showcall.backstage.LookStep;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** How far each look has got. A step counts once, however often it is reported. */
public final class LookStepRepository {

    /** MERGE on H2; on PostgreSQL ON CONFLICT, which a racing insert of the same key cannot make fail. */
    private static final Dialect.Sql INSERT_IF_ABSENT = new Dialect.Sql("""
            MERGE INTO look_step s
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS INT), CAST(? AS VARCHAR))) AS n (show_id, look_number, step)
               ON s.show_id = n.show_id AND s.look_number = n.look_number AND s.step = n.step
             WHEN NOT MATCHED THEN
                  INSERT (show_id, look_number, step, done_at, done_by)
                  VALUES (n.show_id, n.look_number, n.step, ?, ?)""", """
            INSERT INTO look_step (show_id, look_number, step, done_at, done_by)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""");

    private static final String SELECT_FOR_SHOW =
            "SELECT show_id, look_number, step, done_at, done_by FROM look_step WHERE show_id = ?";

    private static final String DELETE = "DELETE FROM look_step WHERE show_id = ? AND look_number = ? AND step = ?";

    /** Running order, then the order a look goes through its steps. */
    private static final Comparator<LookStep> LOOK_ORDER =
            Comparator.comparingInt(LookStep::lookNumber).thenComparing(LookStep::step);

    /**
     * Marks the step done unless it already is.
     *
     * @return false when it was already marked; the first mark then stands
     */
    public boolean mark(Connection c, LookStep step) {
        try (PreparedStatement ps = c.prepareStatement(INSERT_IF_ABSENT.in(c))) {
            ps.setString(1, step.showId());
            ps.setInt(2, step.lookNumber());
            ps.setString(3, step.step().label());
            Jdbc.setInstant(ps, 4, step.doneAt());
            ps.setLong(5, step.doneBy());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            // Two reports racing in two transactions: the other one marked it first.
            if (Jdbc.isDuplicateKey(e)) {
                return false;
            }
            throw new StoreException("Could not mark " + step.step().label() + " done for look "
                    + step.lookNumber() + " at show " + step.showId(), e);
        }
    }

    /**
     * Takes back a step marked by mistake.
     *
     * @return false when it was not marked
     */
    public boolean unmark(Connection c, String showId, int lookNumber, Step step) {
        try (PreparedStatement ps = c.prepareStatement(DELETE)) {
            ps.setString(1, showId);
            ps.setInt(2, lookNumber);
            ps.setString(3, step.label());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("Could not unmark " + step.label() + " for look " + lookNumber
                    + " at show " + showId, e);
        }
    }

    /** Every step done at the show, in running order and then step order. */
    public List<LookStep> forShow(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_FOR_SHOW)) {
            ps.setString(1, showId);
            try (ResultSet rs = ps.executeQuery()) {
                List<LookStep> steps = new ArrayList<>();
                while (rs.next()) {
                    steps.add(read(rs));
                }
                steps.sort(LOOK_ORDER);
                return steps;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the look steps at show " + showId, e);
        }
    }

    private static LookStep read(ResultSet rs) throws SQLException {
        String label = rs.getString("step");
        Step step = Step.fromLabel(label)
                .orElseThrow(() -> new SQLException("Unknown look step in the database: " + label));
        return new LookStep(
                rs.getString("show_id"),
                rs.getInt("look_number"),
                step,
                Jdbc.instant(rs, "done_at"),
                rs.getLong("done_by"));
    }
}

package dev.showcall.store;

import dev.showcall.backstage.ModelStep;
import dev.showcall.show.Step;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Hair, makeup and nails done on each model. A step counts once, however often it is reported. */
public final class ModelStepRepository {

    /** MERGE on H2; on PostgreSQL ON CONFLICT, which a racing insert of the same key cannot make fail. */
    private static final Dialect.Sql INSERT_IF_ABSENT = new Dialect.Sql("""
            MERGE INTO model_step s
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR))) AS n (show_id, model_name, step)
               ON s.show_id = n.show_id AND s.model_name = n.model_name AND s.step = n.step
             WHEN NOT MATCHED THEN
                  INSERT (show_id, model_name, step, done_at, done_by)
                  VALUES (n.show_id, n.model_name, n.step, ?, ?)""", """
            INSERT INTO model_step (show_id, model_name, step, done_at, done_by)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""");

    private static final String SELECT_FOR_SHOW =
            "SELECT show_id, model_name, step, done_at, done_by FROM model_step WHERE show_id = ? ORDER BY done_at, model_name, step";

    private static final String DELETE = "DELETE FROM model_step WHERE show_id = ? AND model_name = ? AND step = ?";

    /** @return false when it was marked already; the first mark then stands */
    public boolean mark(Connection c, ModelStep step) {
        try (PreparedStatement ps = c.prepareStatement(INSERT_IF_ABSENT.in(c))) {
            ps.setString(1, step.showId());
            ps.setString(2, step.model());
            ps.setString(3, step.step().label());
            Jdbc.setInstant(ps, 4, step.doneAt());
            ps.setLong(5, step.doneBy());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (Jdbc.isDuplicateKey(e)) {
                return false; // another report of the same step committed first
            }
            throw new StoreException("Could not mark " + step.step().label() + " done for " + step.model()
                    + " at show " + step.showId(), e);
        }
    }

    /** @return false when it was not marked */
    public boolean unmark(Connection c, String showId, String model, Step step) {
        try (PreparedStatement ps = c.prepareStatement(DELETE)) {
            ps.setString(1, showId);
            ps.setString(2, model);
            ps.setString(3, step.label());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("Could not unmark " + step.label() + " for " + model + " at show " + showId, e);
        }
    }

    public List<ModelStep> forShow(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_FOR_SHOW)) {
            ps.setString(1, showId);
            try (ResultSet rs = ps.executeQuery()) {
                List<ModelStep> steps = new ArrayList<>();
                while (rs.next()) {
                    String label = rs.getString("step");
                    Step step = Step.fromLabel(label)
                            .orElseThrow(() -> new SQLException("Unknown model step in the database: " + label));
                    steps.add(new ModelStep(rs.getString("show_id"), rs.getString("model_name"), step,
                            Jdbc.instant(rs, "done_at"), rs.getLong("done_by")));
                }
                return steps;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the model steps at show " + showId, e);
        }
    }
}

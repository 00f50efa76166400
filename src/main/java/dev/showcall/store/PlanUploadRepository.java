package dev.showcall.store;

import dev.showcall.backstage.PlanMove;
import dev.showcall.backstage.PlanUpload;
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

/**
 * New versions of show files waiting for a producer to apply or cancel them, and whose calls the
 * applied ones moved.
 */
public final class PlanUploadRepository {

    private static final String INSERT = """
            INSERT INTO plan_upload (show_id, base_sha256, file_name, source_text, uploaded_by, uploaded_at, status)
            VALUES (?, ?, ?, ?, ?, ?, 'PENDING')""";

    private static final String SELECT = """
            SELECT id, show_id, base_sha256, file_name, source_text, uploaded_by, uploaded_at, status, decided_by,
                   decided_at
              FROM plan_upload
             WHERE id = ?""";

    /** Only one of two clicks, or of two instances, finds the upload still pending. */
    private static final String DECIDE = """
            UPDATE plan_upload SET status = ?, decided_by = ?, decided_at = ?
             WHERE id = ? AND status = 'PENDING'""";

    private static final String INSERT_MOVE = """
            INSERT INTO plan_move (upload_id, show_id, call_key, from_at, to_at) VALUES (?, ?, ?, ?, ?)""";

    private static final String SELECT_MOVES = """
            SELECT upload_id, show_id, call_key, from_at, to_at
              FROM plan_move
             WHERE show_id = ?
             ORDER BY upload_id, call_key""";

    /** Keeps a new version of a show's file, pending; returns its id. */
    public long add(Connection c, String showId, String baseSha256, String fileName, String text, long uploadedBy,
                    Instant uploadedAt) {
        try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, showId);
            ps.setString(2, baseSha256);
            ps.setString(3, fileName);
            ps.setString(4, text);
            ps.setLong(5, uploadedBy);
            Jdbc.setInstant(ps, 6, uploadedAt);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("The database gave no id for the new upload");
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("Could not keep the upload of " + fileName + " for show " + showId, e);
        }
    }

    public Optional<PlanUpload> find(Connection c, long id) {
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read plan upload " + id, e);
        }
    }

    /**
     * Applies or cancels a pending upload.
     *
     * @return whether this call decided it: false when it was no longer pending
     */
    public boolean decide(Connection c, long id, PlanUpload.Status status, long by, Instant at) {
        if (status == PlanUpload.Status.PENDING) {
            throw new IllegalArgumentException("An upload is decided by applying or cancelling it");
        }
        try (PreparedStatement ps = c.prepareStatement(DECIDE)) {
            ps.setString(1, status.name());
            ps.setLong(2, by);
            Jdbc.setInstant(ps, 3, at);
            ps.setLong(4, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("Could not mark plan upload " + id + " " + status, e);
        }
    }

    /** Records whose calls an applied upload moved: each is owed a notice from now on. */
    public void addMoves(Connection c, List<PlanMove> moves) {
        try (PreparedStatement ps = c.prepareStatement(INSERT_MOVE)) {
            for (PlanMove move : moves) {
                ps.setLong(1, move.uploadId());
                ps.setString(2, move.showId());
                ps.setString(3, move.callKey());
                Jdbc.setInstant(ps, 4, move.from());
                Jdbc.setInstant(ps, 5, move.to());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("Could not record the calls a plan update moved", e);
        }
    }

    /** Every call the show's plan updates moved, oldest update first. */
    public List<PlanMove> moves(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_MOVES)) {
            ps.setString(1, showId);
            try (ResultSet rs = ps.executeQuery()) {
                List<PlanMove> moves = new ArrayList<>();
                while (rs.next()) {
                    moves.add(new PlanMove(rs.getLong("upload_id"), rs.getString("show_id"), rs.getString("call_key"),
                            Jdbc.instant(rs, "from_at"), Jdbc.instant(rs, "to_at")));
                }
                return moves;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the calls plan updates moved at show " + showId, e);
        }
    }

    public Optional<PlanMove> move(Connection c, String showId, long uploadId, String callKey) {
        return moves(c, showId).stream()
                .filter(m -> m.uploadId() == uploadId && m.callKey().equals(callKey))
                .findFirst();
    }

    private static PlanUpload read(ResultSet rs) throws SQLException {
        OptionalLong decidedBy = Jdbc.optionalLong(rs, "decided_by");
        return new PlanUpload(
                rs.getLong("id"),
                rs.getString("show_id"),
                rs.getString("base_sha256"),
                rs.getString("file_name"),
                rs.getString("source_text"),
                rs.getLong("uploaded_by"),
                Jdbc.instant(rs, "uploaded_at"),
                PlanUpload.Status.valueOf(rs.getString("status")),
                decidedBy,
                Jdbc.optionalInstant(rs, "decided_at"));
    }
}

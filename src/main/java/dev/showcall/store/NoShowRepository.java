package dev.showcall.store;

import dev.showcall.backstage.NoShow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Models marked as no-shows. A mark counts once, however often it is made. */
public final class NoShowRepository {

    /** MERGE on H2; on PostgreSQL ON CONFLICT, which a racing insert of the same key cannot make fail. */
    private static final Dialect.Sql INSERT_IF_ABSENT = new Dialect.Sql("""
            MERGE INTO no_show s
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR))) AS n (show_id, subject_key)
               ON s.show_id = n.show_id AND s.subject_key = n.subject_key
             WHEN NOT MATCHED THEN
                  INSERT (show_id, subject_key, marked_by, marked_at)
                  VALUES (n.show_id, n.subject_key, ?, ?)""", """
            INSERT INTO no_show (show_id, subject_key, marked_by, marked_at)
            VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING""");

    private static final String COLUMNS = "show_id, subject_key, marked_by, marked_at";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM no_show WHERE show_id = ? AND subject_key = ?";
    private static final String SELECT_FOR_SHOW =
            "SELECT " + COLUMNS + " FROM no_show WHERE show_id = ? ORDER BY marked_at, subject_key";
    private static final String DELETE = "DELETE FROM no_show WHERE show_id = ? AND subject_key = ?";

    /** @return false when she was marked already; the first mark then stands */
    public boolean mark(Connection c, NoShow noShow) {
        try (PreparedStatement ps = c.prepareStatement(INSERT_IF_ABSENT.in(c))) {
            ps.setString(1, noShow.showId());
            ps.setString(2, noShow.subjectKey());
            ps.setLong(3, noShow.markedBy());
            Jdbc.setInstant(ps, 4, noShow.markedAt());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (Jdbc.isDuplicateKey(e)) {
                return false; // lost a race with another mark of the same model
            }
            throw new StoreException("Could not mark " + noShow.subjectKey() + " a no-show at show " + noShow.showId(), e);
        }
    }

    public Optional<NoShow> find(Connection c, String showId, String subjectKey) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_ONE)) {
            ps.setString(1, showId);
            ps.setString(2, subjectKey);
            List<NoShow> found = readAll(ps);
            return found.stream().findFirst();
        } catch (SQLException e) {
            throw new StoreException("Could not read the no-show of " + subjectKey + " at show " + showId, e);
        }
    }

    public List<NoShow> forShow(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_FOR_SHOW)) {
            ps.setString(1, showId);
            return readAll(ps);
        } catch (SQLException e) {
            throw new StoreException("Could not read the no-shows of show " + showId, e);
        }
    }

    /** @return whether a mark was removed */
    public boolean remove(Connection c, String showId, String subjectKey) {
        try (PreparedStatement ps = c.prepareStatement(DELETE)) {
            ps.setString(1, showId);
            ps.setString(2, subjectKey);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("Could not remove the no-show of " + subjectKey + " at show " + showId, e);
        }
    }

    private static List<NoShow> readAll(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<NoShow> found = new ArrayList<>();
            while (rs.next()) {
                found.add(new NoShow(rs.getString("show_id"), rs.getString("subject_key"), rs.getLong("marked_by"),
                        Jdbc.instant(rs, "marked_at")));
            }
            return found;
        }
    }
}

package dev.showcall.store;

import dev.showcall.backstage.Walk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The looks that went out on the runway. A look walks once, however often it is reported. */
public final class WalkRepository {

    /** MERGE on H2; on PostgreSQL ON CONFLICT, which a racing insert of the same key cannot make fail. */
    private static final Dialect.Sql INSERT_IF_ABSENT = new Dialect.Sql("""
            MERGE INTO look_walk w
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS INT))) AS n (show_id, look_number)
               ON w.show_id = n.show_id AND w.look_number = n.look_number
             WHEN NOT MATCHED THEN
                  INSERT (show_id, look_number, model_name, walked_at, walked_by)
                  VALUES (n.show_id, n.look_number, ?, ?, ?)""", """
            INSERT INTO look_walk (show_id, look_number, model_name, walked_at, walked_by)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""");

    private static final String COLUMNS = "show_id, look_number, model_name, walked_at, walked_by";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM look_walk WHERE show_id = ? AND look_number = ?";
    private static final String SELECT_FOR_SHOW =
            "SELECT " + COLUMNS + " FROM look_walk WHERE show_id = ? ORDER BY walked_at, look_number";
    private static final String DELETE = "DELETE FROM look_walk WHERE show_id = ? AND look_number = ?";

    /** @return false when the look had walked already; the first record then stands */
    public boolean record(Connection c, Walk walk) {
        try (PreparedStatement ps = c.prepareStatement(INSERT_IF_ABSENT.in(c))) {
            ps.setString(1, walk.showId());
            ps.setInt(2, walk.lookNumber());
            ps.setString(3, walk.model());
            Jdbc.setInstant(ps, 4, walk.walkedAt());
            ps.setLong(5, walk.walkedBy());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (Jdbc.isDuplicateKey(e)) {
                return false; // someone else recorded it in the same instant
            }
            throw new StoreException("Could not record look " + walk.lookNumber() + " walking at show " + walk.showId(), e);
        }
    }

    public Optional<Walk> find(Connection c, String showId, int lookNumber) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_ONE)) {
            ps.setString(1, showId);
            ps.setInt(2, lookNumber);
            return readAll(ps).stream().findFirst();
        } catch (SQLException e) {
            throw new StoreException("Could not read look " + lookNumber + " walking at show " + showId, e);
        }
    }

    public List<Walk> forShow(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_FOR_SHOW)) {
            ps.setString(1, showId);
            return readAll(ps);
        } catch (SQLException e) {
            throw new StoreException("Could not read the looks that walked at show " + showId, e);
        }
    }

    /** @return whether a record was removed */
    public boolean remove(Connection c, String showId, int lookNumber) {
        try (PreparedStatement ps = c.prepareStatement(DELETE)) {
            ps.setString(1, showId);
            ps.setInt(2, lookNumber);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("Could not remove look " + lookNumber + " walking at show " + showId, e);
        }
    }

    private static List<Walk> readAll(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<Walk> found = new ArrayList<>();
            while (rs.next()) {
                found.add(new Walk(rs.getString("show_id"), rs.getInt("look_number"), rs.getString("model_name"),
                        Jdbc.instant(rs, "walked_at"), rs.getLong("walked_by")));
            }
            return found;
        }
    }
}

package dev.showcall.store;

import dev.showcall.backstage.Replacement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Models replaced on the day. A model is replaced once; her replacement may be replaced in turn. */
public final class ReplacementRepository {

    /**
     * A second replacement of the same model breaks uq_replacement_model on H2; PostgreSQL inserts
     * nothing instead, for a failed statement there would abort the whole transaction.
     */
    private static final Dialect.Sql INSERT = new Dialect.Sql("""
            INSERT INTO replacement (show_id, model_name, replaced_by, looks, replaced_at, decided_by)
            VALUES (?, ?, ?, ?, ?, ?)""", """
            INSERT INTO replacement (show_id, model_name, replaced_by, looks, replaced_at, decided_by)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (show_id, model_name) DO NOTHING""");

    private static final String SELECT_FOR_SHOW = """
            SELECT id, show_id, model_name, replaced_by, looks, replaced_at, decided_by
              FROM replacement WHERE show_id = ? ORDER BY id""";

    /** @return the stored replacement with its id, or empty when she was replaced already */
    public Optional<Replacement> add(Connection c, Replacement r) {
        try (PreparedStatement ps = c.prepareStatement(INSERT.in(c), Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, r.showId());
            ps.setString(2, r.model());
            ps.setString(3, r.replacedBy());
            ps.setString(4, r.looks().stream().map(String::valueOf).collect(Collectors.joining(",")));
            Jdbc.setInstant(ps, 5, r.decidedAt());
            ps.setLong(6, r.decidedBy());
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return Optional.of(new Replacement(keys.getLong(1), r.showId(), r.model(), r.replacedBy(), r.looks(),
                        r.decidedAt(), r.decidedBy()));
            }
        } catch (SQLException e) {
            if (Jdbc.isDuplicateKey(e)) {
                return Optional.empty();
            }
            throw new StoreException("Could not record " + r.replacedBy() + " replacing " + r.model()
                    + " at show " + r.showId(), e);
        }
    }

    public List<Replacement> forShow(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_FOR_SHOW)) {
            ps.setString(1, showId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Replacement> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(new Replacement(rs.getLong("id"), rs.getString("show_id"), rs.getString("model_name"),
                            rs.getString("replaced_by"), looks(rs.getString("looks")), Jdbc.instant(rs, "replaced_at"),
                            rs.getLong("decided_by")));
                }
                return found;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the replacements at show " + showId, e);
        }
    }

    public Optional<Replacement> find(Connection c, String showId, long id) {
        return forShow(c, showId).stream().filter(r -> r.id() == id).findFirst();
    }

    private static List<Integer> looks(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
    }
}

package dev.showcall.store;

import dev.showcall.screen.Grant;
import dev.showcall.screen.LinkKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** The links to the web pages: each token's hash with what it grants, until the show's links are rotated. */
public final class ScreenLinkRepository {

    /** MERGE on H2; on PostgreSQL ON CONFLICT, which a racing insert of the same key cannot make fail. */
    private static final Dialect.Sql KEEP = new Dialect.Sql("""
            MERGE INTO screen_link l
            USING (VALUES (CAST(? AS CHAR(64)))) AS n (token_hash)
               ON l.token_hash = n.token_hash
             WHEN NOT MATCHED THEN
                  INSERT (token_hash, show_id, kind, user_id, epoch, created_at)
                  VALUES (n.token_hash, ?, ?, ?, ?, ?)""", """
            INSERT INTO screen_link (token_hash, show_id, kind, user_id, epoch, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""");

    /** The show's current epoch: 0 until its links are first rotated. */
    public int epoch(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(epoch), 0) AS epoch FROM screen_link WHERE show_id = ?")) {
            ps.setString(1, showId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt("epoch");
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the link epoch of show " + showId, e);
        }
    }

    /** Keeps the hash of a token given out, unless it is kept already. */
    public void keep(Connection c, String tokenHash, Grant grant, Instant at) {
        try (PreparedStatement ps = c.prepareStatement(KEEP.in(c))) {
            ps.setString(1, tokenHash);
            ps.setString(2, grant.showId());
            ps.setString(3, grant.kind().name());
            if (grant.userId().isPresent()) {
                ps.setLong(4, grant.userId().getAsLong());
            } else {
                ps.setNull(4, java.sql.Types.BIGINT);
            }
            ps.setInt(5, grant.epoch());
            Jdbc.setInstant(ps, 6, at);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!Jdbc.isDuplicateKey(e)) {
                throw new StoreException("Could not keep a link of show " + grant.showId(), e);
            }
        }
    }

    /** What the token with this hash grants, unless it was never given out or has been revoked. */
    public Optional<Grant> granted(Connection c, String tokenHash) {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT show_id, kind, user_id, epoch FROM screen_link WHERE token_hash = ? AND revoked_at IS NULL""")) {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long user = rs.getLong("user_id");
                OptionalLong userId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(user);
                return Optional.of(new Grant(rs.getString("show_id"), LinkKind.valueOf(rs.getString("kind")),
                        rs.getInt("epoch"), userId));
            }
        } catch (SQLException e) {
            throw new StoreException("Could not look a link up", e);
        }
    }

    /**
     * Revokes every link of the show, the personal pages' too, and moves it to the next epoch, whose first link marks
     * it.
     *
     * @return the new epoch
     */
    public int rotate(Connection c, String showId, Instant at) {
        int next = epoch(c, showId) + 1;
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE screen_link SET revoked_at = ? WHERE show_id = ? AND revoked_at IS NULL")) {
            Jdbc.setInstant(ps, 1, at);
            ps.setString(2, showId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not revoke the links of show " + showId, e);
        }
        new PersonalLinkRepository().revokeShow(c, showId, at);
        return next;
    }
}

package dev.showcall.store;

import dev.showcall.screen.Grant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The personal pages' links: each token's hash with the call it is for, until the show's links are rotated or its
 * person is linked or unlinked on Discord. A person's generation is how many times their links were revoked: the
 * next link they are given is of a generation none of the revoked ones had, so it is a new token.
 */
public final class PersonalLinkRepository {

    /** MERGE on H2; on PostgreSQL ON CONFLICT, which a racing insert of the same key cannot make fail. */
    private static final Dialect.Sql KEEP = new Dialect.Sql("""
            MERGE INTO personal_link l
            USING (VALUES (CAST(? AS CHAR(64)))) AS n (token_hash)
               ON l.token_hash = n.token_hash
             WHEN NOT MATCHED THEN
                  INSERT (token_hash, show_id, call_key, person_key, epoch, generation, created_at)
                  VALUES (n.token_hash, ?, ?, ?, ?, ?, ?)""", """
            INSERT INTO personal_link (token_hash, show_id, call_key, person_key, epoch, generation, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""");

    /**
     * The generation of the person's next link: one after the newest of theirs that was revoked, 0 when none was.
     * A link of this generation that was given out and not revoked is the one to give again.
     */
    public int generation(Connection c, String showId, String personKey) {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT COALESCE(MAX(generation) + 1, 0) AS generation FROM personal_link
                 WHERE show_id = ? AND person_key = ? AND revoked_at IS NOT NULL""")) {
            ps.setString(1, showId);
            ps.setString(2, personKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt("generation");
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the personal link generation of " + personKey + " at show "
                    + showId, e);
        }
    }

    /** Keeps the hash of a personal link given out, unless it is kept already. */
    public void keep(Connection c, String tokenHash, Grant grant, String personKey, int generation, Instant at) {
        try (PreparedStatement ps = c.prepareStatement(KEEP.in(c))) {
            ps.setString(1, tokenHash);
            ps.setString(2, grant.showId());
            ps.setString(3, grant.callKey().orElseThrow());
            ps.setString(4, personKey);
            ps.setInt(5, grant.epoch());
            ps.setInt(6, generation);
            Jdbc.setInstant(ps, 7, at);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!Jdbc.isDuplicateKey(e)) {
                throw new StoreException("Could not keep a personal link of show " + grant.showId(), e);
            }
        }
    }

    /** Whether the token with this hash was given out and is still good (a revoked one is kept, revoked). */
    public Optional<Grant> granted(Connection c, String tokenHash) {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT show_id, call_key, epoch FROM personal_link WHERE token_hash = ? AND revoked_at IS NULL""")) {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(Grant.personal(rs.getString("show_id"), rs.getInt("epoch"), rs.getString("call_key")));
            }
        } catch (SQLException e) {
            throw new StoreException("Could not look a personal link up", e);
        }
    }

    /**
     * Revokes every link of the person at the show: they were linked to someone else on Discord, or unlinked.
     *
     * @return how many links stopped
     */
    public int revokePerson(Connection c, String showId, String personKey, Instant at) {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE personal_link SET revoked_at = ? WHERE show_id = ? AND person_key = ? AND revoked_at IS NULL""")) {
            Jdbc.setInstant(ps, 1, at);
            ps.setString(2, showId);
            ps.setString(3, personKey);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not revoke the personal links of " + personKey + " at show " + showId, e);
        }
    }

    /** Revokes every personal link of the show: its links were rotated. */
    public int revokeShow(Connection c, String showId, Instant at) {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE personal_link SET revoked_at = ? WHERE show_id = ? AND revoked_at IS NULL")) {
            Jdbc.setInstant(ps, 1, at);
            ps.setString(2, showId);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not revoke the personal links of show " + showId, e);
        }
    }
}

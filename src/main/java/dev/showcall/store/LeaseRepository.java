package dev.showcall.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The lease that makes one showcall instance the active one (table {@code showcall_lease}, one
 * row). Every change is a conditional update on what the caller saw, so two instances racing for
 * it cannot both win.
 */
public final class LeaseRepository {

    /** The row's name: one lease for the whole database. */
    static final String NAME = "active";

    /** What the row says now. */
    public record Row(long epoch, Optional<String> holder, String host, long heartbeat, Instant acquiredAt,
                      Instant renewedAt) {

        /** Whether the last holder let go of it on a clean stop. */
        public boolean released() {
            return holder.isEmpty();
        }
    }

    private static final String SELECT =
            "SELECT epoch, holder, host, heartbeat, acquired_at, renewed_at FROM showcall_lease WHERE name = ?";

    private static final String INSERT = """
            INSERT INTO showcall_lease (name, epoch, holder, host, heartbeat, acquired_at, renewed_at)
            VALUES (?, 1, ?, ?, 0, ?, ?)""";

    private static final String TAKE_OVER = """
            UPDATE showcall_lease
               SET epoch = epoch + 1, holder = ?, host = ?, heartbeat = 0, acquired_at = ?, renewed_at = ?
             WHERE name = ? AND epoch = ? AND heartbeat = ?""";

    private static final String RENEW = """
            UPDATE showcall_lease
               SET heartbeat = heartbeat + 1, renewed_at = ?
             WHERE name = ? AND epoch = ? AND holder = ?""";

    private static final String RELEASE =
            "UPDATE showcall_lease SET holder = NULL WHERE name = ? AND epoch = ? AND holder = ?";

    /**
     * On PostgreSQL the claim holds a share lock on the row until it commits: a takeover waits for
     * the claims under way, and every claim after it sees the new epoch. H2 runs one instance.
     */
    private static final Dialect.Sql HOLDER_FOR_CLAIM = new Dialect.Sql(
            "SELECT epoch, holder FROM showcall_lease WHERE name = ?",
            "SELECT epoch, holder FROM showcall_lease WHERE name = ? FOR SHARE");

    public Optional<Row> find(Connection c) {
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, NAME);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(rs.getLong("epoch"), Jdbc.optionalString(rs, "holder"),
                        rs.getString("host"), rs.getLong("heartbeat"), Jdbc.instant(rs, "acquired_at"),
                        Jdbc.instant(rs, "renewed_at")));
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the lease", e);
        }
    }

    /**
     * Takes the lease on a database where nobody held it yet, as epoch 1.
     *
     * @return false when another instance created it first
     */
    public boolean create(Connection c, String holder, String host, Instant now) {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, NAME);
            ps.setString(2, holder);
            ps.setString(3, host);
            Jdbc.setInstant(ps, 4, now);
            Jdbc.setInstant(ps, 5, now);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (Jdbc.isDuplicateKey(e)) {
                return false;
            }
            throw new StoreException("Could not create the lease", e);
        }
    }

    /**
     * Takes the lease over from the holder seen at {@code epoch} and {@code heartbeat}, as the next epoch.
     *
     * @return false when the row changed since: the holder renewed it, or another instance took it first
     */
    public boolean takeOver(Connection c, long epoch, long heartbeat, String holder, String host, Instant now) {
        try (PreparedStatement ps = c.prepareStatement(TAKE_OVER)) {
            ps.setString(1, holder);
            ps.setString(2, host);
            Jdbc.setInstant(ps, 3, now);
            Jdbc.setInstant(ps, 4, now);
            ps.setString(5, NAME);
            ps.setLong(6, epoch);
            ps.setLong(7, heartbeat);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("Could not take the lease over", e);
        }
    }

    /** @return false when {@code holder} no longer holds the lease at {@code epoch} */
    public boolean renew(Connection c, long epoch, String holder, Instant now) {
        try (PreparedStatement ps = c.prepareStatement(RENEW)) {
            Jdbc.setInstant(ps, 1, now);
            ps.setString(2, NAME);
            ps.setLong(3, epoch);
            ps.setString(4, holder);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("Could not renew the lease", e);
        }
    }

    /** Lets go of the lease on a clean stop, so that a standby takes over without waiting for it to expire. */
    public boolean release(Connection c, long epoch, String holder) {
        try (PreparedStatement ps = c.prepareStatement(RELEASE)) {
            ps.setString(1, NAME);
            ps.setLong(2, epoch);
            ps.setString(3, holder);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("Could not release the lease", e);
        }
    }

    /**
     * Whether {@code holder} holds the lease at {@code epoch}, read for a claim in the claim's own
     * transaction (see {@link #HOLDER_FOR_CLAIM}).
     */
    public boolean holds(Connection c, long epoch, String holder) {
        try (PreparedStatement ps = c.prepareStatement(HOLDER_FOR_CLAIM.in(c))) {
            ps.setString(1, NAME);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong("epoch") == epoch && holder.equals(rs.getString("holder"));
            }
        } catch (SQLException e) {
            throw new StoreException("Could not check the lease", e);
        }
    }
}

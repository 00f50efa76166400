package dev.showcall.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The DM channel of each person showcall has opened one with, kept so that a restart opens none again. */
public final class DmChannelRepository {

    private static final String SAVE = """
            MERGE INTO dm_channel d
            USING (VALUES (CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS TIMESTAMP(9) WITH TIME ZONE)))
                  AS n (user_id, channel_id, opened_at)
               ON d.user_id = n.user_id
             WHEN MATCHED THEN UPDATE SET channel_id = n.channel_id, opened_at = n.opened_at
             WHEN NOT MATCHED THEN INSERT (user_id, channel_id, opened_at) VALUES (n.user_id, n.channel_id, n.opened_at)""";

    /** Every known channel, by user id. */
    public Map<Long, Long> all(Connection c) {
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id, channel_id FROM dm_channel");
             ResultSet rs = ps.executeQuery()) {
            Map<Long, Long> channels = new HashMap<>();
            while (rs.next()) {
                channels.put(rs.getLong("user_id"), rs.getLong("channel_id"));
            }
            return channels;
        } catch (SQLException e) {
            throw new StoreException("Could not read the DM channels", e);
        }
    }

    /** When the channels opened at or after {@code since} were opened, oldest first. */
    public java.util.List<Instant> openedSince(Connection c, Instant since) {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT opened_at FROM dm_channel WHERE opened_at >= ? ORDER BY opened_at")) {
            Jdbc.setInstant(ps, 1, since);
            try (ResultSet rs = ps.executeQuery()) {
                java.util.List<Instant> opened = new java.util.ArrayList<>();
                while (rs.next()) {
                    opened.add(Jdbc.instant(rs, "opened_at"));
                }
                return opened;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read when the DM channels were opened", e);
        }
    }

    /** Keeps the user's channel; a second save of the same user replaces the first. */
    public void save(Connection c, long userId, long channelId, Instant openedAt) {
        try (PreparedStatement ps = c.prepareStatement(SAVE)) {
            ps.setLong(1, userId);
            ps.setLong(2, channelId);
            Jdbc.setInstant(ps, 3, openedAt);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not keep the DM channel of user " + userId, e);
        }
    }

    /** Forgets a channel Discord no longer knows, so that it is opened again. */
    public void forget(Connection c, long userId) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM dm_channel WHERE user_id = ?")) {
            ps.setLong(1, userId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not forget the DM channel of user " + userId, e);
        }
    }
}

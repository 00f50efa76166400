package dev.showcall.store;

import dev.showcall.timeline.FeedStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Each show's board message on Discord, so that a restart edits the same one. */
public final class TimelineBoardRepository {

    private static final Dialect.Sql UPSERT = new Dialect.Sql("""
            MERGE INTO timeline_board (show_id, channel_id, message_id, posted_at) KEY (show_id)
            VALUES (?, ?, ?, ?)""", """
            INSERT INTO timeline_board (show_id, channel_id, message_id, posted_at)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (show_id) DO UPDATE
               SET channel_id = EXCLUDED.channel_id, message_id = EXCLUDED.message_id, posted_at = EXCLUDED.posted_at""");

    private static final String SELECT = "SELECT channel_id, message_id FROM timeline_board WHERE show_id = ?";

    public Optional<FeedStore.BoardMessage> find(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, showId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new FeedStore.BoardMessage(rs.getLong("channel_id"), rs.getLong("message_id")))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the board message of show " + showId, e);
        }
    }

    /** Records the show's board message, replacing one that was deleted. */
    public void save(Connection c, String showId, FeedStore.BoardMessage board, Instant postedAt) {
        try (PreparedStatement ps = c.prepareStatement(UPSERT.in(c))) {
            ps.setString(1, showId);
            ps.setLong(2, board.channelId());
            ps.setLong(3, board.messageId());
            Jdbc.setInstant(ps, 4, postedAt);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not save the board message of show " + showId, e);
        }
    }
}

package dev.showcall.store;

import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline outbox. Events are appended in the transaction of the change they report and
 * published from here, in id order, which is the order they were committed in per show.
 */
public final class TimelineEventRepository {

    private static final String INSERT = """
            INSERT INTO timeline_event (show_id, occurred_at, kind, actor_user_id, subject, text)
            VALUES (?, ?, ?, ?, ?, ?)""";

    private static final String COLUMNS = "id, show_id, occurred_at, kind, actor_user_id, subject, text, published_at";

    private static final String SELECT_UNPUBLISHED = "SELECT " + COLUMNS
            + " FROM timeline_event WHERE show_id = ? AND published_at IS NULL ORDER BY id FETCH FIRST ? ROWS ONLY";

    private static final String SELECT_FOR_SHOW =
            "SELECT " + COLUMNS + " FROM timeline_event WHERE show_id = ? ORDER BY id";

    /** Only unpublished events, so that a retried publish keeps the first message it went out in. */
    private static final String MARK_PUBLISHED = """
            UPDATE timeline_event
               SET published_at = ?, message_id = ?
             WHERE id = ? AND published_at IS NULL""";

    /**
     * Appends a new event to the outbox.
     *
     * @return the id the event was stored under
     */
    public long append(Connection c, TimelineEvent event) {
        if (event.id() != TimelineEvent.UNSTORED || event.isPublished()) {
            throw new IllegalArgumentException("Only a new, unpublished event can be appended; event "
                    + event.id() + " is stored already");
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, event.showId());
            Jdbc.setInstant(ps, 2, event.occurredAt());
            ps.setString(3, event.kind().name());
            Jdbc.setLong(ps, 4, event.actorUserId());
            Jdbc.setString(ps, 5, event.subject());
            ps.setString(6, event.text());
            ps.executeUpdate();
            return generatedId(ps);
        } catch (SQLException e) {
            throw new StoreException("Could not append a " + event.kind() + " event to the timeline of show "
                    + event.showId(), e);
        }
    }

    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("The database gave no id for the new timeline event");
            }
            return keys.getLong(1);
        }
    }

    /** The oldest events not yet published, at most {@code limit} of them, in id order. */
    public List<TimelineEvent> unpublished(Connection c, String showId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        try (PreparedStatement ps = c.prepareStatement(SELECT_UNPUBLISHED)) {
            ps.setString(1, showId);
            ps.setInt(2, limit);
            return readAll(ps);
        } catch (SQLException e) {
            throw new StoreException("Could not read the unpublished timeline of show " + showId, e);
        }
    }

    /**
     * Marks events as published in the Discord message {@code messageId}.
     *
     * @return how many were newly marked; events published before are left as they were
     */
    public int markPublished(Connection c, List<Long> ids, Instant at, long messageId) {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(MARK_PUBLISHED)) {
            for (long id : ids) {
                Jdbc.setInstant(ps, 1, at);
                ps.setLong(2, messageId);
                ps.setLong(3, id);
                ps.addBatch();
            }
            int marked = 0;
            for (int count : ps.executeBatch()) {
                marked += count;
            }
            return marked;
        } catch (SQLException e) {
            throw new StoreException("Could not mark timeline events " + ids + " as published", e);
        }
    }

    /** The show's whole timeline, published or not, in id order. */
    public List<TimelineEvent> forShow(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_FOR_SHOW)) {
            ps.setString(1, showId);
            return readAll(ps);
        } catch (SQLException e) {
            throw new StoreException("Could not read the timeline of show " + showId, e);
        }
    }

    private static List<TimelineEvent> readAll(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<TimelineEvent> events = new ArrayList<>();
            while (rs.next()) {
                events.add(read(rs));
            }
            return events;
        }
    }

    private static TimelineEvent read(ResultSet rs) throws SQLException {
        return new TimelineEvent(
                rs.getLong("id"),
                rs.getString("show_id"),
                Jdbc.instant(rs, "occurred_at"),
                EventKind.valueOf(rs.getString("kind")),
                Jdbc.optionalLong(rs, "actor_user_id"),
                Jdbc.optionalString(rs, "subject"),
                rs.getString("text"),
                Jdbc.optionalInstant(rs, "published_at"));
    }
}

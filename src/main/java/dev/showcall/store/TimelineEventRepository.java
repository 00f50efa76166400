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
import java.util.function.Consumer;

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

    private static final String SELECT_CLAIMED = "SELECT " + COLUMNS + " FROM timeline_event"
            + " WHERE show_id = ? AND published_at IS NULL AND batch_id IS NOT NULL ORDER BY id";

    private static final String SELECT_UNCLAIMED = "SELECT " + COLUMNS + " FROM timeline_event"
            + " WHERE show_id = ? AND published_at IS NULL AND batch_id IS NULL ORDER BY id FETCH FIRST ? ROWS ONLY";

    private static final String CLAIM =
            "UPDATE timeline_event SET batch_id = ? WHERE id = ? AND published_at IS NULL AND batch_id IS NULL";

    private static final String SELECT_NEWEST_ID = "SELECT MAX(id) FROM timeline_event WHERE show_id = ?";

    private static final String SELECT_FOR_SHOW =
            "SELECT " + COLUMNS + " FROM timeline_event WHERE show_id = ? ORDER BY id";

    /** Only unpublished events, so that a retried publish keeps the first message it went out in. */
    private static final String MARK_PUBLISHED = """
            UPDATE timeline_event
               SET published_at = ?, message_id = ?
             WHERE id = ? AND published_at IS NULL""";

    private final Consumer<String> committed;

    public TimelineEventRepository() {
        this(showId -> {
        });
    }

    /** @param committed told the show's id once a transaction that appended an event has committed */
    public TimelineEventRepository(Consumer<String> committed) {
        this.committed = committed;
    }

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
            long id = generatedId(ps);
            Database.afterCommit(() -> committed.accept(event.showId()));
            return id;
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
        return markPublished(c, ids, at, java.util.OptionalLong.of(messageId));
    }

    /** @param messageId the log message showing them; empty for events the log does not show */
    public int markPublished(Connection c, List<Long> ids, Instant at, java.util.OptionalLong messageId) {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(MARK_PUBLISHED)) {
            for (long id : ids) {
                Jdbc.setInstant(ps, 1, at);
                Jdbc.setLong(ps, 2, messageId);
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

    /** Unpublished events claimed for a log message, in id order: the message Discord may or may not have. */
    public List<TimelineEvent> claimed(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_CLAIMED)) {
            ps.setString(1, showId);
            return readAll(ps);
        } catch (SQLException e) {
            throw new StoreException("Could not read the claimed timeline events of show " + showId, e);
        }
    }

    /** The oldest unpublished events not claimed for a message yet, at most {@code limit}, in id order. */
    public List<TimelineEvent> unclaimed(Connection c, String showId, int limit) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_UNCLAIMED)) {
            ps.setString(1, showId);
            ps.setInt(2, limit);
            return readAll(ps);
        } catch (SQLException e) {
            throw new StoreException("Could not read the unclaimed timeline events of show " + showId, e);
        }
    }

    /**
     * Claims unpublished events for the log message {@code batchId}, before it is sent.
     *
     * @return how many were claimed; events claimed or published before are left as they were
     */
    public int claim(Connection c, List<Long> ids, long batchId) {
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            for (long id : ids) {
                ps.setLong(1, batchId);
                ps.setLong(2, id);
                ps.addBatch();
            }
            int claimed = 0;
            for (int count : ps.executeBatch()) {
                claimed += count;
            }
            return claimed;
        } catch (SQLException e) {
            throw new StoreException("Could not claim timeline events " + ids + " for batch " + batchId, e);
        }
    }

    /** How many events of every show wait for the log on Discord. */
    public long countUnpublished(Connection c) {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM timeline_event WHERE published_at IS NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("Could not count the unpublished timeline events", e);
        }
    }

    /** The id of the show's newest event, or 0 before the first. */
    public long newestId(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_NEWEST_ID)) {
            ps.setString(1, showId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the newest timeline event of show " + showId, e);
        }
    }

    /** The show's newest {@code limit} events, published or not, oldest first. */
    public List<TimelineEvent> newest(Connection c, String showId, int limit) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM timeline_event WHERE show_id = ? ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY")) {
            ps.setString(1, showId);
            List<TimelineEvent> events = new ArrayList<>(readAll(ps));
            java.util.Collections.reverse(events);
            return events;
        } catch (SQLException e) {
            throw new StoreException("Could not read the newest timeline events of show " + showId, e);
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

package dev.showcall.store;

import dev.showcall.show.Call;
import dev.showcall.show.CallSheet;
import dev.showcall.show.DiscordBinding;
import dev.showcall.show.Show;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Shows and their call sheets. Saving a show touches only the plan: arrivals, look steps and
 * timeline events are what happened on the day and survive any reload of the file.
 */
public final class ShowRepository {

    private static final String SELECT_SHOW = """
            SELECT id, name, venue, time_zone, starts_at, guild_id, timeline_channel_id, calls_channel_id,
                   producer_role_id, pr_role_id, source_file, source_sha256, source_text, loaded_at, updated_at
              FROM show
             WHERE id = ?""";

    private static final String INSERT_SHOW = """
            INSERT INTO show (name, venue, time_zone, starts_at, guild_id, timeline_channel_id, calls_channel_id,
                              producer_role_id, pr_role_id, source_file, source_sha256, source_text,
                              loaded_at, updated_at, id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String UPDATE_SHOW = """
            UPDATE show
               SET name = ?, venue = ?, time_zone = ?, starts_at = ?, guild_id = ?, timeline_channel_id = ?,
                   calls_channel_id = ?, producer_role_id = ?, pr_role_id = ?, source_file = ?, source_sha256 = ?,
                   source_text = ?, loaded_at = ?, updated_at = ?
             WHERE id = ?""";

    private static final String SELECT_CALLS = """
            SELECT call_key, kind, department_id, department_name, who, user_id, role_id, call_at,
                   before_start_seconds, reason, wave, reminders, meeting_point, lead_user_id, notes
              FROM planned_call
             WHERE show_id = ?
             ORDER BY call_at, call_key""";

    private static final String INSERT_CALL = """
            INSERT INTO planned_call (kind, department_id, department_name, who, user_id, role_id, call_at,
                                      before_start_seconds, reason, wave, reminders, meeting_point, lead_user_id,
                                      notes, show_id, call_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String UPDATE_CALL = """
            UPDATE planned_call
               SET kind = ?, department_id = ?, department_name = ?, who = ?, user_id = ?, role_id = ?, call_at = ?,
                   before_start_seconds = ?, reason = ?, wave = ?, reminders = ?, meeting_point = ?,
                   lead_user_id = ?, notes = ?
             WHERE show_id = ? AND call_key = ?""";

    private static final String DELETE_CALL = "DELETE FROM planned_call WHERE show_id = ? AND call_key = ?";

    /**
     * Stores {@code show} and its call sheet as loaded from {@code sourceFile}. Saving the same
     * file planned the same way again writes nothing, so it is safe on every start.
     */
    public LoadResult save(Connection c, Show show, CallSheet sheet, String sourceFile, String sourceText,
                           Instant now) {
        if (!sheet.show().id().equals(show.id())) {
            throw new IllegalArgumentException("The call sheet of show " + sheet.show().id()
                    + " cannot be saved as the plan of show " + show.id());
        }
        Map<String, Call> planned = byKey(sheet.calls().stream().map(ShowRepository::asStored).toList());
        String sha256 = sha256(sourceText);
        Optional<StoredShow> stored = find(c, show.id());
        if (stored.isEmpty()) {
            return saveNew(c, toRow(show, sourceFile, sourceText, sha256, now, now), planned);
        }
        StoredShow before = stored.get();
        StoredShow after = toRow(show, sourceFile, sourceText, sha256, before.loadedAt(), before.updatedAt());
        return saveChanges(c, before, after, byKey(plannedCalls(c, show.id())), planned, now);
    }

    private LoadResult saveNew(Connection c, StoredShow row, Map<String, Call> planned) {
        writeShow(c, INSERT_SHOW, row);
        writeCalls(c, INSERT_CALL, row.id(), planned.values());
        return new LoadResult(LoadResult.Outcome.NEW, List.copyOf(planned.keySet()), List.of(), List.of());
    }

    private LoadResult saveChanges(Connection c, StoredShow before, StoredShow after, Map<String, Call> was,
                                   Map<String, Call> planned, Instant now) {
        List<Call> added = planned.values().stream().filter(call -> !was.containsKey(call.key())).toList();
        List<Call> changed = planned.values().stream()
                .filter(call -> was.containsKey(call.key()) && !was.get(call.key()).equals(call))
                .toList();
        List<String> removed = was.keySet().stream().filter(key -> !planned.containsKey(key)).toList();
        if (before.equals(after) && added.isEmpty() && changed.isEmpty() && removed.isEmpty()) {
            return LoadResult.unchanged();
        }
        writeShow(c, UPDATE_SHOW, after.withUpdatedAt(now));
        writeCalls(c, INSERT_CALL, after.id(), added);
        writeCalls(c, UPDATE_CALL, after.id(), changed);
        deleteCalls(c, after.id(), removed);
        return new LoadResult(LoadResult.Outcome.UPDATED, keys(added), keys(changed), removed);
    }

    public Optional<StoredShow> find(Connection c, String id) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_SHOW)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readShow(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read show " + id, e);
        }
    }

    /** The show's call sheet as stored, in call order. */
    public List<Call> plannedCalls(Connection c, String showId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_CALLS)) {
            ps.setString(1, showId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Call> calls = new ArrayList<>();
                while (rs.next()) {
                    calls.add(readCall(rs));
                }
                return calls;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the call sheet of show " + showId, e);
        }
    }

    private static StoredShow toRow(Show show, String sourceFile, String sourceText, String sha256,
                                    Instant loadedAt, Instant updatedAt) {
        return new StoredShow(show.id(), show.name(), Optional.ofNullable(show.venue()), show.zone(),
                show.startInstant(), show.discord(), sourceFile, sha256, sourceText, loadedAt, updatedAt);
    }

    private static void writeShow(Connection c, String sql, StoredShow show) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, show.name());
            Jdbc.setString(ps, 2, show.venue());
            ps.setString(3, show.zone().getId());
            Jdbc.setInstant(ps, 4, show.startsAt());
            ps.setLong(5, show.discord().guildId());
            ps.setLong(6, show.discord().timelineChannelId());
            ps.setLong(7, show.discord().callsChannelId());
            ps.setLong(8, show.discord().producerRoleId());
            ps.setLong(9, show.discord().prRoleId());
            ps.setString(10, show.sourceFile());
            ps.setString(11, show.sourceSha256());
            ps.setString(12, show.sourceText());
            Jdbc.setInstant(ps, 13, show.loadedAt());
            Jdbc.setInstant(ps, 14, show.updatedAt());
            ps.setString(15, show.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not save show " + show.id(), e);
        }
    }

    private static StoredShow readShow(ResultSet rs) throws SQLException {
        DiscordBinding discord = new DiscordBinding(
                rs.getLong("guild_id"),
                rs.getLong("timeline_channel_id"),
                rs.getLong("calls_channel_id"),
                rs.getLong("producer_role_id"),
                rs.getLong("pr_role_id"));
        return new StoredShow(
                rs.getString("id"),
                rs.getString("name"),
                Jdbc.optionalString(rs, "venue"),
                ZoneId.of(rs.getString("time_zone")),
                Jdbc.instant(rs, "starts_at"),
                discord,
                rs.getString("source_file"),
                rs.getString("source_sha256"),
                rs.getString("source_text"),
                Jdbc.instant(rs, "loaded_at"),
                Jdbc.instant(rs, "updated_at"));
    }

    /** Binds the call's content, then its show and key, in the order INSERT_CALL and UPDATE_CALL share. */
    private static void writeCalls(Connection c, String sql, String showId, Iterable<Call> calls) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Call call : calls) {
                bindCall(ps, showId, call);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("Could not save the call sheet of show " + showId, e);
        }
    }

    private static void bindCall(PreparedStatement ps, String showId, Call call) throws SQLException {
        ps.setString(1, call.kind().name());
        ps.setString(2, call.departmentId());
        ps.setString(3, call.departmentName());
        ps.setString(4, call.who());
        Jdbc.setLong(ps, 5, call.userId());
        Jdbc.setLong(ps, 6, call.roleId());
        Jdbc.setInstant(ps, 7, call.at());
        ps.setLong(8, call.beforeStart().getSeconds());
        ps.setString(9, call.reason());
        Jdbc.setInt(ps, 10, call.wave());
        ps.setString(11, reminders(call.reminders()));
        Jdbc.setString(ps, 12, call.meetingPoint());
        Jdbc.setLong(ps, 13, call.leadUserId());
        Jdbc.setString(ps, 14, call.notes());
        ps.setString(15, showId);
        ps.setString(16, call.key());
    }

    private static void deleteCalls(Connection c, String showId, List<String> keys) {
        try (PreparedStatement ps = c.prepareStatement(DELETE_CALL)) {
            for (String key : keys) {
                ps.setString(1, showId);
                ps.setString(2, key);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("Could not remove calls from the call sheet of show " + showId, e);
        }
    }

    private static Call readCall(ResultSet rs) throws SQLException {
        return new Call(
                rs.getString("call_key"),
                Call.Kind.valueOf(rs.getString("kind")),
                rs.getString("department_id"),
                rs.getString("department_name"),
                rs.getString("who"),
                Jdbc.optionalLong(rs, "user_id"),
                Jdbc.optionalLong(rs, "role_id"),
                Jdbc.instant(rs, "call_at"),
                Duration.ofSeconds(rs.getLong("before_start_seconds")),
                rs.getString("reason"),
                Jdbc.optionalInt(rs, "wave"),
                reminders(rs.getString("reminders")),
                Jdbc.optionalString(rs, "meeting_point"),
                Jdbc.optionalLong(rs, "lead_user_id"),
                Jdbc.optionalString(rs, "notes"));
    }

    /**
     * The call as it reads back from the table, which keeps whole seconds: compared in this form
     * a plan with sub-second durations does not look changed on every reload.
     */
    private static Call asStored(Call call) {
        return new Call(call.key(), call.kind(), call.departmentId(), call.departmentName(), call.who(),
                call.userId(), call.roleId(), call.at(), wholeSeconds(call.beforeStart()), call.reason(), call.wave(),
                call.reminders().stream().map(ShowRepository::wholeSeconds).toList(),
                call.meetingPoint(), call.leadUserId(), call.notes());
    }

    private static Duration wholeSeconds(Duration duration) {
        return Duration.ofSeconds(duration.getSeconds());
    }

    private static String reminders(List<Duration> reminders) {
        return reminders.stream().map(d -> String.valueOf(d.getSeconds())).collect(Collectors.joining(","));
    }

    private static List<Duration> reminders(String column) {
        if (column.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(column.split(",")).map(s -> Duration.ofSeconds(Long.parseLong(s))).toList();
    }

    private static Map<String, Call> byKey(List<Call> calls) {
        Map<String, Call> byKey = new LinkedHashMap<>();
        for (Call call : calls) {
            if (byKey.putIfAbsent(call.key(), call) != null) {
                throw new IllegalArgumentException("The call sheet has two calls with the key " + call.key());
            }
        }
        return byKey;
    }

    private static List<String> keys(List<Call> calls) {
        return calls.stream().map(Call::key).toList();
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

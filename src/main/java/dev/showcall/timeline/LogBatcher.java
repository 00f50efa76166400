package dev.showcall.timeline;

import dev.showcall.text.UserText;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs consecutive events into as few log messages as Discord's 2000 characters allow, in
 * order, each event in exactly one message. Pure: the same events always give the same text,
 * which is how the feed recognises, after a crash, a message Discord took before it could say so.
 */
public final class LogBatcher {

    /** Discord's limit on a message's content. */
    public static final int MAX_MESSAGE = 2000;

    private LogBatcher() {
    }

    /** Every event the log tells, in messages of at most {@link #MAX_MESSAGE} characters; each event in one batch. */
    public static List<LogBatch> batch(List<TimelineEvent> events) {
        List<LogBatch> batches = new ArrayList<>();
        int from = 0;
        while (from < events.size()) {
            LogBatch next = first(events.subList(from, events.size()));
            batches.add(next);
            from += next.eventIds().size();
        }
        return batches;
    }

    /** The first message of {@link #batch}: as many of the events, from the first, as fit. */
    public static LogBatch first(List<TimelineEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("No events to batch");
        }
        StringBuilder content = new StringBuilder();
        List<Long> ids = new ArrayList<>();
        boolean pingsRoles = false;
        for (TimelineEvent event : events) {
            if (!event.kind().toldInLog()) {
                ids.add(event.id());
                continue;
            }
            String line = line(event);
            int needed = content.isEmpty() ? line.length() : content.length() + 1 + line.length();
            if (needed > MAX_MESSAGE) {
                break;
            }
            if (!content.isEmpty()) {
                content.append('\n');
            }
            content.append(line);
            ids.add(event.id());
            pingsRoles |= event.kind() == EventKind.LATE;
        }
        return new LogBatch(ids, content.toString(), pingsRoles);
    }

    /** {@code <t:1771700520:t> ✅ Anya Petrova arrived 18:42 — by <@123>}, cut to fit one message. */
    public static String line(TimelineEvent event) {
        String head = "<t:" + event.occurredAt().getEpochSecond() + ":t> " + icon(event.kind());
        String tail = event.actorUserId().isPresent() ? " — by <@" + event.actorUserId().getAsLong() + ">" : "";
        String text = event.text().replace('\n', ' ');
        return head + UserText.cut(text, MAX_MESSAGE - head.length() - tail.length()) + tail;
    }

    private static String icon(EventKind kind) {
        return switch (kind) {
            case SHOW_LOADED -> "📄 ";
            case PLAN_UPDATED -> "📝 ";
            case CALL, REMINDER -> "📣 ";
            case CONFIRMATION -> "👍 ";
            case ARRIVAL -> "✅ ";
            case ARRIVAL_UNDONE, LOOK_STEP_UNDONE -> "↩️ ";
            case LATE, ALERT -> "⚠️ ";
            case NO_SHOW -> "🚫 ";
            case REPLACEMENT -> "🔁 ";
            case LOOK_STEP, LOOK_READY -> "💄 ";
            case DELAY -> "⏳ ";
            case MILESTONE -> "📍 ";
            case WALKED -> "🚶 ";
            case FAILOVER -> "🔀 ";
            case LINK -> "🔗 ";
            default -> "• ";
        };
    }
}

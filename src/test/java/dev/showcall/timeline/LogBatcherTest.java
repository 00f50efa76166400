package dev.showcall.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The log batcher")
class LogBatcherTest {

    private static final Instant AT = Instant.parse("2027-02-21T18:42:00Z");

    private static TimelineEvent event(long id, EventKind kind, String text, OptionalLong actor) {
        return new TimelineEvent(id, "show", AT, kind, actor, Optional.empty(), text, Optional.empty());
    }

    private static List<TimelineEvent> events(int count, int textLength) {
        return LongStream.rangeClosed(1, count)
                .mapToObj(i -> event(i, EventKind.ARRIVAL, ("Model " + i + " arrived ").repeat(100)
                        .substring(0, textLength), OptionalLong.of(7)))
                .toList();
    }

    @Test
    @DisplayName("writes each event as its time, its text and who did it")
    void line() {
        TimelineEvent arrival = event(1, EventKind.ARRIVAL, "Anya Petrova arrived, 12 min late", OptionalLong.of(42));

        assertThat(LogBatcher.line(arrival))
                .isEqualTo("<t:" + AT.getEpochSecond() + ":t> ✅ Anya Petrova arrived, 12 min late — by <@42>");
    }

    @Test
    @DisplayName("leaves out who did it when nobody did")
    void lineWithoutActor() {
        TimelineEvent milestone = event(1, EventKind.MILESTONE, "**Rehearsal**", OptionalLong.empty());

        assertThat(LogBatcher.line(milestone)).doesNotContain("by");
    }

    @Test
    @DisplayName("packs 300 events into as few messages of at most 2000 characters as they fit in, each event once, in order")
    void packs() {
        List<TimelineEvent> events = events(300, 40);

        List<LogBatch> batches = LogBatcher.batch(events);

        assertThat(batches).allSatisfy(b -> assertThat(b.content()).hasSizeLessThanOrEqualTo(LogBatcher.MAX_MESSAGE));
        assertThat(batches.stream().flatMap(b -> b.eventIds().stream()).toList())
                .isEqualTo(events.stream().map(TimelineEvent::id).toList());
        int totalLength = events.stream().mapToInt(e -> LogBatcher.line(e).length() + 1).sum();
        assertThat(batches).hasSize((int) Math.ceil(totalLength / (double) LogBatcher.MAX_MESSAGE));
    }

    @Test
    @DisplayName("cuts an event's text that would not fit in one message, rather than lose the event")
    void cutsLongText() {
        TimelineEvent huge = event(1, EventKind.DELAY, "x".repeat(TimelineEvent.MAX_TEXT_LENGTH), OptionalLong.of(1));

        LogBatch batch = LogBatcher.first(List.of(huge));

        assertThat(batch.content()).hasSize(LogBatcher.MAX_MESSAGE).endsWith("— by <@1>");
    }

    @Test
    @DisplayName("gives the same text for the same events, to recognise a message posted before a crash")
    void deterministic() {
        List<TimelineEvent> events = events(20, 30);

        assertThat(LogBatcher.first(events)).isEqualTo(LogBatcher.first(List.copyOf(events)));
    }

    @Test
    @DisplayName("says when a message carries a late alert, whose role mention is meant to ping")
    void lateAlertsPing() {
        LogBatch quiet = LogBatcher.first(events(2, 10));
        LogBatch alert = LogBatcher.first(List.of(event(1, EventKind.LATE, "<@&5> Anya is late", OptionalLong.empty())));

        assertThat(quiet.pingsRoles()).isFalse();
        assertThat(alert.pingsRoles()).isTrue();
    }

    @Test
    @DisplayName("accounts for single look steps without a line, and tells a look that became ready")
    void quietSteps() {
        // given two steps that made no look ready, then one that made look 7 ready
        List<TimelineEvent> events = List.of(
                event(1, EventKind.LOOK_STEP, "Anya Petrova (looks 7, 19): hair done", OptionalLong.of(7)),
                event(2, EventKind.LOOK_STEP, "Anya Petrova (looks 7, 19): makeup done", OptionalLong.of(7)),
                event(3, EventKind.LOOK_READY, "Look 7 · Anya Petrova: dressed done — look 7 ready", OptionalLong.of(8)));

        // when they are batched
        LogBatch batch = LogBatcher.first(events);

        // then the message tells only the look that is ready, and the batch still accounts for all three
        assertThat(batch.eventIds()).containsExactly(1L, 2L, 3L);
        assertThat(batch.content()).doesNotContain("hair done").doesNotContain("makeup done")
                .contains("look 7 ready").contains("<@8>");
        assertThat(batch.quiet()).isFalse();
    }

    @Test
    @DisplayName("gives a quiet batch, with nothing to post, when no event in it is told")
    void onlyQuietSteps() {
        LogBatch batch = LogBatcher.first(List.of(
                event(1, EventKind.LOOK_STEP, "Bea Lind (look 2): hair done", OptionalLong.of(7)),
                event(2, EventKind.LOOK_STEP, "Bea Lind (look 2): nails done", OptionalLong.of(7))));

        assertThat(batch.quiet()).isTrue();
        assertThat(batch.eventIds()).containsExactly(1L, 2L);
    }
}

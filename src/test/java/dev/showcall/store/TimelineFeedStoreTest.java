package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.FeedStore;
import dev.showcall.timeline.TimelineEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("The timeline feed's tables: claims, the board message and the commit signal")
class TimelineFeedStoreTest {

    private static final Instant AT = Instant.parse("2027-02-21T16:45:00Z");
    private static final long CHANNEL = 1190000000000000002L;
    private static final long MESSAGE = 1190000000000009001L;

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final List<String> committed = new CopyOnWriteArrayList<>();
    private final TimelineEventRepository timeline = new TimelineEventRepository(committed::add);
    private final TimelineBoardRepository boards = new TimelineBoardRepository();

    @BeforeEach
    void saveShow() {
        ShowFixture.saveShow(db, SHOW_ID, AT.minusSeconds(86_400));
    }

    private long append(String text) {
        return db.inTransaction(c -> timeline.append(c,
                TimelineEvent.of(SHOW_ID, AT, EventKind.ARRIVAL, OptionalLong.empty(), Optional.empty(), text)));
    }

    @Test
    @DisplayName("claimed events are no longer offered for a new message, and stay claimed until published")
    void claims() {
        // given three events, the first two claimed for one message
        long first = append("one");
        long second = append("two");
        long third = append("three");
        int claimed = db.inTransaction(c -> timeline.claim(c, List.of(first, second), first));

        // when the feed asks what waits
        List<TimelineEvent> inDoubt = db.inTransaction(c -> timeline.claimed(c, SHOW_ID));
        List<TimelineEvent> free = db.inTransaction(c -> timeline.unclaimed(c, SHOW_ID, 10));

        // then
        assertThat(claimed).isEqualTo(2);
        assertThat(inDoubt).extracting(TimelineEvent::id).containsExactly(first, second);
        assertThat(free).extracting(TimelineEvent::id).containsExactly(third);
    }

    @Test
    @DisplayName("published events are neither claimed nor free any more")
    void publishedLeaveTheOutbox() {
        long first = append("one");
        db.inTransaction(c -> timeline.claim(c, List.of(first), first));

        db.inTransaction(c -> timeline.markPublished(c, List.of(first), AT, MESSAGE));

        List<TimelineEvent> inDoubt = db.inTransaction(c -> timeline.claimed(c, SHOW_ID));
        List<TimelineEvent> free = db.inTransaction(c -> timeline.unclaimed(c, SHOW_ID, 10));
        assertThat(inDoubt).isEmpty();
        assertThat(free).isEmpty();
    }

    @Test
    @DisplayName("an event is claimed for one message only")
    void claimedOnce() {
        long first = append("one");
        db.inTransaction(c -> timeline.claim(c, List.of(first), first));

        int again = db.inTransaction(c -> timeline.claim(c, List.of(first), 99L));

        assertThat(again).isZero();
    }

    @Test
    @DisplayName("tells the newest event's id, and 0 before the first")
    void newest() {
        long none = db.inTransaction(c -> timeline.newestId(c, SHOW_ID));
        append("one");
        long second = append("two");

        long newest = db.inTransaction(c -> timeline.newestId(c, SHOW_ID));

        assertThat(none).isZero();
        assertThat(newest).isEqualTo(second);
    }

    @Test
    @DisplayName("signals an appended event once its transaction commits, and not when it rolls back")
    void signalsAfterCommit() {
        append("kept");
        assertThatThrownBy(() -> db.inTransaction(c -> {
            timeline.append(c, TimelineEvent.of(SHOW_ID, AT, EventKind.ARRIVAL, OptionalLong.empty(), Optional.empty(),
                    "rolled back"));
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(committed).containsExactly(SHOW_ID);
    }

    @Test
    @DisplayName("keeps the show's board message, replaced when the board is posted again")
    void boardMessage() {
        Optional<FeedStore.BoardMessage> none = db.inTransaction(c -> boards.find(c, SHOW_ID));
        db.inTransaction(c -> {
            boards.save(c, SHOW_ID, new FeedStore.BoardMessage(CHANNEL, MESSAGE), AT);
            return null;
        });
        db.inTransaction(c -> {
            boards.save(c, SHOW_ID, new FeedStore.BoardMessage(CHANNEL, MESSAGE + 1), AT);
            return null;
        });

        Optional<FeedStore.BoardMessage> found = db.inTransaction(c -> boards.find(c, SHOW_ID));

        assertThat(none).isEmpty();
        assertThat(found).contains(new FeedStore.BoardMessage(CHANNEL, MESSAGE + 1));
    }
}

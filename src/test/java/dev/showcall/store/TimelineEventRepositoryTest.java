package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("The timeline outbox")
class TimelineEventRepositoryTest {

    private static final Instant AT = Instant.parse("2027-02-21T16:45:00.000001Z");
    private static final Instant PUBLISHED = AT.plusSeconds(2);
    private static final long MESSAGE = 1190000000000009001L;
    private static final long OTHER_MESSAGE = 1190000000000009002L;

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final TimelineEventRepository timeline = new TimelineEventRepository();

    @BeforeEach
    void saveShow() {
        ShowFixture.saveShow(db, SHOW_ID, AT.minusSeconds(86_400));
    }

    @Test
    @DisplayName("an appended event reads back with its new id and every field, unpublished")
    void appendAndRead() {
        TimelineEvent arrival = TimelineEvent.of(SHOW_ID, AT, EventKind.ARRIVAL,
                OptionalLong.of(ShowFixture.PR_LEAD), Optional.of("model:Anya Petrova"), "Anya Petrova arrived");

        long id = db.inTransaction(c -> timeline.append(c, arrival));

        List<TimelineEvent> stored = db.inTransaction(c -> timeline.forShow(c, SHOW_ID));
        assertThat(stored).containsExactly(new TimelineEvent(id, SHOW_ID, AT, EventKind.ARRIVAL,
                OptionalLong.of(ShowFixture.PR_LEAD), Optional.of("model:Anya Petrova"), "Anya Petrova arrived",
                Optional.empty()));
    }

    @Test
    @DisplayName("an event without actor or subject reads back without them")
    void appendWithoutActorOrSubject() {
        TimelineEvent briefing = event(EventKind.MILESTONE, "Briefing");

        db.inTransaction(c -> timeline.append(c, briefing));

        TimelineEvent stored = db.inTransaction(c -> timeline.forShow(c, SHOW_ID)).get(0);
        assertThat(stored.actorUserId()).isEmpty();
        assertThat(stored.subject()).isEmpty();
        assertThat(stored.kind()).isEqualTo(EventKind.MILESTONE);
    }

    @Test
    @DisplayName("ids grow in the order events are appended")
    void idsGrow() {
        long first = db.inTransaction(c -> timeline.append(c, event(EventKind.CALL, "Hair called")));
        long second = db.inTransaction(c -> timeline.append(c, event(EventKind.CALL, "Models called")));

        assertThat(second).isGreaterThan(first);
    }

    @Test
    @DisplayName("unpublished events come oldest first, at most as many as asked, for that show only")
    void unpublishedInIdOrder() {
        // given three events at the show and one at another
        ShowFixture.saveShow(db, "other-show", AT);
        db.database().runInTransaction(c -> {
            timeline.append(c, event(EventKind.CALL, "one"));
            timeline.append(c, TimelineEvent.of("other-show", AT, EventKind.CALL, OptionalLong.empty(),
                    Optional.empty(), "elsewhere"));
            timeline.append(c, event(EventKind.REMINDER, "two"));
            timeline.append(c, event(EventKind.LATE, "three"));
        });

        // when the feed asks for two
        List<TimelineEvent> batch = db.inTransaction(c -> timeline.unpublished(c, SHOW_ID, 2));

        // then it gets the show's two oldest
        assertThat(batch).extracting(TimelineEvent::text).containsExactly("one", "two");
    }

    @Test
    @DisplayName("published events leave the outbox and keep when they were published")
    void markPublished() {
        // given three unpublished events
        long one = db.inTransaction(c -> timeline.append(c, event(EventKind.CALL, "one")));
        long two = db.inTransaction(c -> timeline.append(c, event(EventKind.CALL, "two")));
        db.inTransaction(c -> timeline.append(c, event(EventKind.CALL, "three")));

        // when the first two are published in one message
        int marked = db.inTransaction(c -> timeline.markPublished(c, List.of(one, two), PUBLISHED, MESSAGE));

        // then only the third is left to publish, and the first two say when they went out
        List<TimelineEvent> left = db.inTransaction(c -> timeline.unpublished(c, SHOW_ID, 10));
        List<TimelineEvent> all = db.inTransaction(c -> timeline.forShow(c, SHOW_ID));
        assertThat(marked).isEqualTo(2);
        assertThat(left).extracting(TimelineEvent::text).containsExactly("three");
        assertThat(all).extracting(TimelineEvent::publishedAt)
                .containsExactly(Optional.of(PUBLISHED), Optional.of(PUBLISHED), Optional.empty());
    }

    @Test
    @DisplayName("publishing an event again changes nothing: it stays in its first message")
    void markPublishedTwice() {
        // given an event published in one message
        long id = db.inTransaction(c -> timeline.append(c, event(EventKind.CALL, "one")));
        db.inTransaction(c -> timeline.markPublished(c, List.of(id), PUBLISHED, MESSAGE));

        // when a retry publishes it again in another
        int marked = db.inTransaction(c ->
                timeline.markPublished(c, List.of(id), PUBLISHED.plusSeconds(5), OTHER_MESSAGE));

        // then nothing is marked and the first message stands
        assertThat(marked).isZero();
        assertThat(messageIdOf(id)).isEqualTo(MESSAGE);
        assertThat(db.inTransaction(c -> timeline.forShow(c, SHOW_ID)).get(0).publishedAt()).contains(PUBLISHED);
    }

    @Test
    @DisplayName("text of exactly 2000 characters is stored whole")
    void textAtTheLimit() {
        String text = "x".repeat(2000);

        db.inTransaction(c -> timeline.append(c, event(EventKind.ALERT, text)));

        assertThat(db.inTransaction(c -> timeline.forShow(c, SHOW_ID)).get(0).text()).isEqualTo(text);
    }

    @Test
    @DisplayName("a new event's text over 2000 characters is cut to 2000, so the change it reports is still stored")
    void newTextTooLong() {
        long id = db.inTransaction(c -> timeline.append(c, event(EventKind.ALERT, "x".repeat(2001))));

        List<TimelineEvent> stored = db.inTransaction(c -> timeline.forShow(c, SHOW_ID));
        assertThat(stored).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(id);
            assertThat(e.text()).hasSize(2000).endsWith("x…");
        });
    }

    @Test
    @DisplayName("an event read or built whole with text over 2000 characters is refused")
    void textTooLong() {
        assertThatThrownBy(() -> new TimelineEvent(TimelineEvent.UNSTORED, SHOW_ID, AT, EventKind.ALERT,
                OptionalLong.empty(), Optional.empty(), "x".repeat(2001), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2001")
                .hasMessageContaining("2000");
    }

    @Test
    @DisplayName("an event that is already stored cannot be appended again")
    void appendStoredEvent() {
        long id = db.inTransaction(c -> timeline.append(c, event(EventKind.CALL, "one")));
        TimelineEvent stored = db.inTransaction(c -> timeline.forShow(c, SHOW_ID)).get(0);

        assertThatThrownBy(() -> db.inTransaction(c -> timeline.append(c, stored)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(id));
    }

    private static TimelineEvent event(EventKind kind, String text) {
        return TimelineEvent.of(SHOW_ID, AT, kind, OptionalLong.empty(), Optional.empty(), text);
    }

    private long messageIdOf(long eventId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT message_id FROM timeline_event WHERE id = ?")) {
                ps.setLong(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}

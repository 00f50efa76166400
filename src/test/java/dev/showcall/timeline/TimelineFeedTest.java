package dev.showcall.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The timeline feed")
class TimelineFeedTest {

    private static final String SHOW = "show";
    private static final Instant NOW = Instant.parse("2027-02-21T18:00:00Z");

    private final FakeStore store = new FakeStore();
    private final FakeChannel channel = new FakeChannel();
    private final ScheduledExecutorService unused = Executors.newSingleThreadScheduledExecutor();
    private long millis = 1_000_000;

    @AfterEach
    void stop() {
        unused.shutdownNow();
    }

    private TimelineFeed feed() {
        return new TimelineFeed(SHOW, store, channel, new WritePacer(5, 5000, 50), unused,
                Clock.fixed(NOW, ZoneOffset.UTC), () -> millis, FeedListener.NONE);
    }

    /** A feed that only steps when the test says: what would wake it on its thread is dropped. */
    private TimelineFeed steppedByTheTest() {
        ScheduledExecutorService none = Executors.newSingleThreadScheduledExecutor();
        none.shutdown();
        return new TimelineFeed(SHOW, store, channel, new WritePacer(5, 5000, 50), none,
                Clock.fixed(NOW, ZoneOffset.UTC), () -> millis, FeedListener.NONE);
    }

    /** Steps the feed until it has nothing to do, letting time pass as the pacer asks; gives the time it took. */
    private long drain(TimelineFeed feed) {
        long started = millis;
        for (int i = 0; i < 1000; i++) {
            long wait = feed.step();
            if (wait >= TimelineFeed.POLL.toMillis() && store.allPublished() && channel.boardShows(store.changes)) {
                return millis - started;
            }
            millis += wait;
        }
        throw new AssertionError("the feed never settled");
    }

    @Test
    @DisplayName("posts the board first and pins it, then the log")
    void boardFirst() {
        // given two events waiting
        store.add(2);

        // when the feed runs
        drain(feed());

        // then one pinned board shows them, and one log message holds both
        assertThat(channel.boards).hasSize(1);
        assertThat(channel.pinned).containsExactlyElementsOf(channel.boards.keySet());
        assertThat(channel.posts).hasSize(1);
        assertThat(channel.posts.get(0).eventIds()).containsExactly(1L, 2L);
    }

    @Test
    @DisplayName("coalesces a burst of changes into one board edit that shows the latest state")
    void coalesces() {
        // given a board already shown
        TimelineFeed feed = feed();
        drain(feed);

        // when ten events come at once
        store.add(10);
        drain(feed);

        // then one log message and one edit carry them
        assertThat(channel.posts).hasSize(1);
        assertThat(channel.edits).isEqualTo(1);
        assertThat(channel.boardShows(10)).isTrue();
    }

    @Test
    @DisplayName("publishes single look steps on the board without a log message")
    void singleStepsStayOffTheLog() {
        // given a board already shown
        TimelineFeed feed = feed();
        drain(feed);

        // when three steps are done that make no look ready
        store.addSingleSteps(3);
        drain(feed);

        // then the board shows them, no log message is posted, and all three are published
        assertThat(channel.posts).isEmpty();
        assertThat(channel.boardShows(3)).isTrue();
        assertThat(store.publishedIn).containsOnlyKeys(1L, 2L, 3L).containsValues(NO_MESSAGE);
    }

    @Test
    @DisplayName("does not edit a board that would not change")
    void skipsUselessEdits() {
        TimelineFeed feed = feed();
        drain(feed);
        store.add(1);
        drain(feed);
        int edits = channel.edits;

        // when an event changes nothing the board shows
        store.addQuiet();
        drain(feed);

        assertThat(channel.edits).isEqualTo(edits);
    }

    @Test
    @DisplayName("finds a log message Discord took before its answer was lost, and does not post it again")
    void answerLost() {
        // given Discord takes the next log message but the answer never comes back
        TimelineFeed feed = feed();
        store.add(3);
        channel.loseNextAnswer = true;

        // when the feed fails once, then runs again
        assertThatThrownBy(() -> drain(feed)).isInstanceOf(IllegalStateException.class);
        drain(feed);

        // then the message is there once, and the events are marked in it
        assertThat(channel.posts).hasSize(1);
        assertThat(store.publishedIn).containsOnlyKeys(1L, 2L, 3L).containsValues(channel.posts.get(0).messageId);
    }

    @Test
    @DisplayName("posts again a log message Discord refused")
    void refused() {
        TimelineFeed feed = feed();
        store.add(2);
        channel.refuseNextPost = true;

        assertThatThrownBy(() -> drain(feed)).isInstanceOf(IllegalStateException.class);
        drain(feed);

        assertThat(channel.posts).hasSize(1);
        assertThat(store.allPublished()).isTrue();
    }

    @Test
    @DisplayName("after a restart, marks events Discord took before the crash without posting them again")
    void restart() {
        // given a feed that stopped between Discord taking a message and marking it
        TimelineFeed before = feed();
        drain(before);
        store.add(4);
        channel.loseNextAnswer = true;
        assertThatThrownBy(() -> drain(before)).isInstanceOf(IllegalStateException.class);

        // when showcall starts again with a new feed
        drain(feed());

        // then nothing was posted twice, and one board is still edited
        assertThat(channel.posts).hasSize(1);
        assertThat(store.allPublished()).isTrue();
        assertThat(channel.boards).hasSize(1);
    }

    @Test
    @DisplayName("after a restart, posts a log message Discord took but had not stored yet with the same key, so "
            + "Discord keeps one")
    void restartBeforeDiscordStored() {
        // given a feed that gave up on a post Discord took but had not stored, then stopped
        TimelineFeed before = feed();
        drain(before);
        store.add(3);
        channel.storeNextPostLate = true;
        assertThatThrownBy(() -> drain(before)).isInstanceOf(IllegalStateException.class);

        // when showcall starts again, does not find the message in the channel, and posts it; then Discord stores it
        drain(feed());
        channel.storeLatePosts();

        // then both tries carried one key, and the channel holds the message once, the one its events are marked in
        assertThat(channel.logKeys).hasSize(2).containsOnly(channel.logKeys.get(0));
        assertThat(channel.posts).singleElement().satisfies(post -> {
            assertThat(post.eventIds()).containsExactly(1L, 2L, 3L);
            assertThat(store.publishedIn).containsOnly(Map.entry(1L, post.messageId()), Map.entry(2L, post.messageId()),
                    Map.entry(3L, post.messageId()));
        });
    }

    @Test
    @DisplayName("gives every log message a key of its own")
    void keyPerMessage() {
        TimelineFeed feed = feed();
        drain(feed);
        store.add(1);
        drain(feed);
        store.add(1);
        drain(feed);

        assertThat(channel.posts).hasSize(2);
        assertThat(channel.logKeys).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("posts the board once when the answer to its post was lost")
    void boardAnswerLost() {
        // given the post of the first board, which Discord took without the feed hearing of it
        TimelineFeed feed = feed();
        channel.loseNextBoardAnswer = true;
        assertThatThrownBy(() -> feed.step()).isInstanceOf(IllegalStateException.class);

        // when the feed tries again, once the write limit allows
        millis += 5000;
        drain(feed);

        // then the retry carried the same key, and there is one board, the one the store keeps
        assertThat(channel.boardKeys).hasSize(2).containsOnly(channel.boardKeys.get(0));
        assertThat(channel.boards).hasSize(1);
        assertThat(store.board).map(FeedStore.BoardMessage::messageId).contains(channel.boards.keySet().iterator().next());
    }

    @Test
    @DisplayName("posts the board again, pinned, under a key of its own, when someone deleted it")
    void deletedBoard() {
        TimelineFeed feed = feed();
        drain(feed);
        long first = channel.boards.keySet().iterator().next();
        channel.boards.remove(first);

        store.add(1);
        drain(feed);

        assertThat(channel.boards).hasSize(1).doesNotContainKey(first);
        assertThat(channel.pinned).containsAll(channel.boards.keySet());
        assertThat(store.board).map(FeedStore.BoardMessage::messageId).contains(channel.boards.keySet().iterator().next());
        assertThat(channel.boardKeys).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("waits for the write limit rather than write over it")
    void paced() {
        // given a burst that needs more writes than one window allows
        TimelineFeed feed = feed();
        drain(feed);
        long spent = 0;
        for (int i = 0; i < 6; i++) {
            store.add(1);
            spent += drain(feed);
        }

        // then the writes took at least the windows the limit asks for
        assertThat(channel.writes).hasSizeGreaterThan(5);
        for (int i = 5; i < channel.writes.size(); i++) {
            assertThat(channel.writes.get(i) - channel.writes.get(i - 5)).isGreaterThan(5000);
        }
        assertThat(spent).isPositive();
    }

    @Test
    @DisplayName("posts a message handed over in its turn: after the log that waited before it, within the write limit")
    void handedOverInTurn() {
        // given a board shown, a log message just posted, and another event seen waiting for the pacer
        TimelineFeed feed = steppedByTheTest();
        drain(feed);
        store.add(1);
        while (channel.posts.isEmpty()) {
            millis += feed.step();
        }
        store.add(1);
        assertThat(feed.step()).as("the pacer holds the next write").isPositive();
        millis += 10;

        // when a message is handed over
        List<Long> handedAt = new ArrayList<>();
        java.util.concurrent.CompletableFuture<Long> posted = feed.postInTurn(() -> {
            channel.writes.add(millis);
            handedAt.add(millis);
            return 999L;
        });
        for (int i = 0; i < 100 && !posted.isDone(); i++) {
            millis += feed.step();
        }

        // then it is posted once, after the second log message, no closer to the writes before it than the limit allows
        assertThat(posted).isCompletedWithValue(999L);
        assertThat(handedAt).hasSize(1);
        assertThat(channel.posts).hasSize(2);
        assertThat(channel.writes).endsWith(handedAt.get(0));
        for (int i = 5; i < channel.writes.size(); i++) {
            assertThat(channel.writes.get(i) - channel.writes.get(i - 5)).isGreaterThan(5000);
        }
        for (int i = 1; i < channel.writes.size(); i++) {
            assertThat(channel.writes.get(i) - channel.writes.get(i - 1)).isGreaterThanOrEqualTo(1010);
        }
    }

    @Test
    @DisplayName("tells whoever handed a message over that Discord refused it, and goes on with the log")
    void handedOverRefused() {
        // given a board shown
        TimelineFeed feed = steppedByTheTest();
        drain(feed);

        // when a message handed over is refused, and an event comes after it
        java.util.concurrent.CompletableFuture<Long> posted = feed.postInTurn(() -> {
            throw new IllegalStateException("403 Missing Permissions");
        });
        millis += 10;
        store.add(1);
        drain(feed);

        // then its future fails with the refusal, once, and the log is published all the same
        assertThat(posted).isCompletedExceptionally();
        assertThat(channel.posts).hasSize(1);
        assertThat(store.allPublished()).isTrue();
    }

    @Test
    @DisplayName("fails a message handed over to a feed that has stopped")
    void handedOverAfterStop() {
        TimelineFeed feed = feed();
        feed.stop();

        java.util.concurrent.CompletableFuture<Long> posted = feed.postInTurn(() -> 1L);

        assertThat(posted).isCompletedExceptionally();
    }

    /** Where the fake store records events published without a message. */
    private static final long NO_MESSAGE = -1;

    /** Events in memory; the board state counts the events that change it. */
    private final class FakeStore implements FeedStore {
        final List<TimelineEvent> events = new ArrayList<>();
        final Set<Long> claimed = new HashSet<>();
        final Map<Long, Long> publishedIn = new LinkedHashMap<>();
        Optional<BoardMessage> board = Optional.empty();
        int changes;

        void add(int count) {
            for (int i = 0; i < count; i++) {
                changes++;
                append();
            }
        }

        void addQuiet() {
            append();
        }

        /** Steps that made no look ready: they change the board but get no line in the log. */
        void addSingleSteps(int count) {
            for (int i = 0; i < count; i++) {
                changes++;
                append(EventKind.LOOK_STEP);
            }
        }

        private void append() {
            append(EventKind.ARRIVAL);
        }

        private void append(EventKind kind) {
            long id = events.size() + 1;
            events.add(new TimelineEvent(id, SHOW, NOW, kind, OptionalLong.of(9), Optional.empty(),
                    "event " + id, Optional.empty()));
        }

        boolean allPublished() {
            return publishedIn.size() == events.size();
        }

        @Override
        public Snapshot snapshot(String showId) {
            BoardState state = new BoardState("Show", NOW, Duration.ZERO, Optional.empty(),
                    new BoardState.Arrivals(changes, 100, List.of(), List.of()), List.of(), LooksSection.none());
            return new Snapshot(state, events.size());
        }

        @Override
        public long newestEventId(String showId) {
            return events.size();
        }

        @Override
        public Optional<BoardMessage> boardMessage(String showId) {
            return board;
        }

        @Override
        public void saveBoardMessage(String showId, BoardMessage message) {
            board = Optional.of(message);
        }

        @Override
        public List<TimelineEvent> claimed(String showId) {
            return events.stream().filter(e -> claimed.contains(e.id()) && !publishedIn.containsKey(e.id())).toList();
        }

        @Override
        public List<TimelineEvent> unclaimed(String showId, int limit) {
            return events.stream().filter(e -> !claimed.contains(e.id())).limit(limit).toList();
        }

        @Override
        public void claim(String showId, LogBatch batch) {
            claimed.addAll(batch.eventIds());
        }

        @Override
        public void published(LogBatch batch, Instant at, long messageId) {
            batch.eventIds().forEach(id -> publishedIn.putIfAbsent(id, messageId));
        }

        @Override
        public void publishedQuietly(LogBatch batch, Instant at) {
            batch.eventIds().forEach(id -> publishedIn.putIfAbsent(id, NO_MESSAGE));
        }
    }

    private record Post(long messageId, String content, List<Long> eventIds) {
    }

    /** A channel that keeps what it was sent, and fails as asked. */
    private final class FakeChannel implements TimelineChannel {
        final List<Post> posts = new ArrayList<>();
        final Map<Long, Board> boards = new LinkedHashMap<>();
        final Set<Long> pinned = new HashSet<>();
        final List<Long> writes = new ArrayList<>();
        /** Discord's memory of nonces: a post with a key it took gives that message again. */
        final Map<PostKey, Long> taken = new LinkedHashMap<>();
        final List<PostKey> logKeys = new ArrayList<>();
        final List<PostKey> boardKeys = new ArrayList<>();
        /** Posts Discord took but has not stored yet: nobody sees them until {@link #storeLatePosts()}. */
        final List<Post> late = new ArrayList<>();
        boolean loseNextAnswer;
        boolean refuseNextPost;
        boolean storeNextPostLate;
        boolean loseNextBoardAnswer;
        int edits;
        long nextId = 100;

        void storeLatePosts() {
            posts.addAll(late);
            late.clear();
        }

        boolean boardShows(int changes) {
            return boards.values().stream().anyMatch(b -> b.fields().get(0).value().startsWith("**" + changes + " /"))
                    || boards.isEmpty() && changes == 0;
        }

        @Override
        public long channelId() {
            return 7;
        }

        @Override
        public long post(LogBatch batch, PostKey key) {
            writes.add(millis);
            logKeys.add(key);
            if (refuseNextPost) {
                refuseNextPost = false;
                throw new IllegalStateException("500 Internal Server Error");
            }
            if (taken.containsKey(key)) {
                return taken.get(key);
            }
            long id = nextId++;
            taken.put(key, id);
            if (storeNextPostLate) {
                storeNextPostLate = false;
                late.add(new Post(id, batch.content(), batch.eventIds()));
                throw new IllegalStateException("Discord did not answer in time");
            }
            posts.add(new Post(id, batch.content(), batch.eventIds()));
            if (loseNextAnswer) {
                loseNextAnswer = false;
                throw new IllegalStateException("Discord did not answer in time");
            }
            return id;
        }

        @Override
        public Optional<Long> findRecent(String content) {
            return posts.stream().filter(p -> p.content().equals(content)).map(Post::messageId).findFirst();
        }

        @Override
        public long postBoard(Board board, PostKey key) {
            writes.add(millis);
            boardKeys.add(key);
            if (taken.containsKey(key)) {
                return taken.get(key);
            }
            long id = nextId++;
            taken.put(key, id);
            boards.put(id, board);
            if (loseNextBoardAnswer) {
                loseNextBoardAnswer = false;
                throw new IllegalStateException("Discord did not answer in time");
            }
            return id;
        }

        @Override
        public Optional<Long> findPinnedBoard(String title) {
            return Optional.empty();
        }

        @Override
        public void editBoard(long messageId, Board board) {
            writes.add(millis);
            if (!boards.containsKey(messageId)) {
                throw new MessageGone(messageId, null);
            }
            edits++;
            boards.put(messageId, board);
        }

        @Override
        public void pin(long messageId) {
            pinned.add(messageId);
        }

        @Override
        public boolean exists(long messageId) {
            return boards.containsKey(messageId);
        }
    }
}

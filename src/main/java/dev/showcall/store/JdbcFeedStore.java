package dev.showcall.store;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.timeline.FeedStore;
import dev.showcall.timeline.LogBatch;
import dev.showcall.timeline.TimelineEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** The timeline feed's view of the database. */
public final class JdbcFeedStore implements FeedStore {

    private final Database database;
    private final TimelineEventRepository events;
    private final TimelineBoardRepository boards = new TimelineBoardRepository();
    private final BoardStateReader reader;
    private final Supplier<ShowDirectory> shows;
    private final Clock clock;
    private final Fence fence;

    public JdbcFeedStore(Database database, TimelineEventRepository events, Supplier<ShowDirectory> shows,
                         Clock clock) {
        this(database, events, shows, clock, Fence.NONE);
    }

    /** @param fence checked in the transaction that claims events for a log message: only the active instance posts */
    public JdbcFeedStore(Database database, TimelineEventRepository events, Supplier<ShowDirectory> shows,
                         Clock clock, Fence fence) {
        this.fence = fence;
        this.database = database;
        this.events = events;
        this.reader = new BoardStateReader(clock);
        this.shows = shows;
        this.clock = clock;
    }

    @Override
    public Snapshot snapshot(String showId) {
        PlannedShow show = shows.get().byId(showId)
                .orElseThrow(() -> new IllegalStateException("No show " + showId + " is loaded"));
        return database.inTransaction(c -> new Snapshot(reader.read(c, show), events.newestId(c, showId)));
    }

    @Override
    public Page page(String showId, int lines) {
        PlannedShow show = shows.get().byId(showId)
                .orElseThrow(() -> new IllegalStateException("No show " + showId + " is loaded"));
        return database.inTransaction(c -> new Page(new Snapshot(reader.read(c, show), events.newestId(c, showId)),
                events.newest(c, showId, lines)));
    }

    @Override
    public long newestEventId(String showId) {
        return database.inTransaction(c -> events.newestId(c, showId));
    }

    @Override
    public Optional<BoardMessage> boardMessage(String showId) {
        return database.inTransaction(c -> boards.find(c, showId));
    }

    @Override
    public void saveBoardMessage(String showId, BoardMessage board) {
        Instant now = clock.instant();
        database.runInTransaction(c -> boards.save(c, showId, board, now));
    }

    @Override
    public List<TimelineEvent> claimed(String showId) {
        return database.inTransaction(c -> events.claimed(c, showId));
    }

    @Override
    public List<TimelineEvent> unclaimed(String showId, int limit) {
        return database.inTransaction(c -> events.unclaimed(c, showId, limit));
    }

    @Override
    public void claim(String showId, LogBatch batch) {
        database.runInTransaction(c -> {
            fence.check(c);
            int claimed = events.claim(c, batch.eventIds(), batch.id());
            if (claimed != batch.eventIds().size()) {
                throw new IllegalStateException("Show " + showId + ": only " + claimed + " of events "
                        + batch.eventIds() + " could be claimed; another feed is publishing them");
            }
        });
    }

    @Override
    public void published(LogBatch batch, Instant at, long messageId) {
        database.runInTransaction(c -> events.markPublished(c, batch.eventIds(), at, OptionalLong.of(messageId)));
    }

    @Override
    public void publishedQuietly(LogBatch batch, Instant at) {
        database.runInTransaction(c -> events.markPublished(c, batch.eventIds(), at, OptionalLong.empty()));
    }
}

package dev.showcall.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.looks.Lineups;
import dev.showcall.screen.Grant;
import dev.showcall.screen.LinkKind;
import dev.showcall.timeline.FeedStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The services the pages read, once this instance is the active one: the same the board and the slash
 * commands use.
 */
public record Pages(ShowDirectory shows, FeedStore board, Lineups lineups, Function<String, Duration> delayOf,
                    LongFunction<String> names, Door door, PersonalPage personal, Clock clock) {

    /** Lines of the log on the screen. */
    static final int LOG_LINES = 12;

    /** What a page of {@code grant} shows now, and the newest timeline event it reflects. */
    Optional<Rendered> render(Grant grant) {
        Optional<PlannedShow> show = shows.byId(grant.showId());
        if (show.isEmpty()) {
            return Optional.empty();
        }
        if (grant.kind() == LinkKind.LINEUP) {
            long version = board.newestEventId(grant.showId());
            return Optional.of(new Rendered(version, Views.lineup(lineups.of(show.get()), delayOf.apply(grant.showId()),
                    names, clock.instant())));
        }
        FeedStore.Page page = board.page(grant.showId(), LOG_LINES);
        long version = page.snapshot().newestEventId();
        ObjectNode view = grant.kind() == LinkKind.SCREEN
                ? Views.screen(show.get(), page.snapshot().state(), page.log(), names, clock.instant())
                : Views.door(lineups.of(show.get()), delayOf.apply(grant.showId()),
                        page.snapshot().state().arrivals().late(), names.apply(grant.userId().getAsLong()), clock.instant());
        return Optional.of(new Rendered(version, view));
    }

    record Rendered(long version, ObjectNode view) {
    }
}

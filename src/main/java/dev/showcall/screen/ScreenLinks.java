package dev.showcall.screen;

import dev.showcall.store.Database;
import dev.showcall.store.ScreenLinkRepository;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.ObjIntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A show's links to the web pages: the screen and the lineup (one each), and each PR's or producer's door. The
 * same link every time it is asked for, until a producer rotates them; then every older one stops at once.
 * Nothing here logs a token.
 */
public final class ScreenLinks {

    private static final Logger log = LoggerFactory.getLogger(ScreenLinks.class);

    private final Database database;
    private final ScreenLinkRepository repository;
    private final LinkTokens tokens;
    private final URI base;
    private final Clock clock;
    private final ObjIntConsumer<String> rotated;

    /**
     * @param base    the address people open, such as {@code http://192.168.1.20:8080/}
     * @param rotated told, once a rotation is committed, the show and its new epoch: the pages open on an older
     *                link are closed then, not at their next request
     */
    public ScreenLinks(Database database, ScreenLinkRepository repository, LinkTokens tokens, URI base, Clock clock,
                       ObjIntConsumer<String> rotated) {
        this.rotated = rotated;
        this.database = database;
        this.repository = repository;
        this.tokens = tokens;
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.clock = clock;
    }

    /** The addresses of a show's pages; the door only for whoever it acts for. */
    public record Links(URI screen, URI lineup, Optional<URI> door) {
    }

    /** The show's links as they stand; {@code doorFor}'s door link with them when given. */
    public Links of(String showId, OptionalLong doorFor) {
        return database.inTransaction(c -> links(c, showId, repository.epoch(c, showId), doorFor));
    }

    /** New links for the show, every older one revoked in the same transaction. */
    public Links rotate(String showId, OptionalLong doorFor, long by) {
        record Rotation(int epoch, Links links) {
        }
        Rotation rotation = database.inTransaction(c -> {
            int epoch = repository.rotate(c, showId, clock.instant());
            return new Rotation(epoch, links(c, showId, epoch, doorFor));
        });
        log.info("Show {}: the web links were replaced by user {}; every older link stops working", showId, by);
        rotated.accept(showId, rotation.epoch());
        return rotation.links();
    }

    /** What {@code token} grants, when it was given out and not revoked since. */
    public Optional<Grant> granted(String token) {
        if (!LinkTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return database.inTransaction(c -> repository.granted(c, LinkTokens.hash(token)));
    }

    private Links links(java.sql.Connection c, String showId, int epoch, OptionalLong doorFor) {
        URI screen = kept(c, Grant.screen(showId, epoch));
        URI lineup = kept(c, Grant.lineup(showId, epoch));
        Optional<URI> door = doorFor.isPresent() ? Optional.of(kept(c, Grant.door(showId, epoch, doorFor.getAsLong())))
                : Optional.empty();
        return new Links(screen, lineup, door);
    }

    private URI kept(java.sql.Connection c, Grant grant) {
        String token = tokens.token(grant);
        repository.keep(c, LinkTokens.hash(token), grant, clock.instant());
        return base.resolve(grant.kind().path() + "/" + token);
    }
}

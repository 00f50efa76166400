package dev.showcall.screen;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.roster.Roster;
import dev.showcall.show.Call;
import dev.showcall.store.Database;
import dev.showcall.store.PersonalLinkRepository;
import dev.showcall.store.ScreenLinkRepository;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * The links to people's own pages ({@code /me/<token>}), for those who are not on Discord: one per call, given in
 * the mail that tells them their call. Asked again, the same link (a mail sent again after a crash carries the one
 * sent first), until the show's links are rotated ({@code /screen rotate:true}) or a producer links or unlinks the
 * person on Discord ({@code /link}, {@code /unlink}, an approved {@code /iam}): then every older one stops at once.
 * The database keeps each token's SHA-256 only, and nothing here logs a token.
 */
public final class PersonalLinks {

    private final Database database;
    private final PersonalLinkRepository repository;
    private final ScreenLinkRepository screenLinks;
    private final LinkTokens tokens;
    private final URI base;
    private final Function<String, Optional<PlannedShow>> shows;
    private final Clock clock;

    /**
     * @param base  the address people open, such as {@code https://showcall.example.com/}
     * @param shows the shows running, by id
     */
    public PersonalLinks(Database database, PersonalLinkRepository repository, ScreenLinkRepository screenLinks,
                         LinkTokens tokens, URI base, Function<String, Optional<PlannedShow>> shows, Clock clock) {
        this.database = database;
        this.repository = repository;
        this.screenLinks = screenLinks;
        this.tokens = tokens;
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.shows = shows;
        this.clock = clock;
    }

    /**
     * The link to the page of the call with {@code callKey} (its person's call, as the call sheet has it), such as
     * {@code https://showcall.example.com/me/<token>}; kept (hashed) the first time it is asked for.
     *
     * @throws IllegalArgumentException when no show of this id runs, the call is not on its sheet, or it is a
     *                                  department's call through its role, which is nobody's own
     */
    public URI linkFor(String showId, String callKey) {
        PlannedShow show = shows.apply(showId)
                .orElseThrow(() -> new IllegalArgumentException("No show " + showId + " is running"));
        Call call = show.call(callKey)
                .orElseThrow(() -> new IllegalArgumentException("No call " + callKey + " at show " + showId));
        String personKey = Roster.personKeyOf(call)
                .orElseThrow(() -> new IllegalArgumentException("The call " + callKey + " is a role's, nobody's own"));
        String token = database.inTransaction(c -> {
            Grant grant = Grant.personal(showId, screenLinks.epoch(c, showId), callKey);
            int generation = repository.generation(c, showId, personKey);
            String given = tokens.personal(grant, generation);
            repository.keep(c, LinkTokens.hash(given), grant, personKey, generation, clock.instant());
            return given;
        });
        return base.resolve(LinkKind.PERSONAL.path() + "/" + token);
    }

    /** What {@code token} grants (the show and the call), when it was given out and not revoked since. */
    public Optional<Grant> granted(String token) {
        if (!LinkTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return database.inTransaction(c -> repository.granted(c, LinkTokens.hash(token)));
    }
}

package dev.showcall.links;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.roster.MemberList;
import dev.showcall.roster.Person;
import dev.showcall.roster.Roster;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Show;
import dev.showcall.store.Database;
import dev.showcall.store.LinkRepository;
import dev.showcall.store.PersonalLinkRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.text.UserText;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who the people of each show are on Discord: producers' links (kept in the database), the ids the show files
 * give and the usernames the server's member list knows. A show runs with its people found this way; when a
 * link or the member list changes, the show is found again and its pings follow.
 */
public final class Links {

    private static final Logger log = LoggerFactory.getLogger(Links.class);

    private final Database database;
    private final LinkRepository links;
    private final PersonalLinkRepository personalLinks;
    private final TimelineEventRepository timeline;
    private final Supplier<ShowDirectory> directory;
    private final MemberList members;
    private final Consumer<PlannedShow> reschedule;
    private final Clock clock;

    /**
     * @param reschedule brings a show's pings in line with the show as it now runs (the scheduler's sync)
     */
    public Links(Database database, LinkRepository links, TimelineEventRepository timeline,
                 Supplier<ShowDirectory> directory, MemberList members, Consumer<PlannedShow> reschedule, Clock clock) {
        this(database, links, new PersonalLinkRepository(), timeline, directory, members, reschedule, clock);
    }

    /**
     * @param personalLinks the links to people's own pages: a change of who someone is on Discord revokes theirs,
     *                      in the same transaction
     */
    public Links(Database database, LinkRepository links, PersonalLinkRepository personalLinks,
                 TimelineEventRepository timeline, Supplier<ShowDirectory> directory, MemberList members,
                 Consumer<PlannedShow> reschedule, Clock clock) {
        this.database = database;
        this.links = links;
        this.personalLinks = personalLinks;
        this.timeline = timeline;
        this.directory = directory;
        this.members = members;
        this.reschedule = reschedule;
        this.clock = clock;
    }

    /** The show as it runs: the file's people found on Discord, planned. */
    public PlannedShow running(Show filed) {
        return planned(roster(filed).resolve());
    }

    private static PlannedShow planned(Show found) {
        return new PlannedShow(found, CallPlanner.plan(found));
    }

    /** The roster of a show as filed, with today's links and member list. */
    public Roster roster(Show filed) {
        Map<String, Long> linked = database.inTransaction(c -> links.forShow(c, filed.id()));
        return new Roster(filed, linked, members);
    }

    /** The roster of a running show. */
    public Optional<Roster> roster(String showId) {
        return directory.get().asFiled(showId).map(this::roster);
    }

    /** Finds everyone of every show again, without rescheduling: for the start, before the pings are scheduled. */
    public void findEveryone() {
        ShowDirectory shows = directory.get();
        for (Show filed : shows.all().stream().map(s -> shows.asFiled(s.id()).orElseThrow()).toList()) {
            Roster roster = roster(filed);
            Show found = roster.resolve();
            shows.replace(filed, planned(found));
            logNotLinked(filed.id(), roster.notLinked());
        }
    }

    /** Finds everyone of the shows of this server again and reschedules what changed: its member list changed. */
    public void membersChanged(long guildId) {
        directory.get().inGuild(guildId).forEach(show -> refresh(show.id()));
    }

    /** Finds the show's people again and brings its pings in line. */
    public void refresh(String showId) {
        find(showId).ifPresent(reschedule);
    }

    private Optional<PlannedShow> find(String showId) {
        ShowDirectory shows = directory.get();
        return shows.asFiled(showId).map(filed -> {
            PlannedShow running = running(filed);
            shows.replace(filed, running);
            return running;
        });
    }

    private static void logNotLinked(String showId, List<Person> people) {
        if (people.isEmpty()) {
            return;
        }
        log.warn("Show {}: {} not linked on Discord, called by name in the calls channel until a producer "
                                + "links them with /link: {}", showId, people.size() == 1 ? "1 person" : people.size() + " people",
                        people.stream().map(p -> p.label() + " " + p.account().orElseThrow().ref())
                                .collect(Collectors.joining(", ")));
    }

    /** What {@link #link} did. */
    public enum Linked { LINKED, ALREADY }

    /**
     * Links {@code person} to {@code userId}, with its timeline event, then finds the show's people again: from
     * the next ping on, they get their DMs. Their personal page's links stop: the next one given is new.
     */
    public Linked link(String showId, Person person, long userId, long by) {
        Linked result = database.inTransaction(c -> linkIn(c, showId, person.key(), person.label(), userId, by, ""));
        if (result == Linked.LINKED) {
            log.info("Show {}: {} linked to user {} by user {}", showId, person.key(), userId, by);
            refresh(showId);
        }
        return result;
    }

    /**
     * The link and its timeline event, in the caller's transaction; once it commits, the caller finds the show's
     * people again ({@link #refresh}).
     *
     * @param how said after the event's text, such as ": claimed with /iam, approved by ..."; may be empty
     */
    Linked linkIn(Connection c, String showId, String personKey, String personLabel, long userId, long by, String how) {
        if (links.linked(c, showId, personKey).equals(OptionalLong.of(userId))) {
            return Linked.ALREADY;
        }
        links.link(c, showId, personKey, userId, by, clock.instant());
        personalLinks.revokePerson(c, showId, personKey, clock.instant());
        timeline.append(c, TimelineEvent.of(showId, clock.instant(), EventKind.LINK, OptionalLong.of(by),
                Optional.of(personKey), UserText.inline(personLabel) + " linked to <@" + userId + ">" + how));
        return Linked.LINKED;
    }

    /** @return whether there was a link to undo */
    public boolean unlink(String showId, Person person, long by) {
        boolean removed = database.inTransaction(c -> {
            if (!links.unlink(c, showId, person.key())) {
                return false;
            }
            personalLinks.revokePerson(c, showId, person.key(), clock.instant());
            timeline.append(c, TimelineEvent.of(showId, clock.instant(), EventKind.LINK, OptionalLong.of(by),
                    Optional.of(person.key()), UserText.inline(person.label()) + " unlinked"));
            return true;
        });
        if (removed) {
            log.info("Show {}: {} unlinked by user {}", showId, person.key(), by);
            refresh(showId);
        }
        return removed;
    }

    /** Everyone the show's roster names who is not linked, for producers' {@code /calls}. */
    public List<Person> notLinked(String showId) {
        return roster(showId).map(Roster::notLinked).orElse(List.of());
    }
}

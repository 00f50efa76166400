package dev.showcall.backstage;

import dev.showcall.show.Show;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shows showcall runs, found by id or by where on Discord a command comes from. A show can be
 * replaced while showcall runs (a new version of its file, someone linked on Discord): every reader
 * sees either the old plan or the new one, never a mix.
 */
public final class ShowDirectory {

    /** A show as its file says, and as it runs: the people it names found on Discord. */
    private record Entry(Show asFiled, PlannedShow running) {
    }

    private final AtomicReference<List<Entry>> shows;

    public ShowDirectory(List<PlannedShow> shows) {
        this.shows = new AtomicReference<>(shows.stream().map(s -> new Entry(s.show(), s)).toList());
    }

    public List<PlannedShow> all() {
        return shows.get().stream().map(Entry::running).toList();
    }

    public Optional<PlannedShow> byId(String id) {
        return shows.get().stream().filter(e -> e.running().id().equals(id)).map(Entry::running).findFirst();
    }

    /** The show with this id as its file says, before anyone on it was found on Discord. */
    public Optional<Show> asFiled(String id) {
        return shows.get().stream().filter(e -> e.running().id().equals(id)).map(Entry::asFiled).findFirst();
    }

    /**
     * Runs {@code running} in place of the show with its id (or adds it), keeping {@code asFiled} as what its
     * file says.
     */
    public void replace(Show asFiled, PlannedShow running) {
        if (!asFiled.id().equals(running.id())) {
            throw new IllegalArgumentException("Show " + running.id() + " cannot run as filed show " + asFiled.id());
        }
        shows.updateAndGet(current -> {
            List<Entry> next = new ArrayList<>(current);
            Entry entry = new Entry(asFiled, running);
            int at = indexOf(next, running.id());
            if (at < 0) {
                next.add(entry);
            } else {
                next.set(at, entry);
            }
            return List.copyOf(next);
        });
    }

    private static int indexOf(List<Entry> entries, String id) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).running().id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public List<PlannedShow> inGuild(long guildId) {
        return all().stream().filter(s -> s.show().discord().guildId() == guildId).toList();
    }

    /** The show whose timeline or calls channel this is. */
    public Optional<PlannedShow> byChannel(long guildId, long channelId) {
        return inGuild(guildId).stream()
                .filter(s -> s.show().discord().timelineChannelId() == channelId
                        || s.show().discord().callsChannelId() == channelId)
                .findFirst();
    }
}

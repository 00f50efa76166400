package dev.showcall.backstage;

import java.util.List;
import java.util.Optional;

/** The shows showcall runs, found by id or by where on Discord a command comes from. */
public final class ShowDirectory {

    private final List<PlannedShow> shows;

    public ShowDirectory(List<PlannedShow> shows) {
        this.shows = List.copyOf(shows);
    }

    public List<PlannedShow> all() {
        return shows;
    }

    public Optional<PlannedShow> byId(String id) {
        return shows.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<PlannedShow> inGuild(long guildId) {
        return shows.stream().filter(s -> s.show().discord().guildId() == guildId).toList();
    }

    /** The show whose timeline or calls channel this is. */
    public Optional<PlannedShow> byChannel(long guildId, long channelId) {
        return inGuild(guildId).stream()
                .filter(s -> s.show().discord().timelineChannelId() == channelId
                        || s.show().discord().callsChannelId() == channelId)
                .findFirst();
    }
}

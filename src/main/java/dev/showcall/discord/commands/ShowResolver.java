package dev.showcall.discord.commands;

import dev.showcall.show.Names;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.show.Closest;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the show a command is for: the one named in its {@code show} option, else the one whose
 * channel it is used in, else the only show of the guild.
 */
public final class ShowResolver {

    private final ShowDirectory shows;

    public ShowResolver(ShowDirectory shows) {
        this.shows = shows;
    }

    /** The show, or why none could be chosen (a sentence for the person who asked). */
    public sealed interface Resolution {
        record Found(PlannedShow show) implements Resolution {
        }

        record NotFound(String reason) implements Resolution {
        }
    }

    public Resolution resolve(long guildId, long channelId, Optional<String> showOption) {
        List<PlannedShow> inGuild = shows.inGuild(guildId);
        if (inGuild.isEmpty()) {
            return new Resolution.NotFound("No show is planned in this server.");
        }
        if (showOption.isPresent()) {
            String wanted = showOption.get().strip();
            return inGuild.stream()
                    .filter(s -> s.id().equalsIgnoreCase(wanted) || Names.same(s.show().name(), wanted))
                    .findFirst()
                    .<Resolution>map(Resolution.Found::new)
                    .orElseGet(() -> new Resolution.NotFound("No show called " + dev.showcall.discord.Replies.quote(wanted)
                            + " in this server. Shows here: " + names(inGuild) + "."));
        }
        Optional<PlannedShow> byChannel = shows.byChannel(guildId, channelId);
        if (byChannel.isPresent()) {
            return new Resolution.Found(byChannel.get());
        }
        if (inGuild.size() == 1) {
            return new Resolution.Found(inGuild.get(0));
        }
        return new Resolution.NotFound("This server runs several shows: use the command in a show's channel, or pick one "
                + "with the `show` option (" + names(inGuild) + ").");
    }

    /** Show ids of the guild ranked for someone typing {@code typed}. */
    public List<String> suggestShows(long guildId, String typed, int limit) {
        return Closest.ranked(typed, shows.inGuild(guildId).stream().map(PlannedShow::id).toList(), limit);
    }

    private static String names(List<PlannedShow> shows) {
        return shows.stream().map(s -> "`" + s.id() + "`").collect(Collectors.joining(", "));
    }
}

package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.discord.DiscordTimelineChannel;
import dev.showcall.discord.Replies;
import dev.showcall.timeline.BoardRenderer;
import dev.showcall.timeline.FeedStore;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;

/** {@code /status}: the board, for anyone in the show's server who would rather not scroll to it. */
public final class StatusCommand extends ShowSlashCommand {

    public static final String NAME = "status";

    private final FeedStore store;

    public StatusCommand(FeedStore store) {
        super(NAME, "The show's board: the clock, arrivals, crew and looks, as they are now");
        this.store = store;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        FeedStore.Snapshot snapshot = store.snapshot(show.id());
        responder.reply(Replies.builder("")
                .setEmbeds(DiscordTimelineChannel.embed(BoardRenderer.render(snapshot.state())))
                .build());
    }
}

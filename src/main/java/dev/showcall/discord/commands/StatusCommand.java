package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.discord.DiscordTimelineChannel;
import dev.showcall.discord.Replies;
import dev.showcall.timeline.BoardRenderer;
import dev.showcall.timeline.FeedStore;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /status}: the board, for anyone in the show's server who would rather not scroll to it. */
public final class StatusCommand extends ShowSlashCommand {

    public static final String NAME = "status";

    /** What Discord shows of the command: known before anything opens, so it is registered first. */
    public static final SlashCommandData DATA = showCommand(NAME,
            "The show's board: the clock, arrivals, crew and looks, as they are now");

    private final FeedStore store;
    private final java.util.function.Supplier<java.util.Optional<String>> activeInstance;

    public StatusCommand(FeedStore store) {
        this(store, java.util.Optional::empty);
    }

    /** @param activeInstance which showcall instance answers and since when, for producers */
    public StatusCommand(FeedStore store, java.util.function.Supplier<java.util.Optional<String>> activeInstance) {
        super(DATA);
        this.store = store;
        this.activeInstance = activeInstance;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        FeedStore.Snapshot snapshot = store.snapshot(show.id());
        String content = Guards.isProducer(event.getMember(), show) ? activeInstance.get().orElse("") : "";
        responder.reply(Replies.builder(content)
                .setEmbeds(DiscordTimelineChannel.embed(BoardRenderer.render(snapshot.state())))
                .build());
    }
}

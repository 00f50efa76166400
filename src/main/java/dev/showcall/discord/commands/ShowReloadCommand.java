package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.replan.PlanUpdates;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /show reload}: the show's own file read again from disk, after someone edited it there, and then as
 * {@code /show upload}: validated, what it would change, Apply and Cancel. Producers only.
 */
public final class ShowReloadCommand implements ShowCommand.Subcommand {

    public static final String NAME = "reload";

    private final PlanUpdates updates;

    public ShowReloadCommand(PlanUpdates updates) {
        this.updates = updates;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** What Discord shows of the subcommand, without the {@code show} option, which {@link ShowCommand} adds. */
    static SubcommandData subcommandData() {
        return new SubcommandData(NAME, "Read the show file again from disk: see what it changes, then apply it (producers)");
    }

    @Override
    public void onSubcommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        if (!Guards.requireProducer(event.getMember(), show, responder)) {
            return;
        }
        responder.reply(PlanReplies.proposal(updates.reload(show, event.getUser().getIdLong()), show.show().name()));
    }
}

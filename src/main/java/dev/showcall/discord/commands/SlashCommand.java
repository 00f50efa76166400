package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** One slash command. The listener finds it by {@link #name()} and has already found the show. */
public interface SlashCommand {

    /** Present on every command, for a guild that runs several shows. */
    String SHOW_OPTION = "show";

    String name();

    /** Built once, when the command is made. */
    SlashCommandData data();

    void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder);

    /** Choices for the focused option, each shown as it is sent, best first. */
    default java.util.List<String> autoComplete(CommandAutoCompleteInteractionEvent event, PlannedShow show) {
        return java.util.List.of();
    }

    /**
     * Choices for the focused option when what is shown differs from what is sent, as for a look
     * number, best first. {@link Choices} keeps them inside Discord's limits.
     */
    default java.util.List<Suggestion> choices(CommandAutoCompleteInteractionEvent event, PlannedShow show) {
        return autoComplete(event, show).stream().map(Suggestion::of).toList();
    }
}

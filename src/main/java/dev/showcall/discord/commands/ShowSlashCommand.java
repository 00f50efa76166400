package dev.showcall.discord.commands;

import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * A slash command used in a show's guild. Its data is built once: guild-only, visible to every
 * member (Discord cannot gate by the show's roles, so each command checks them on use), and with
 * the optional {@code show} option last, for a guild that runs several shows.
 */
public abstract class ShowSlashCommand implements SlashCommand {

    private final SlashCommandData data;

    /** @param data the command's data, built once by {@link #showCommand} */
    protected ShowSlashCommand(SlashCommandData data) {
        this.data = data;
    }

    /** The data of a show command: guild-only, visible to every member, with the {@code show} option last. */
    protected static SlashCommandData showCommand(String name, String description, OptionData... options) {
        return Commands.slash(name, description)
                .addOptions(options)
                .addOptions(new OptionData(OptionType.STRING, SHOW_OPTION, "Which show, when this server runs several",
                        false, true))
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.ENABLED);
    }

    @Override
    public final String name() {
        return data.getName();
    }

    @Override
    public final SlashCommandData data() {
        return data;
    }
}

package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.discord.Replies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /show <subcommand>}: the show's plan as a whole (producers). Each subcommand is a
 * {@link Subcommand} given to the constructor; a new one is one more class, one more argument and
 * its data in {@link #DATA}. Discord does not allow options beside subcommands, so the
 * {@code show} option is on every subcommand, last.
 */
public final class ShowCommand implements SlashCommand {

    public static final String NAME = "show";

    /** One subcommand of {@code /show}. */
    public interface Subcommand {

        String name();

        void onSubcommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder);

        default List<Suggestion> choices(CommandAutoCompleteInteractionEvent event, PlannedShow show) {
            return List.of();
        }
    }

    /** What Discord shows of the command: known before anything opens, so it is registered first. */
    public static final SlashCommandData DATA = Commands.slash(NAME, "The show's plan (producers)")
            .addSubcommands(Stream.of(ShowPlanCommand.subcommandData(), ShowUploadCommand.subcommandData(),
                            ShowReloadCommand.subcommandData())
                    .map(s -> s.addOptions(new OptionData(OptionType.STRING, SHOW_OPTION,
                            "Which show, when this server runs several", false, true)))
                    .toList())
            .setContexts(InteractionContextType.GUILD)
            .setDefaultPermissions(DefaultMemberPermissions.ENABLED);

    private final Map<String, Subcommand> subcommands = new LinkedHashMap<>();

    /** @param subcommands one for each subcommand of {@link #DATA}, in its order */
    public ShowCommand(List<Subcommand> subcommands) {
        subcommands.forEach(s -> this.subcommands.put(s.name(), s));
        List<String> registered = DATA.getSubcommands().stream().map(SubcommandData::getName).toList();
        if (!registered.equals(List.copyOf(this.subcommands.keySet()))) {
            throw new IllegalArgumentException("/show registers " + registered + " but handles "
                    + this.subcommands.keySet());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SlashCommandData data() {
        return DATA;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        Subcommand subcommand = event.getSubcommandName() == null ? null : subcommands.get(event.getSubcommandName());
        if (subcommand == null) {
            responder.reply(Replies.error("This command is not available here."));
            return;
        }
        subcommand.onSubcommand(event, show, responder);
    }

    @Override
    public List<Suggestion> choices(CommandAutoCompleteInteractionEvent event, PlannedShow show) {
        Subcommand subcommand = event.getSubcommandName() == null ? null : subcommands.get(event.getSubcommandName());
        return subcommand == null ? List.of() : subcommand.choices(event, show);
    }
}

package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.discord.LineupMessage;
import dev.showcall.looks.Lineups;
import java.util.OptionalInt;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /lineup [from:<look>]}: the running order and what each look still needs, for the crew's eyes only. */
public final class LineupCommand extends ShowSlashCommand {

    public static final String NAME = "lineup";
    public static final String FROM_OPTION = "from";

    /** What Discord shows of the command: known before anything opens, so it is registered first. */
    public static final SlashCommandData DATA = showCommand(NAME,
            "The running order: each look's model, dresser and state (crew)",
            new OptionData(OptionType.INTEGER, FROM_OPTION, "List from this look on (default: the next to walk)",
                    false).setMinValue(1).setMaxValue(LookCommand.MAX_LOOK));

    private final Lineups lineups;

    public LineupCommand(Lineups lineups) {
        super(DATA);
        this.lineups = lineups;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        if (!Guards.requireCrew(event.getMember(), show, responder)) {
            return;
        }
        OptionMapping from = event.getOption(FROM_OPTION);
        responder.reply(LineupMessage.render(lineups.of(show),
                from == null ? OptionalInt.empty() : OptionalInt.of(from.getAsInt())));
    }
}

package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.calls.NoShows;
import dev.showcall.discord.Replies;
import dev.showcall.show.Closest;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /noshow model:<name> [undo:true]}: PR and producers give up on a model for the day. */
public final class NoShowCommand extends ShowSlashCommand {

    public static final String NAME = "noshow";
    public static final String MODEL_OPTION = "model";
    public static final String UNDO_OPTION = "undo";

    /** What Discord shows of the command: known before anything opens, so it is registered first. */
    public static final SlashCommandData DATA = showCommand(NAME, "Mark a model as not coming (PR and producers)",
            new OptionData(OptionType.STRING, MODEL_OPTION, "The model's name", true, true).setMaxLength(100),
            new OptionData(OptionType.BOOLEAN, UNDO_OPTION, "Take back a no-show marked by mistake", false));

    private final NoShows noShows;

    public NoShowCommand(NoShows noShows) {
        super(DATA);
        this.noShows = noShows;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        if (!Guards.requirePrOrProducer(event.getMember(), show, responder)) {
            return;
        }
        String model = event.getOption(MODEL_OPTION, "", OptionMapping::getAsString);
        long by = event.getUser().getIdLong();
        NoShows.Outcome outcome = event.getOption(UNDO_OPTION, false, OptionMapping::getAsBoolean)
                ? noShows.undo(show, model, by)
                : noShows.mark(show, model, by);
        responder.reply(answer(show, outcome));
    }

    @Override
    public List<String> autoComplete(CommandAutoCompleteInteractionEvent event, PlannedShow show) {
        return Closest.ranked(event.getFocusedOption().getValue(), show.modelNames(), CommandListener.MAX_CHOICES);
    }

    private static MessageCreateData answer(PlannedShow show, NoShows.Outcome outcome) {
        if (outcome instanceof NoShows.Outcome.Marked marked) {
            return Replies.info("🚫 " + Replies.bold(marked.model().name()) + " is marked a no-show. `/replace` gives the looks to a standby.");
        }
        if (outcome instanceof NoShows.Outcome.AlreadyMarked already) {
            return Replies.info(Replies.bold(already.model().name()) + " was already marked a no-show by "
                    + Replies.user(already.existing().markedBy()) + " " + Replies.time(already.existing().markedAt())
                    + "; nothing changed.");
        }
        if (outcome instanceof NoShows.Outcome.HasArrived arrived) {
            return Replies.error(Replies.bold(arrived.model().name()) + " is marked arrived ("
                    + Replies.time(arrived.arrival().arrivedAt()) + " by " + Replies.user(arrived.arrival().markedBy())
                    + "). If that was a mistake, undo it with `/arrived undo:true` first. Nothing was changed.");
        }
        if (outcome instanceof NoShows.Outcome.Undone undone) {
            return Replies.info("↩️ " + Replies.bold(undone.model().name()) + " is no longer marked a no-show.");
        }
        if (outcome instanceof NoShows.Outcome.NotMarked notMarked) {
            return Replies.info(Replies.bold(notMarked.model().name()) + " is not marked a no-show; nothing to undo.");
        }
        NoShows.Outcome.UnknownModel unknown = (NoShows.Outcome.UnknownModel) outcome;
        return Replies.unknownModel(show.show().name(), unknown.typed(), unknown.suggestions());
    }
}

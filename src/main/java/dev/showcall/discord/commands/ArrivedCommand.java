package dev.showcall.discord.commands;

import dev.showcall.backstage.ArrivalResult;
import dev.showcall.backstage.Arrivals;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.discord.Replies;
import dev.showcall.show.Call;
import dev.showcall.show.Model;
import dev.showcall.text.UserText;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /arrived model:<name> [undo:true]}: PR marks a model backstage, or unmarks a mistake. */
public final class ArrivedCommand extends ShowSlashCommand implements ButtonHandler {

    public static final String NAME = "arrived";
    public static final String MODEL_OPTION = "model";
    public static final String UNDO_OPTION = "undo";
    /**
     * {@code undo-arrival:<show id>:<ref of her call>}: ids only, never her name, which may hold ':'
     * and be too long for a custom id. Buttons of the older {@code arrived-undo:<show id>:<name>}
     * form are answered as buttons that no longer do anything.
     */
    public static final String UNDO_BUTTON = "undo-arrival";
    /** The older form's prefix, {@code arrived-undo:<show id>:<model name>}: answered by the listener as retired. */
    public static final String RETIRED_UNDO_BUTTON = "arrived-undo";

    /** What Discord shows of the command: known before anything opens, so it is registered first. */
    public static final SlashCommandData DATA = showCommand(NAME,
            "Mark a model as arrived backstage (PR and producers)",
            new OptionData(OptionType.STRING, MODEL_OPTION, "The model's name", true, true).setMaxLength(100),
            new OptionData(OptionType.BOOLEAN, UNDO_OPTION, "Unmark a model marked by mistake", false));

    private final Arrivals arrivals;
    private final ShowDirectory shows;

    public ArrivedCommand(Arrivals arrivals, ShowDirectory shows) {
        super(DATA);
        this.arrivals = arrivals;
        this.shows = shows;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        if (!Guards.requirePrOrProducer(event.getMember(), show, responder)) {
            return;
        }
        String model = event.getOption(MODEL_OPTION, "", OptionMapping::getAsString);
        boolean undo = event.getOption(UNDO_OPTION, false, OptionMapping::getAsBoolean);
        ArrivalResult result = undo
                ? arrivals.undoArrival(show, model, event.getUser().getIdLong())
                : arrivals.markArrived(show, model, event.getUser().getIdLong());
        responder.reply(answer(show, result));
    }

    @Override
    public List<String> autoComplete(CommandAutoCompleteInteractionEvent event, PlannedShow show) {
        if (!event.getFocusedOption().getName().equals(MODEL_OPTION)) {
            return List.of();
        }
        return arrivals.suggestModels(show, event.getFocusedOption().getValue(), CommandListener.MAX_CHOICES);
    }

    @Override
    public String buttonPrefix() {
        return UNDO_BUTTON;
    }

    /** {@code undo-arrival:<show id>:<ref>}. */
    @Override
    public void onButton(ButtonInteractionEvent event, String[] idParts, Responder responder) {
        if (idParts.length != 3 || !Call.isRef(idParts[2])) {
            responder.reply(Replies.error(Replies.RETIRED_BUTTON));
            return;
        }
        Optional<PlannedShow> show = shows.byId(idParts[1]);
        if (show.isEmpty()) {
            responder.reply(Replies.error("This show is no longer running; nothing was changed."));
            return;
        }
        if (!Guards.requirePrOrProducer(event.getMember(), show.get(), responder)) {
            return;
        }
        Optional<Model> model = show.get().modelByRef(idParts[2]);
        if (model.isEmpty()) {
            responder.reply(Replies.error("This model is no longer in " + UserText.inline(show.get().show().name())
                    + "; nothing was changed."));
            return;
        }
        responder.update(answer(show.get(),
                arrivals.undoArrival(show.get(), model.get().name(), event.getUser().getIdLong())));
    }

    static String undoButtonId(PlannedShow show, Model model) {
        return UNDO_BUTTON + ":" + show.id() + ":" + PlannedShow.refOf(model);
    }

    private static MessageCreateData answer(PlannedShow show, ArrivalResult result) {
        if (result instanceof ArrivalResult.Marked marked) {
            String text = "✅ **" + UserText.inline(marked.model().name()) + "** arrived "
                    + Replies.time(marked.arrival().arrivedAt())
                    + marked.lateness().map(l -> ", " + Arrivals.describe(l)).orElse("")
                    + marked.call().map(c -> " (call " + Replies.time(c) + ")").orElse("") + ".";
            return Replies.builder(text)
                    .setComponents(ActionRow.of(Button.secondary(undoButtonId(show, marked.model()), "Undo")))
                    .build();
        }
        if (result instanceof ArrivalResult.AlreadyMarked already) {
            return Replies.info("**" + UserText.inline(already.model().name()) + "** was already marked arrived "
                    + Replies.time(already.existing().arrivedAt()) + " by " + Replies.user(already.existing().markedBy())
                    + "; nothing changed.");
        }
        if (result instanceof ArrivalResult.Undone undone) {
            return Replies.info("↩️ **" + UserText.inline(undone.model().name()) + "** is no longer marked arrived.");
        }
        if (result instanceof ArrivalResult.NotMarked notMarked) {
            return Replies.info("**" + UserText.inline(notMarked.model().name()) + "** is not marked arrived; nothing to undo.");
        }
        ArrivalResult.UnknownModel unknown = (ArrivalResult.UnknownModel) result;
        return Replies.unknownModel(show.show().name(), unknown.typed(), unknown.suggestions());
    }
}

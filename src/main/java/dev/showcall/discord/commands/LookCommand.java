package dev.showcall.discord.commands;

import dev.showcall.text.UserText;
import dev.showcall.backstage.LookState;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.discord.Replies;
import dev.showcall.looks.Lineups;
import dev.showcall.looks.LookSteps;
import dev.showcall.show.Step;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /look look:<number> step:<step> [undo:true]}: the crew report a look's progress. Hair,
 * makeup and nails count for all the model's looks; {@code ready} is a producer's call.
 */
public final class LookCommand extends ShowSlashCommand {

    public static final String NAME = "look";
    public static final String LOOK_OPTION = "look";
    public static final String STEP_OPTION = "step";
    public static final String UNDO_OPTION = "undo";
    /** Far beyond any running order; Discord refuses larger numbers before they reach us. */
    static final int MAX_LOOK = 9_999;

    /** What Discord shows of the command: known before anything opens, so it is registered first. */
    public static final SlashCommandData DATA = showCommand(NAME, "Report a step done on a look (crew)",
            new OptionData(OptionType.INTEGER, LOOK_OPTION, "The look's number in the running order", true, true)
                    .setMinValue(1).setMaxValue(LookCommand.MAX_LOOK),
            stepOption(),
            new OptionData(OptionType.BOOLEAN, UNDO_OPTION, "Take back a step marked by mistake", false));

    private final LookSteps steps;
    private final Lineups lineups;

    public LookCommand(LookSteps steps, Lineups lineups) {
        super(DATA);
        this.steps = steps;
        this.lineups = lineups;
    }

    private static OptionData stepOption() {
        OptionData option = new OptionData(OptionType.STRING, STEP_OPTION, "What is done", true);
        for (Step step : Step.values()) {
            option.addChoice(step.label(), step.label());
        }
        return option;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        String label = event.getOption(STEP_OPTION, "", OptionMapping::getAsString);
        Step step = Step.fromLabel(label).orElse(null);
        if (step == null) {
            responder.reply(Replies.error(Replies.quote(label) + " is not a step. Pick one of "
                    + String.join(", ", Step.labels()) + "."));
            return;
        }
        boolean allowed = step == Step.READY
                ? Guards.requireProducer(event.getMember(), show, responder)
                : Guards.requireCrew(event.getMember(), show, responder);
        if (!allowed) {
            return;
        }
        int look = event.getOption(LOOK_OPTION, 0, OptionMapping::getAsInt);
        long by = event.getUser().getIdLong();
        LookSteps.Outcome outcome = event.getOption(UNDO_OPTION, false, OptionMapping::getAsBoolean)
                ? steps.undo(show, look, step, by)
                : steps.mark(show, look, step, by);
        responder.reply(answer(show, outcome));
    }

    @Override
    public List<Suggestion> choices(CommandAutoCompleteInteractionEvent event, PlannedShow show) {
        if (!event.getFocusedOption().getName().equals(LOOK_OPTION)) {
            return List.of();
        }
        return LookChoices.rank(lineups.of(show), event.getFocusedOption().getValue(), CommandListener.MAX_CHOICES);
    }

    static MessageCreateData answer(PlannedShow show, LookSteps.Outcome outcome) {
        if (outcome instanceof LookSteps.Outcome.Marked marked) {
            LookState look = marked.look();
            String counts = marked.step().onModel() && marked.looks().size() > 1
                    ? " (counts for looks " + numbers(marked.looks()) + ")" : "";
            return Replies.info("✅ Look " + look.number() + " · " + Replies.bold(look.model()) + ": " + marked.step().label()
                    + " done" + counts + ". " + state(look));
        }
        if (outcome instanceof LookSteps.Outcome.AlreadyDone already) {
            LookState look = already.look();
            return Replies.info(capitalised(already.step().label()) + " was already marked done "
                    + (already.step().onModel() ? "for " + Replies.bold(look.model()) : "on look " + look.number())
                    + " by " + Replies.user(already.doneBy()) + " " + Replies.time(already.doneAt())
                    + "; nothing changed.");
        }
        if (outcome instanceof LookSteps.Outcome.Refused refused) {
            return Replies.error("Cannot mark " + refused.step().label() + " on look " + refused.look().number()
                    + ": " + refused.reason() + ". Nothing was changed.");
        }
        if (outcome instanceof LookSteps.Outcome.Undone undone) {
            return Replies.info("↩️ " + capitalised(undone.step().label()) + " taken back for look "
                    + undone.look().number() + " · " + Replies.bold(undone.look().model())
                    + (undone.looks().size() > 1 ? " (and looks " + numbers(undone.looks()) + ")" : "") + ". "
                    + state(undone.look()));
        }
        if (outcome instanceof LookSteps.Outcome.NotDone notDone) {
            return Replies.info(capitalised(notDone.step().label()) + " is not marked on look "
                    + notDone.look().number() + "; nothing to undo.");
        }
        LookSteps.Outcome.UnknownLook unknown = (LookSteps.Outcome.UnknownLook) outcome;
        return unknownLook(show, unknown.number(), unknown.first(), unknown.last());
    }

    static MessageCreateData unknownLook(PlannedShow show, int number, int first, int last) {
        return Replies.error("No look " + number + " in " + UserText.inline(show.show().name()) + ": its looks are " + first + " to "
                + last + ". Pick one from the list as you type.");
    }

    /** "Look 7 is ready." or "Still missing: makeup, dressed." */
    static String state(LookState look) {
        if (look.ready()) {
            return "Look " + look.number() + " is ready.";
        }
        return "Look " + look.number() + " still needs " + look.missing().stream().map(Step::label)
                .collect(Collectors.joining(", ")) + ".";
    }

    private static String numbers(List<Integer> looks) {
        return looks.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

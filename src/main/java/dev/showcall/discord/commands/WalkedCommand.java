package dev.showcall.discord.commands;

import dev.showcall.backstage.LookState;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.discord.Replies;
import dev.showcall.looks.Lineups;
import dev.showcall.looks.Walks;
import java.util.List;
import java.util.OptionalInt;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /walked [look:<number>] [undo:true]}: during the show, a look going out; without a
 * number, the next one of the running order.
 */
public final class WalkedCommand extends ShowSlashCommand {

    public static final String NAME = "walked";
    public static final String LOOK_OPTION = "look";
    public static final String UNDO_OPTION = "undo";

    /** What Discord shows of the command: known before anything opens, so it is registered first. */
    public static final SlashCommandData DATA = showCommand(NAME,
            "A look went out on the runway; without a number, the next one (PR and producers)",
            new OptionData(OptionType.INTEGER, LOOK_OPTION, "The look's number (default: the next to walk)",
                    false, true).setMinValue(1).setMaxValue(LookCommand.MAX_LOOK),
            new OptionData(OptionType.BOOLEAN, UNDO_OPTION, "Take back a look recorded by mistake", false));

    private final Walks walks;
    private final Lineups lineups;

    public WalkedCommand(Walks walks, Lineups lineups) {
        super(DATA);
        this.walks = walks;
        this.lineups = lineups;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        if (!Guards.requirePrOrProducer(event.getMember(), show, responder)) {
            return;
        }
        OptionMapping look = event.getOption(LOOK_OPTION);
        long by = event.getUser().getIdLong();
        if (event.getOption(UNDO_OPTION, false, OptionMapping::getAsBoolean)) {
            if (look == null) {
                responder.reply(Replies.error("Say which look to take back: `/walked look:<number> undo:true`."));
                return;
            }
            responder.reply(answer(show, walks.undo(show, look.getAsInt(), by)));
            return;
        }
        OptionalInt number = look == null ? OptionalInt.empty() : OptionalInt.of(look.getAsInt());
        responder.reply(answer(show, walks.walked(show, number, by)));
    }

    @Override
    public List<Suggestion> choices(CommandAutoCompleteInteractionEvent event, PlannedShow show) {
        if (!event.getFocusedOption().getName().equals(LOOK_OPTION)) {
            return List.of();
        }
        return LookChoices.rank(lineups.of(show), event.getFocusedOption().getValue(), CommandListener.MAX_CHOICES);
    }

    private static MessageCreateData answer(PlannedShow show, Walks.Outcome outcome) {
        if (outcome instanceof Walks.Outcome.Walked walked) {
            LookState look = walked.look();
            return Replies.info("🚶 Look " + look.number() + " · " + Replies.bold(look.model()) + " is out. "
                    + (walked.passedOver().isEmpty() ? "" : "⚠️ " + Walks.passedOverText(walked.passedOver()) + ". ")
                    + walked.next().map(WalkedCommand::next).orElse(Walks.noNextText(walked.withoutModel())));
        }
        if (outcome instanceof Walks.Outcome.AlreadyWalked already) {
            return Replies.info("Look " + already.look().number() + " was already recorded walking "
                    + Replies.time(already.walk().walkedAt()) + " by " + Replies.user(already.walk().walkedBy())
                    + "; nothing changed.");
        }
        if (outcome instanceof Walks.Outcome.Refused refused) {
            return Replies.error("Cannot record look " + refused.look().number() + " walking: " + refused.reason()
                    + ". Nothing was changed.");
        }
        if (outcome instanceof Walks.Outcome.AllWalked) {
            return Replies.info("Every look has walked; nothing to record.");
        }
        if (outcome instanceof Walks.Outcome.NoneCanWalk none) {
            return Replies.error(Walks.noneCanWalkText(none.withoutModel()) + " Nothing was recorded.");
        }
        if (outcome instanceof Walks.Outcome.Undone undone) {
            return Replies.info("↩️ Look " + undone.look().number() + " is no longer recorded as walked.");
        }
        if (outcome instanceof Walks.Outcome.NotWalked notWalked) {
            return Replies.info("Look " + notWalked.look().number() + " is not recorded as walked; nothing to undo.");
        }
        Walks.Outcome.UnknownLook unknown = (Walks.Outcome.UnknownLook) outcome;
        return LookCommand.unknownLook(show, unknown.number(), unknown.first(), unknown.last());
    }

    private static String next(LookState next) {
        return next.ready() ? "Next: look " + next.number() + " · " + Replies.bold(next.model()) + ", ready."
                : "⚠️ Next: look " + next.number() + " · " + Replies.bold(next.model()) + " is not ready: "
                        + Walks.whatIsMissing(next) + ".";
    }

}

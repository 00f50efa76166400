package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.calls.Delays;
import dev.showcall.discord.Replies;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /delay minutes:<int> reason:<text>}: producers move the show and every call still to come. */
public final class DelayCommand extends ShowSlashCommand {

    public static final String NAME = "delay";
    public static final String MINUTES_OPTION = "minutes";
    public static final String REASON_OPTION = "reason";
    static final int MAX_REASON = 200;

    /** What Discord shows of the command: known before anything opens, so it is registered first. */
    public static final SlashCommandData DATA = showCommand(NAME,
            "Move the show and every call still to come (producers)",
            new OptionData(OptionType.INTEGER, MINUTES_OPTION, "Minutes later; negative when running early", true)
                    .setRequiredRange(-Delays.MAX_EARLIER_MINUTES, Delays.MAX_LATER_MINUTES),
            new OptionData(OptionType.STRING, REASON_OPTION, "Why, as the crew will read it", true)
                    .setRequiredLength(1, MAX_REASON));

    private final Delays delays;

    public DelayCommand(Delays delays) {
        super(DATA);
        this.delays = delays;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        if (!Guards.requireProducer(event.getMember(), show, responder)) {
            return;
        }
        int minutes = event.getOption(MINUTES_OPTION, 0, OptionMapping::getAsInt);
        String reason = event.getOption(REASON_OPTION, "", OptionMapping::getAsString).strip();
        if (reason.isEmpty()) {
            responder.reply(Replies.error("Give a reason: the crew read it with their new time."));
            return;
        }
        Delays.Outcome outcome = delays.declare(show, minutes, reason, event.getUser().getIdLong());
        if (outcome instanceof Delays.Outcome.Refused refused) {
            responder.reply(Replies.error(refused.reason() + " Nothing was changed."));
            return;
        }
        Delays.Outcome.Declared declared = (Delays.Outcome.Declared) outcome;
        responder.reply(Replies.info("🕒 " + (minutes > 0 ? "Delayed by " + minutes : "Brought forward by " + -minutes)
                + " min. The show now starts " + Replies.time(declared.start()) + " (" + Replies.relative(declared.start())
                + "); " + declared.told() + (declared.told() == 1 ? " person is" : " people are")
                + " being told their new call time."));
    }
}

package dev.showcall.discord.commands;

import dev.showcall.text.UserText;
import dev.showcall.backstage.Lineup;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.discord.Replies;
import dev.showcall.looks.Replacements;
import dev.showcall.show.Closest;
import dev.showcall.show.Model;
import java.util.List;
import java.util.stream.Stream;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** {@code /replace model:<name> with:<name>}: a standby, or another model, takes over a model's looks. */
public final class ReplaceCommand extends ShowSlashCommand {

    public static final String NAME = "replace";
    public static final String MODEL_OPTION = "model";
    public static final String WITH_OPTION = "with";

    private final Replacements replacements;

    public ReplaceCommand(Replacements replacements) {
        super(NAME, "Give a model's looks to a standby or another model (PR and producers)",
                new OptionData(OptionType.STRING, MODEL_OPTION, "The model who will not walk", true, true)
                        .setMaxLength(100),
                new OptionData(OptionType.STRING, WITH_OPTION, "Who walks the looks instead, usually a standby", true, true)
                        .setMaxLength(100));
        this.replacements = replacements;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        if (!Guards.requirePrOrProducer(event.getMember(), show, responder)) {
            return;
        }
        String model = event.getOption(MODEL_OPTION, "", OptionMapping::getAsString);
        String with = event.getOption(WITH_OPTION, "", OptionMapping::getAsString);
        responder.reply(answer(show, replacements.replace(show, model, with, event.getUser().getIdLong())));
    }

    /** For {@code with}, the standbys come first: they are there for this. */
    @Override
    public List<String> autoComplete(CommandAutoCompleteInteractionEvent event, PlannedShow show) {
        String typed = event.getFocusedOption().getValue();
        if (event.getFocusedOption().getName().equals(WITH_OPTION)) {
            List<String> standbys = show.show().models().stream().filter(Model::standby).map(Model::name).toList();
            List<String> others = show.show().models().stream().filter(m -> !m.standby()).map(Model::name).toList();
            return Stream.concat(Closest.ranked(typed, standbys, CommandListener.MAX_CHOICES).stream(),
                            Closest.ranked(typed, others, CommandListener.MAX_CHOICES).stream())
                    .limit(CommandListener.MAX_CHOICES).toList();
        }
        return Closest.ranked(typed, show.modelNames(), CommandListener.MAX_CHOICES);
    }

    private static MessageCreateData answer(PlannedShow show, Replacements.Outcome outcome) {
        if (outcome instanceof Replacements.Outcome.Replaced replaced) {
            var r = replaced.replacement();
            String looks = (r.looks().size() == 1 ? "look " : "looks ") + String.join(", ",
                    r.looks().stream().map(String::valueOf).toList());
            return Replies.info("🔁 " + Replies.bold(r.replacedBy()) + " replaces " + Replies.bold(r.model()) + " in "
                    + looks + "."
                    + (replaced.told().isEmpty() ? "" : " Told by DM: " + String.join(", ",
                            replaced.told().stream().map(Replies::user).toList()) + ".")
                    + (replaced.called() ? " Not called yet: called now." : "")
                    + (replaced.quickChanges().isEmpty() ? ""
                            : "\n⚠️ New quick change for " + UserText.inline(r.replacedBy()) + ": " + Lineup.describe(replaced.quickChanges())
                                    + ". Warn the dressers."));
        }
        if (outcome instanceof Replacements.Outcome.Refused refused) {
            return Replies.error("Cannot replace: " + refused.reason() + " Nothing was changed.");
        }
        Replacements.Outcome.UnknownModel unknown = (Replacements.Outcome.UnknownModel) outcome;
        return Replies.unknownModel(show.show().name(), unknown.typed(), unknown.suggestions());
    }
}

package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.discord.Replies;
import dev.showcall.links.Links;
import dev.showcall.roster.Person;
import dev.showcall.roster.Roster;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /unlink person:<roster name>}: a producer takes back a link; the show file's account counts again. */
public final class UnlinkCommand extends ShowSlashCommand {

    public static final String NAME = "unlink";
    public static final String PERSON_OPTION = "person";

    /** What Discord shows of the command: known before anything opens, so it is registered first. */
    public static final SlashCommandData DATA = showCommand(NAME,
            "Take back who someone on the roster was linked to (producers)",
            new OptionData(OptionType.STRING, PERSON_OPTION, "Their name on the roster", true, true)
                    .setMaxLength(100));

    private final Links links;

    public UnlinkCommand(Links links) {
        super(DATA);
        this.links = links;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        if (!Guards.requireProducer(event.getMember(), show, responder)) {
            return;
        }
        String typed = event.getOption(PERSON_OPTION, "", OptionMapping::getAsString);
        Optional<Roster> roster = links.roster(show.id());
        Optional<Person> person = roster.flatMap(r -> PersonChoices.find(r, typed));
        if (person.isEmpty()) {
            responder.reply(LinkCommand.unknown(show, typed,
                    roster.map(r -> PersonChoices.closest(r, typed)).orElse(List.of())));
            return;
        }
        if (!links.unlink(show.id(), person.get(), event.getUser().getIdLong())) {
            responder.reply(Replies.info(Replies.bold(person.get().label()) + " was not linked; nothing changed."));
            return;
        }
        Person now = links.roster(show.id()).flatMap(r -> r.byRef(dev.showcall.show.Call.ref(person.get().key())))
                .orElse(person.get());
        responder.reply(Replies.info("↩️ " + Replies.bold(now.label()) + " is no longer linked. "
                + (now.userId().isPresent() ? "The show file's account counts again: " + Replies.user(now.userId().getAsLong()) + "."
                : now.account().isPresent() ? "Until linked again they are called by name in the calls channel."
                : "They are no longer messaged.")));
    }

    @Override
    public List<Suggestion> choices(CommandAutoCompleteInteractionEvent event, PlannedShow show) {
        return links.roster(show.id()).map(r -> PersonChoices.ranked(r, event.getFocusedOption().getValue()))
                .orElse(List.of());
    }
}

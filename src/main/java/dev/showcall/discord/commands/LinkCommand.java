package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.discord.Replies;
import dev.showcall.links.Links;
import dev.showcall.roster.Person;
import dev.showcall.roster.Roster;
import dev.showcall.text.UserText;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /link person:<roster name> member:<@user>}: a producer says who someone of the roster is on Discord.
 * Kept in the database, not the show file; from the next ping on, that person gets DMs.
 */
public final class LinkCommand extends ShowSlashCommand {

    public static final String NAME = "link";
    public static final String PERSON_OPTION = "person";
    public static final String MEMBER_OPTION = "member";

    /** What Discord shows of the command: known before anything opens, so it is registered first. */
    public static final SlashCommandData DATA = showCommand(NAME,
            "Say who someone on the roster is on Discord (producers)",
            new OptionData(OptionType.STRING, PERSON_OPTION, "Their name on the roster", true, true)
                    .setMaxLength(100),
            new OptionData(OptionType.USER, MEMBER_OPTION, "Their Discord account", true));

    private final Links links;

    public LinkCommand(Links links) {
        super(DATA);
        this.links = links;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        if (!Guards.requireProducer(event.getMember(), show, responder)) {
            return;
        }
        User member = event.getOption(MEMBER_OPTION, OptionMapping::getAsUser);
        if (member == null || member.isBot()) {
            responder.reply(Replies.error("Pick a person's Discord account, not a bot's. Nothing was changed."));
            return;
        }
        String typed = event.getOption(PERSON_OPTION, "", OptionMapping::getAsString);
        Optional<Roster> roster = links.roster(show.id());
        Optional<Person> person = roster.flatMap(r -> PersonChoices.find(r, typed));
        if (person.isEmpty()) {
            responder.reply(unknown(show, typed, roster.map(r -> PersonChoices.closest(r, typed)).orElse(List.of())));
            return;
        }
        Links.Linked linked = links.link(show.id(), person.get(), member.getIdLong(), event.getUser().getIdLong());
        responder.reply(answer(person.get(), member.getIdLong(), linked));
    }

    @Override
    public List<Suggestion> choices(CommandAutoCompleteInteractionEvent event, PlannedShow show) {
        return links.roster(show.id()).map(r -> PersonChoices.ranked(r, event.getFocusedOption().getValue()))
                .orElse(List.of());
    }

    private static MessageCreateData answer(Person person, long userId, Links.Linked linked) {
        if (linked == Links.Linked.ALREADY) {
            return Replies.info(Replies.bold(person.label()) + " is already linked to " + Replies.user(userId)
                    + "; nothing changed.");
        }
        return Replies.info("🔗 " + Replies.bold(person.label()) + " is now " + Replies.user(userId)
                + ": their calls, reminders and notices go to them by DM from the next one on.");
    }

    static MessageCreateData unknown(PlannedShow show, String typed, List<String> closest) {
        return Replies.error("Nobody named " + Replies.quote(typed) + " is on the roster of "
                + UserText.inline(show.show().name()) + "."
                + (closest.isEmpty() ? "" : " Did you mean " + String.join(", ", closest.stream().map(Replies::bold).toList()) + "?")
                + " Nothing was changed.");
    }
}

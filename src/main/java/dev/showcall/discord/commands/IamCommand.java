package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.discord.Replies;
import dev.showcall.links.Claims;
import dev.showcall.roster.LinkClaim;
import dev.showcall.roster.Person;
import dev.showcall.roster.Roster;
import dev.showcall.show.Call;
import dev.showcall.show.Closest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /iam name:<roster line>}: anyone on the show's server says which line of its roster is them. It grants
 * what a producer's link does, so it waits for a producer to approve it; the answer says it was asked, and the
 * decision comes by DM. Whoever the line is linked to now is never shown here.
 */
public final class IamCommand extends ShowSlashCommand {

    public static final String NAME = "iam";
    public static final String NAME_OPTION = "name";

    /** What Discord shows of the command: known before anything opens, so it is registered first. */
    public static final SlashCommandData DATA = showCommand(NAME,
            "Say which line of the show's roster is you; a producer confirms it",
            new OptionData(OptionType.STRING, NAME_OPTION, "Your name as the roster has it", true, true)
                    .setMaxLength(100));

    private final Claims claims;

    public IamCommand(Claims claims) {
        super(DATA);
        this.claims = claims;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        String value = event.getOption(NAME_OPTION, "", OptionMapping::getAsString);
        responder.reply(answer(show, claims.claim(show, value, event.getUser().getIdLong())));
    }

    /** The roster's people, those nobody is found for first: they are the ones to claim. */
    @Override
    public List<Suggestion> choices(CommandAutoCompleteInteractionEvent event, PlannedShow show) {
        if (!event.getFocusedOption().getName().equals(NAME_OPTION)) {
            return List.of();
        }
        return claims.roster(show.id()).map(r -> rank(r, event.getFocusedOption().getValue())).orElse(List.of());
    }

    static List<Suggestion> rank(Roster roster, String typed) {
        Map<String, Person> notLinked = new LinkedHashMap<>();
        Map<String, Person> others = new LinkedHashMap<>();
        for (Person person : roster.people()) {
            (person.notLinked() ? notLinked : others).putIfAbsent(person.label(), person);
        }
        List<Person> ranked = new ArrayList<>();
        Closest.ranked(typed, notLinked.keySet(), CommandListener.MAX_CHOICES).forEach(l -> ranked.add(notLinked.get(l)));
        Closest.ranked(typed, others.keySet(), CommandListener.MAX_CHOICES).forEach(l -> ranked.add(others.get(l)));
        return ranked.stream().limit(CommandListener.MAX_CHOICES)
                .map(p -> Suggestion.of(p.label(), Call.ref(p.key())))
                .toList();
    }

    static MessageCreateData answer(PlannedShow show, Claims.Outcome outcome) {
        String showName = Replies.bold(show.show().name());
        if (outcome instanceof Claims.Outcome.Asked asked) {
            return Replies.info("🙋 Asked the producers to confirm you are " + Replies.bold(asked.claim().personLabel())
                    + " on " + showName + ". showcall tells you by DM once one of them has decided.");
        }
        if (outcome instanceof Claims.Outcome.AlreadyYours yours) {
            return Replies.info("You are " + Replies.bold(yours.person().label()) + " on " + showName
                    + " already: nothing to confirm.");
        }
        if (outcome instanceof Claims.Outcome.AlreadyWaiting waiting) {
            return Replies.info("You asked to be " + Replies.bold(waiting.claim().personLabel()) + " "
                    + Replies.relative(waiting.claim().claimedAt()) + " already; it waits for a producer, and showcall"
                    + " tells you by DM once one has decided.");
        }
        if (outcome instanceof Claims.Outcome.TooMany many) {
            return Replies.error("You have " + many.waiting().size() + " claims waiting for the producers already ("
                    + many.waiting().stream().map(LinkClaim::personLabel).map(Replies::bold)
                            .collect(Collectors.joining(", "))
                    + "): wait for their answer, or ask a producer.");
        }
        if (outcome instanceof Claims.Outcome.UnknownLine unknown) {
            return Replies.error("Nobody called " + Replies.quote(unknown.typed()) + " is on the roster of " + showName
                    + "." + (unknown.suggestions().isEmpty() ? ""
                            : " Did you mean " + unknown.suggestions().stream().map(Replies::bold)
                                    .collect(Collectors.joining(", ")) + "?")
                    + " Pick your name from the list as you type.");
        }
        Claims.Outcome.Failed failed = (Claims.Outcome.Failed) outcome;
        return Replies.error(failed.reason());
    }
}

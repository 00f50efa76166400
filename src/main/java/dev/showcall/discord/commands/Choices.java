package dev.showcall.discord.commands;

import dev.showcall.text.UserText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every autocomplete choice showcall sends, inside Discord's limits whatever the show's
 * data: at most 25 choices, each label 1 to 100 characters cut on whole characters, each value one
 * the command can receive. A choice whose value Discord cannot carry is left out and logged, never
 * sent: the command could not use it anyway.
 */
public final class Choices {

    /** Discord shows at most 25 autocomplete choices. */
    public static final int MAX = 25;
    /** Discord's limit on a choice's name, and on a string choice's value. */
    public static final int MAX_LENGTH = Command.Choice.MAX_NAME_LENGTH;

    private static final Logger log = LoggerFactory.getLogger(Choices.class);

    private Choices() {
    }

    /** The first {@link #MAX} suggestions that Discord can carry, as choices. */
    public static List<Command.Choice> of(String command, List<? extends Suggestion> suggestions) {
        List<Command.Choice> choices = new ArrayList<>();
        for (Suggestion suggestion : suggestions) {
            if (choices.size() == MAX) {
                break;
            }
            choice(command, suggestion).ifPresent(choices::add);
        }
        return choices;
    }

    static Optional<Command.Choice> choice(String command, Suggestion suggestion) {
        String value = suggestion instanceof Suggestion.Text text ? text.value()
                : String.valueOf(((Suggestion.Number) suggestion).value());
        if (suggestion instanceof Suggestion.Text && !fits(value)) {
            log.warn("Autocomplete for /{}: a choice of {} characters left out; Discord takes values of 1 to {}",
                    command, value == null ? 0 : value.length(), MAX_LENGTH);
            return Optional.empty();
        }
        String label = suggestion.label() == null ? "" : UserText.plain(suggestion.label(), MAX_LENGTH).strip();
        if (label.isEmpty()) {
            label = UserText.plain(value, MAX_LENGTH);
        }
        try {
            return Optional.of(suggestion instanceof Suggestion.Number number
                    ? new Command.Choice(label, number.value())
                    : new Command.Choice(label, value));
        } catch (IllegalArgumentException e) {
            log.warn("Autocomplete for /{}: a choice Discord would refuse left out", command, e);
            return Optional.empty();
        }
    }

    private static boolean fits(String value) {
        return value != null && !value.isEmpty() && value.codePointCount(0, value.length()) <= MAX_LENGTH
                && !UserText.hasBrokenCharacter(value);
    }
}

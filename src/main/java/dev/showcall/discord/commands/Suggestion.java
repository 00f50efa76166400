package dev.showcall.discord.commands;

/**
 * One autocomplete choice as a command proposes it: the label the person sees and the value the
 * command then receives. Turned into Discord's choices by {@link Choices}, the one place that
 * keeps them inside Discord's limits.
 */
public sealed interface Suggestion {

    String label();

    /** A name sent as it is shown, such as a model's. */
    static Suggestion of(String name) {
        return new Text(name, name);
    }

    static Suggestion of(String label, String value) {
        return new Text(label, value);
    }

    static Suggestion of(String label, long value) {
        return new Number(label, value);
    }

    /** For a string option. */
    record Text(String label, String value) implements Suggestion {
    }

    /** For an integer option, such as a look number. */
    record Number(String label, long value) implements Suggestion {
    }
}

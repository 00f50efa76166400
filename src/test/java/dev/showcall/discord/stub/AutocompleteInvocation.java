package dev.showcall.discord.stub;

import java.util.Objects;

/**
 * A member typing into an autocomplete option, as Discord delivers it (INTERACTION_CREATE, type 4): the options filled
 * so far and the focused one with what has been typed.
 *
 * <pre>{@code
 * stub.autocomplete(AutocompleteInvocation.of("arrived").typing("model", "an").by(PR).in(BACKSTAGE));
 * }</pre>
 */
public final class AutocompleteInvocation extends CommandInvocation<AutocompleteInvocation> {

    private String focused;
    private String typed = "";

    private AutocompleteInvocation(String commandPath) {
        super(commandPath);
    }

    public static AutocompleteInvocation of(String commandPath) {
        return new AutocompleteInvocation(commandPath);
    }

    @Override
    AutocompleteInvocation self() {
        return this;
    }

    /** The focused option and the text typed into it so far. */
    public AutocompleteInvocation typing(String optionName, String text) {
        this.focused = Objects.requireNonNull(optionName);
        this.typed = Objects.requireNonNull(text);
        return this;
    }

    String focused() {
        if (focused == null) {
            throw new IllegalStateException("Say which option is being typed into: typing(option, text)");
        }
        return focused;
    }

    String typed() {
        return typed;
    }

    @Override
    public String toString() {
        return "autocomplete /" + commandPath() + " " + focused + "='" + typed + "'";
    }
}

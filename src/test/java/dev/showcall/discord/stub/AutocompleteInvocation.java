package dev.showcall.discord.stub;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A member typing into an autocomplete option, as Discord delivers it (INTERACTION_CREATE, type 4): the options filled
 * so far and the focused one with what has been typed.
 *
 * <pre>{@code
 * stub.autocomplete(AutocompleteInvocation.of("arrived").typing("model", "an").by(PR).in(BACKSTAGE));
 * }</pre>
 */
public final class AutocompleteInvocation {

    private final String commandPath;
    private final List<OptionValue> options = new ArrayList<>();
    private String focused;
    private String typed = "";
    private long userId;
    private long channelId;
    private long guildId;
    private String locale = "en-US";

    private AutocompleteInvocation(String commandPath) {
        this.commandPath = Objects.requireNonNull(commandPath).trim();
    }

    public static AutocompleteInvocation of(String commandPath) {
        return new AutocompleteInvocation(commandPath);
    }

    /** The focused option and the text typed into it so far. */
    public AutocompleteInvocation typing(String optionName, String text) {
        this.focused = Objects.requireNonNull(optionName);
        this.typed = Objects.requireNonNull(text);
        return this;
    }

    public AutocompleteInvocation option(String name, String value) {
        options.add(new OptionValue(name, value));
        return this;
    }

    public AutocompleteInvocation option(String name, long value) {
        options.add(new OptionValue(name, value));
        return this;
    }

    public AutocompleteInvocation option(String name, boolean value) {
        options.add(new OptionValue(name, value));
        return this;
    }

    public AutocompleteInvocation option(String name, double value) {
        options.add(new OptionValue(name, value));
        return this;
    }

    public AutocompleteInvocation by(long memberUserId) {
        this.userId = memberUserId;
        return this;
    }

    public AutocompleteInvocation in(long textChannelId) {
        this.channelId = textChannelId;
        return this;
    }

    public AutocompleteInvocation inGuild(long id) {
        this.guildId = id;
        return this;
    }

    public AutocompleteInvocation locale(String userLocale) {
        this.locale = Objects.requireNonNull(userLocale);
        return this;
    }

    String commandPath() {
        return commandPath;
    }

    List<OptionValue> options() {
        return List.copyOf(options);
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

    long userId() {
        return userId;
    }

    long channelId() {
        return channelId;
    }

    long guildId() {
        return guildId;
    }

    String locale() {
        return locale;
    }

    @Override
    public String toString() {
        return "autocomplete /" + commandPath + " " + focused + "='" + typed + "'";
    }
}

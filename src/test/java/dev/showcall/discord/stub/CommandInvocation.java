package dev.showcall.discord.stub;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a member does with a registered command, as Discord delivers it: the command, the options filled in, who
 * and where. Slash commands and autocomplete share all of it.
 *
 * @param <T> the concrete invocation, so that the builder methods chain
 */
public abstract class CommandInvocation<T extends CommandInvocation<T>> {

    private final String commandPath;
    private final List<OptionValue> options = new ArrayList<>();
    private long userId;
    private long channelId;
    private long guildId;
    private String locale = "en-US";

    CommandInvocation(String commandPath) {
        this.commandPath = Objects.requireNonNull(commandPath).trim();
    }

    abstract T self();

    public T option(String name, String value) {
        options.add(new OptionValue(name, value));
        return self();
    }

    public T option(String name, long value) {
        options.add(new OptionValue(name, value));
        return self();
    }

    public T option(String name, boolean value) {
        options.add(new OptionValue(name, value));
        return self();
    }

    public T option(String name, double value) {
        options.add(new OptionValue(name, value));
        return self();
    }

    T option(String name, Uploads.Attached file) {
        options.add(new OptionValue(name, file));
        return self();
    }

    /** The member who uses the command. */
    public T by(long memberUserId) {
        this.userId = memberUserId;
        return self();
    }

    /** The text channel it is used in. */
    public T in(long textChannelId) {
        this.channelId = textChannelId;
        return self();
    }

    /** The guild; by default the guild of the channel. */
    public T inGuild(long id) {
        this.guildId = id;
        return self();
    }

    /** The member's client locale, {@code en-US} by default. */
    public T locale(String userLocale) {
        this.locale = Objects.requireNonNull(userLocale);
        return self();
    }

    String commandPath() {
        return commandPath;
    }

    List<OptionValue> options() {
        return List.copyOf(options);
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
}

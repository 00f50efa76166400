package dev.showcall.discord.stub;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A member running a slash command, as Discord delivers it (INTERACTION_CREATE, type 2). The command must be
 * registered with the stub; option types come from its registration.
 *
 * <pre>{@code
 * stub.slash(SlashCommandInvocation.of("delay").option("minutes", 15).option("reason", "hair").by(PRODUCER).in(TIMELINE));
 * stub.slash(SlashCommandInvocation.of("look status").option("look", 3).by(DRESSER).in(BACKSTAGE)); // a subcommand
 * }</pre>
 */
public final class SlashCommandInvocation {

    private final String commandPath;
    private final List<OptionValue> options = new ArrayList<>();
    private long userId;
    private long channelId;
    private long guildId;
    private String locale = "en-US";

    private SlashCommandInvocation(String commandPath) {
        this.commandPath = Objects.requireNonNull(commandPath).trim();
    }

    /** The command's name, followed by a subcommand (and group) name separated by spaces where it has them. */
    public static SlashCommandInvocation of(String commandPath) {
        return new SlashCommandInvocation(commandPath);
    }

    public SlashCommandInvocation option(String name, String value) {
        options.add(new OptionValue(name, value));
        return this;
    }

    public SlashCommandInvocation option(String name, long value) {
        options.add(new OptionValue(name, value));
        return this;
    }

    public SlashCommandInvocation option(String name, boolean value) {
        options.add(new OptionValue(name, value));
        return this;
    }

    public SlashCommandInvocation option(String name, double value) {
        options.add(new OptionValue(name, value));
        return this;
    }

    /** The member who runs the command. */
    public SlashCommandInvocation by(long memberUserId) {
        this.userId = memberUserId;
        return this;
    }

    /** The text channel it is run in. */
    public SlashCommandInvocation in(long textChannelId) {
        this.channelId = textChannelId;
        return this;
    }

    /** The guild; by default the guild of the channel. */
    public SlashCommandInvocation inGuild(long id) {
        this.guildId = id;
        return this;
    }

    /** The invoking user's client locale, {@code en-US} by default. */
    public SlashCommandInvocation locale(String userLocale) {
        this.locale = Objects.requireNonNull(userLocale);
        return this;
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

    @Override
    public String toString() {
        return "/" + commandPath + " " + options;
    }
}

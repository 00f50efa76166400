package dev.showcall.discord.stub;

/**
 * A member running a slash command, as Discord delivers it (INTERACTION_CREATE, type 2). The command must be
 * registered with the stub; option types come from its registration.
 *
 * <pre>{@code
 * stub.slash(SlashCommandInvocation.of("delay").option("minutes", 15).option("reason", "hair").by(PRODUCER).in(TIMELINE));
 * stub.slash(SlashCommandInvocation.of("look status").option("look", 3).by(DRESSER).in(BACKSTAGE)); // a subcommand
 * stub.slash(SlashCommandInvocation.of("show upload").attachment("file", "show.yaml", "application/x-yaml", bytes)
 *         .by(PRODUCER).in(TIMELINE));
 * }</pre>
 */
public final class SlashCommandInvocation extends CommandInvocation<SlashCommandInvocation> {

    private SlashCommandInvocation(String commandPath) {
        super(commandPath);
    }

    /** The command's name, followed by a subcommand (and group) name separated by spaces where it has them. */
    public static SlashCommandInvocation of(String commandPath) {
        return new SlashCommandInvocation(commandPath);
    }

    /**
     * A file attached to an ATTACHMENT option, as a member picks it: Discord stores it before it delivers the
     * command, and the bot downloads it from the attachment's {@code url}.
     *
     * @param contentType as Discord guesses it from the name, such as {@code application/x-yaml}; null for none
     */
    public SlashCommandInvocation attachment(String name, String fileName, String contentType, byte[] data) {
        return option(name, new Uploads.Attached(fileName, contentType, data.clone()));
    }

    @Override
    SlashCommandInvocation self() {
        return this;
    }

    @Override
    public String toString() {
        return "/" + commandPath() + " " + options();
    }
}

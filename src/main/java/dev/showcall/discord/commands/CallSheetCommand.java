package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.calls.CallSheets;
import dev.showcall.discord.Replies;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /callsheet send}: producers send everyone their call sheet ahead of the day, one DM each; a second send
 * goes only to those who have not had it, and says so.
 */
public final class CallSheetCommand implements SlashCommand {

    public static final String NAME = "callsheet";
    public static final String SEND = "send";

    /** What Discord shows of the command: known before anything opens, so it is registered first. */
    public static final SlashCommandData DATA = Commands.slash(NAME, "Everyone's call sheet, sent ahead (producers)")
            .addSubcommands(new SubcommandData(SEND, "DM their call sheet to everyone who has not had it yet")
                    .addOptions(new OptionData(OptionType.STRING, SHOW_OPTION, "Which show, when this server runs several",
                            false, true)))
            .setContexts(InteractionContextType.GUILD)
            .setDefaultPermissions(DefaultMemberPermissions.ENABLED);

    private final CallSheets callSheets;

    public CallSheetCommand(CallSheets callSheets) {
        this.callSheets = callSheets;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SlashCommandData data() {
        return DATA;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        if (!SEND.equals(event.getSubcommandName())) {
            responder.reply(Replies.error("This command is not available here."));
            return;
        }
        if (!Guards.requireProducer(event.getMember(), show, responder)) {
            return;
        }
        responder.reply(Replies.info(answer(callSheets.send(show, event.getUser().getIdLong()))));
    }

    static String answer(CallSheets.Sent sent) {
        String now = sent.sentNow() == 0
                ? "📋 Everyone who can get the call sheet has had it already: nothing was sent."
                : "📋 Call sheet sent now to " + people(sent.sentNow()) + "."
                        + (sent.hadIt() == 0 ? "" : " " + people(sent.hadIt()) + (sent.hadIt() == 1 ? " has" : " have")
                        + " had it already and " + (sent.hadIt() == 1 ? "is" : "are")
                        + " not sent it again: it goes only to the rest.");
        String notLinked = sent.notLinked() == 0 ? "" : "\n🔗 " + people(sent.notLinked())
                + " not linked on Discord cannot get it: link them with `/link`, then send again.";
        return now + notLinked + "\n`/calls` shows who received it and who pressed Got it.";
    }

    private static String people(int n) {
        return n + (n == 1 ? " person" : " people");
    }
}

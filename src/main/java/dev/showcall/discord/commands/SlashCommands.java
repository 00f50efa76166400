package dev.showcall.discord.commands;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * Every slash command showcall registers in a show's server, as Discord shows it. The data needs
 * nothing but the code, so the commands are registered as soon as a server is ready, before the
 * database opens or anyone's roster is loaded; {@link CommandListener} handles them once it is wired,
 * and {@link #requireHandled} makes sure it handles each.
 */
public final class SlashCommands {

    /** In the order Discord lists them. */
    public static final List<SlashCommandData> ALL = List.of(ArrivedCommand.DATA, NoShowCommand.DATA,
            ReplaceCommand.DATA, LookCommand.DATA, LineupCommand.DATA, WalkedCommand.DATA, DelayCommand.DATA,
            CallsCommand.DATA, StatusCommand.DATA, ShowCommand.DATA, ReportSlashCommand.DATA, MyCallCommand.DATA,
            LinkCommand.DATA, UnlinkCommand.DATA, IamCommand.DATA, ScreenCommand.DATA, CallSheetCommand.DATA);

    private SlashCommands() {
    }

    /**
     * Fails unless {@code handled} is exactly {@link #ALL}: a command registered without a handler would
     * answer nobody, and one handled but not registered could never be used.
     */
    public static void requireHandled(List<SlashCommandData> handled) {
        Map<String, SlashCommandData> byName = handled.stream()
                .collect(Collectors.toMap(SlashCommandData::getName, Function.identity()));
        List<String> registered = ALL.stream().map(SlashCommandData::getName).sorted().toList();
        List<String> handledNames = byName.keySet().stream().sorted().toList();
        boolean same = registered.equals(handledNames) && ALL.stream().allMatch(c -> byName.get(c.getName()) == c);
        if (!same) {
            throw new IllegalStateException("The commands registered " + registered + " are not the ones handled "
                    + handledNames);
        }
    }
}

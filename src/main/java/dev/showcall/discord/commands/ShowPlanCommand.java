package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.discord.Replies;
import dev.showcall.show.CallSheetFormat;
import dev.showcall.text.UserText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.FileUpload;

/**
 * {@code /show plan}: the call sheet as a CSV file (the columns of {@code showcall plan --format csv}),
 * with its first lines in the answer, to producers only.
 */
public final class ShowPlanCommand implements ShowCommand.Subcommand {

    public static final String NAME = "plan";
    /** Lines of the CSV shown in the answer, the header included. */
    static final int PREVIEW_LINES = 6;
    /** Room in the 2000 characters of a message for the preview. */
    static final int PREVIEW_BUDGET = 1500;

    @Override
    public String name() {
        return NAME;
    }

    /** What Discord shows of the subcommand, without the {@code show} option, which {@link ShowCommand} adds. */
    static SubcommandData subcommandData() {
        return new SubcommandData(NAME, "The call sheet as a CSV file (producers)");
    }

    @Override
    public void onSubcommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        if (!Guards.requireProducer(event.getMember(), show, responder)) {
            return;
        }
        String csv = CallSheetFormat.CSV.render(show.sheet());
        String file = fileName(show);
        int calls = show.sheet().calls().size();
        String text = "Call sheet of " + UserText.inline(show.show().name()) + ": " + calls
                + (calls == 1 ? " call" : " calls") + " as planned, in " + file
                + (show.sheet().calls().size() + 1 > PREVIEW_LINES ? "; the first lines:" : ":") + "\n"
                + preview(csv);
        responder.reply(Replies.builder(text)
                .addFiles(FileUpload.fromData(csv.getBytes(StandardCharsets.UTF_8), file))
                .build());
    }

    static String fileName(PlannedShow show) {
        return show.id() + "-calls.csv";
    }

    /** The first lines in a code block, cut inside the budget; no line can close the block early. */
    static String preview(String csv) {
        List<String> lines = csv.lines().limit(PREVIEW_LINES).toList();
        StringBuilder sb = new StringBuilder("```csv\n");
        for (String line : lines) {
            String safe = UserText.plain(line.replace("```", "'''"), PREVIEW_BUDGET);
            if (sb.length() + safe.length() + 1 > PREVIEW_BUDGET) {
                break;
            }
            sb.append(safe).append('\n');
        }
        return sb.append("```").toString();
    }
}

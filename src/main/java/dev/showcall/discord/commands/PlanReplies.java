package dev.showcall.discord.commands;

import dev.showcall.backstage.PlanUpload;
import dev.showcall.discord.Replies;
import dev.showcall.replan.PlanUpdates;
import dev.showcall.show.Problem;
import dev.showcall.text.UserText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** The answers to {@code /show upload}, {@code /show reload} and their Apply and Cancel buttons. */
final class PlanReplies {

    /** Room for what a file changes, in the 2000 characters of a message, beside the lines around it. */
    static final int CHANGE_BUDGET = 1500;
    /** Room for the problems of a file that does not validate; all of them are in a file when they do not fit. */
    static final int PROBLEMS_BUDGET = 1700;

    private PlanReplies() {
    }

    static MessageCreateData proposal(PlanUpdates.Proposal proposal, String showName) {
        if (proposal instanceof PlanUpdates.Proposal.Invalid invalid) {
            return invalid(invalid.fileName(), invalid.errors());
        }
        if (proposal instanceof PlanUpdates.Proposal.Refused refused) {
            return Replies.error(refused.reason());
        }
        if (proposal instanceof PlanUpdates.Proposal.Unchanged unchanged) {
            return Replies.info(Replies.bold(unchanged.fileName()) + " is the file " + UserText.inline(showName)
                    + " runs already: nothing to change.");
        }
        PlanUpdates.Proposal.Proposed proposed = (PlanUpdates.Proposal.Proposed) proposal;
        PlanUpload upload = proposed.upload();
        String warnings = proposed.warnings().isEmpty() ? "" : "\n⚠️ " + proposed.warnings().size()
                + (proposed.warnings().size() == 1 ? " warning" : " warnings") + " (it still applies): "
                + UserText.inline(proposed.warnings().get(0).toString(), 200);
        String text = "📝 What " + Replies.bold(upload.fileName()) + " changes in the plan of "
                + Replies.bold(showName) + ":\n" + proposed.change().describe(CHANGE_BUDGET) + warnings
                + "\n**Apply** runs this plan now (only the calls that moved are moved, and their people told by DM);"
                + " **Cancel** leaves the plan as it is.";
        return Replies.builder(text)
                .setComponents(ActionRow.of(
                        Button.success(PlanButtons.APPLY + ":" + upload.id(), "Apply"),
                        Button.secondary(PlanButtons.CANCEL + ":" + upload.id(), "Cancel")))
                .build();
    }

    /** Every problem, each with its line, column and field; in a file beside the answer when they do not all fit. */
    static MessageCreateData invalid(String fileName, List<Problem> errors) {
        String head = "⚠️ " + Replies.bold(fileName) + " does not validate: " + errors.size()
                + (errors.size() == 1 ? " problem" : " problems") + ". Nothing was changed.\n";
        List<String> lines = errors.stream().map(p -> UserText.plain(p.toString().replace("```", "'''"), 500)).toList();
        StringBuilder block = new StringBuilder("```\n");
        int shown = 0;
        for (String line : lines) {
            if (block.length() + line.length() + 4 > PROBLEMS_BUDGET) {
                break;
            }
            block.append(line).append('\n');
            shown++;
        }
        block.append("```");
        if (shown == lines.size()) {
            return Replies.builder(head + block).build();
        }
        String all = String.join("\n", lines) + "\n";
        String file = problemsFile(fileName);
        return Replies.builder(head + "The first " + shown + " here, all of them in " + file + ":\n" + block)
                .addFiles(FileUpload.fromData(all.getBytes(StandardCharsets.UTF_8), file))
                .build();
    }

    static String problemsFile(String fileName) {
        String base = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return UserText.cut(base, 80) + "-problems.txt";
    }

    static MessageCreateData decision(PlanUpdates.Decision decision) {
        if (decision instanceof PlanUpdates.Decision.Applied applied) {
            int told = applied.told();
            return Replies.info("✅ Plan updated from " + Replies.bold(applied.upload().fileName()) + ": "
                    + applied.change().summary() + "."
                    + (told == 0 ? "" : " " + told + (told == 1 ? " person whose call moved is" : " people whose call moved are")
                    + " being told by DM."));
        }
        if (decision instanceof PlanUpdates.Decision.Cancelled cancelled) {
            return Replies.info("Cancelled: " + Replies.bold(cancelled.upload().fileName())
                    + " was not applied, and the plan is as it was.");
        }
        if (decision instanceof PlanUpdates.Decision.AlreadyDecided already) {
            PlanUpload upload = already.upload();
            String what = upload.status() == PlanUpload.Status.APPLIED ? "applied" : "cancelled";
            return Replies.info(Replies.bold(upload.fileName()) + " was already " + what
                    + upload.decidedBy().stream().mapToObj(by -> " by " + Replies.user(by)).collect(Collectors.joining())
                    + upload.decidedAt().map(at -> " " + Replies.relative(at)).orElse("")
                    + "; nothing more was done.");
        }
        if (decision instanceof PlanUpdates.Decision.Stale stale) {
            return Replies.error("The plan changed since these changes were worked out (another version was applied),"
                    + " so they no longer hold: nothing was changed. Upload " + Replies.bold(stale.upload().fileName())
                    + " again to see what it changes now.");
        }
        return Replies.error(((PlanUpdates.Decision.Failed) decision).reason());
    }
}

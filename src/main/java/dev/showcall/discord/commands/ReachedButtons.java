package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.calls.Escalations;
import dev.showcall.discord.EscalationMessages;
import dev.showcall.discord.Replies;
import dev.showcall.show.Escalation;
import dev.showcall.text.UserText;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/** The lead's "I reached them" on a ladder's step: {@code reached:<condition's code>:<show id>:<ref of the call>}. */
public final class ReachedButtons implements ButtonHandler {

    private final Escalations escalations;
    private final ShowDirectory shows;

    public ReachedButtons(Escalations escalations, ShowDirectory shows) {
        this.escalations = escalations;
        this.shows = shows;
    }

    @Override
    public String buttonPrefix() {
        return EscalationMessages.REACHED_BUTTON;
    }

    @Override
    public void onButton(ButtonInteractionEvent event, String[] idParts, Responder responder) {
        Optional<PlannedShow> show = idParts.length == 4 ? shows.byId(idParts[2]) : Optional.empty();
        Optional<Escalation.Condition> condition = idParts.length == 4 ? Escalation.Condition.ofCode(idParts[1])
                : Optional.empty();
        if (show.isEmpty() || condition.isEmpty()) {
            responder.reply(Replies.error("This show is no longer running; nothing was recorded."));
            return;
        }
        Escalations.Outcome outcome = escalations.reached(show.get(), idParts[3], condition.get(),
                event.getUser().getIdLong());
        responder.reply(answerFor(outcome));
    }

    private static net.dv8tion.jda.api.utils.messages.MessageCreateData answerFor(Escalations.Outcome outcome) {
        if (outcome instanceof Escalations.Outcome.Stopped stopped) {
            return Replies.info("✅ Thanks: nobody else will be asked to chase " + UserText.inline(stopped.call().who())
                    + ", and producers can see you reached them.");
        }
        if (outcome instanceof Escalations.Outcome.AlreadyStopped already) {
            return Replies.info("Already noted: " + Replies.user(already.stop().stoppedBy()) + " reached "
                    + UserText.inline(already.call().who()) + " " + Replies.relative(already.stop().stoppedAt()) + ".");
        }
        if (outcome instanceof Escalations.Outcome.NotTheLead notTheLead) {
            return Replies.error("Only the lead of " + UserText.inline(notTheLead.call().departmentName())
                    + " can say they reached " + UserText.inline(notTheLead.call().who()) + " with this button.");
        }
        return Replies.error("This call is no longer on the call sheet; nothing was recorded.");
    }
}

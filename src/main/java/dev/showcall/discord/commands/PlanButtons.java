package dev.showcall.discord.commands;

import dev.showcall.backstage.PlanUpload;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.discord.Replies;
import dev.showcall.replan.PlanUpdates;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/**
 * Apply and Cancel under what a new version of a show file changes: {@code plan-apply:<upload id>} and
 * {@code plan-cancel:<upload id>}. The upload is in the database, so the buttons work after a restart, and
 * only one click decides it. Producers only, checked at every click.
 */
public final class PlanButtons implements ButtonHandler {

    public static final String APPLY = "plan-apply";
    public static final String CANCEL = "plan-cancel";

    private final String prefix;
    private final PlanUpdates updates;
    private final ShowDirectory shows;

    private PlanButtons(String prefix, PlanUpdates updates, ShowDirectory shows) {
        this.prefix = prefix;
        this.updates = updates;
        this.shows = shows;
    }

    public static PlanButtons apply(PlanUpdates updates, ShowDirectory shows) {
        return new PlanButtons(APPLY, updates, shows);
    }

    public static PlanButtons cancel(PlanUpdates updates, ShowDirectory shows) {
        return new PlanButtons(CANCEL, updates, shows);
    }

    @Override
    public String buttonPrefix() {
        return prefix;
    }

    @Override
    public void onButton(ButtonInteractionEvent event, String[] idParts, Responder responder) {
        Optional<PlanUpload> upload = Guards.buttonNumber(idParts).flatMap(updates::find);
        if (upload.isEmpty()) {
            responder.reply(Replies.error(Replies.RETIRED_BUTTON));
            return;
        }
        if (Guards.requireProducerOf(upload.get().showId(), shows, event.getMember(), responder).isEmpty()) {
            return;
        }
        long by = event.getUser().getIdLong();
        PlanUpdates.Decision decision = prefix.equals(APPLY) ? updates.apply(upload.get().id(), by)
                : updates.cancel(upload.get().id(), by);
        if (decision instanceof PlanUpdates.Decision.AlreadyDecided || decision instanceof PlanUpdates.Decision.Failed) {
            // a second click must not write over what the first one's answer says; a failure may be tried again
            responder.reply(PlanReplies.decision(decision));
        } else {
            responder.update(PlanReplies.decision(decision));
        }
    }
}

package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.calls.CallSheets;
import dev.showcall.discord.CallSheetMessages;
import dev.showcall.discord.Replies;
import dev.showcall.show.Call;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** Got it on a call sheet: recorded once, who and when, before the person is answered. */
public final class GotItButtons implements ButtonHandler {

    private final CallSheets callSheets;
    private final ShowDirectory shows;

    public GotItButtons(CallSheets callSheets, ShowDirectory shows) {
        this.callSheets = callSheets;
        this.shows = shows;
    }

    @Override
    public String buttonPrefix() {
        return CallSheetMessages.GOT_IT_BUTTON;
    }

    /** {@code sheet:<show id>:<ref of the call>[:<version>]}. */
    @Override
    public void onButton(ButtonInteractionEvent event, String[] idParts, Responder responder) {
        Optional<PlannedShow> show = idParts.length >= 3 ? shows.byId(idParts[1]) : Optional.empty();
        if (show.isEmpty()) {
            responder.reply(Replies.error("This show is no longer running; nothing was recorded."));
            return;
        }
        Optional<String> callKey = Call.isRef(idParts[2]) ? show.get().callByRef(idParts[2]).map(Call::key)
                : Optional.empty();
        List<String> version = Arrays.asList(idParts).subList(3, idParts.length);
        if (callKey.isEmpty() || version.size() > 1) {
            responder.reply(Replies.error("This call is no longer on the call sheet; nothing was recorded. Ask your lead."));
            return;
        }
        String ping;
        try {
            ping = CallSheetMessages.pingOf(version);
        } catch (IllegalArgumentException e) {
            responder.reply(Replies.info(Replies.RETIRED_BUTTON));
            return;
        }
        responder.reply(answerFor(callSheets.acknowledge(show.get(), callKey.get(), ping, event.getUser().getIdLong())));
    }

    private static MessageCreateData answerFor(CallSheets.Acknowledgement outcome) {
        if (outcome instanceof CallSheets.Acknowledgement.Recorded recorded) {
            return Replies.info(recorded.first()
                    ? "✅ Thanks: producers can see you have your call sheet."
                    : "Already noted: you pressed Got it " + Replies.relative(recorded.at()) + ". Nothing changed.");
        }
        if (outcome instanceof CallSheets.Acknowledgement.NotYours) {
            return Replies.error("This call sheet is someone else's; press Got it on your own.");
        }
        return Replies.error("This call sheet is not known; nothing was recorded. Ask a producer.");
    }
}

package dev.showcall.discord.commands;

import dev.showcall.show.Call;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.backstage.ConfirmationState;
import dev.showcall.calls.Confirmations;
import dev.showcall.discord.CallMessages;
import dev.showcall.discord.Replies;
import java.util.Optional;
import java.util.OptionalInt;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/** The buttons on a call: "On my way", "Running late" (then how late), "I'm here". */
public final class ConfirmButtons implements ButtonHandler {

    private static final String NOT_ON_SHEET = "This call is no longer on the call sheet; ask your lead.";

    private final Confirmations confirmations;
    private final ShowDirectory shows;

    public ConfirmButtons(Confirmations confirmations, ShowDirectory shows) {
        this.confirmations = confirmations;
        this.shows = shows;
    }

    @Override
    public String buttonPrefix() {
        return CallMessages.CONFIRM_BUTTON;
    }

    /**
     * {@code confirm:<answer>:<show id>:<ref of the call>}. Calls sent before refs carry the call's key
     * instead ({@code confirm:way:<show id>:crew:hair:<user>}, which holds colons itself): still read.
     */
    @Override
    public void onButton(ButtonInteractionEvent event, String[] idParts, Responder responder) {
        Optional<PlannedShow> show = idParts.length >= 4 ? shows.byId(idParts[2]) : Optional.empty();
        if (show.isEmpty()) {
            responder.reply(Replies.error("This show is no longer running; nothing was recorded."));
            return;
        }
        String answer = idParts[1];
        Optional<String> key = idParts.length == 4 && Call.isRef(idParts[3])
                ? show.get().callByRef(idParts[3]).map(Call::key)
                : Optional.of(String.join(":", java.util.Arrays.copyOfRange(idParts, 3, idParts.length)));
        if (key.isEmpty()) {
            responder.reply(Replies.error(NOT_ON_SHEET));
            return;
        }
        String callKey = key.get();
        if (answer.equals(CallMessages.RUNNING_LATE)) {
            responder.reply(Replies.builder("How late will you be?")
                    .setComponents(CallMessages.lateChoices(show.get().id(), callKey)).build());
            return;
        }
        Optional<Choice> choice = Choice.of(answer);
        if (choice.isEmpty()) {
            responder.reply(Replies.error("This button no longer does anything."));
            return;
        }
        Confirmations.Outcome outcome = confirmations.confirm(show.get(), callKey, event.getUser().getIdLong(),
                choice.get().state(), choice.get().minutes());
        responder.reply(answerFor(outcome));
    }

    private record Choice(ConfirmationState state, OptionalInt minutes) {
        static Optional<Choice> of(String answer) {
            if (answer.equals(CallMessages.ON_MY_WAY)) {
                return Optional.of(new Choice(ConfirmationState.ON_MY_WAY, OptionalInt.empty()));
            }
            if (answer.equals(CallMessages.HERE)) {
                return Optional.of(new Choice(ConfirmationState.HERE, OptionalInt.empty()));
            }
            if (answer.startsWith(CallMessages.RUNNING_LATE)) {
                try {
                    int minutes = Integer.parseInt(answer.substring(CallMessages.RUNNING_LATE.length()));
                    if (CallMessages.LATE_CHOICES.contains(minutes)) {
                        return Optional.of(new Choice(ConfirmationState.RUNNING_LATE, OptionalInt.of(minutes)));
                    }
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }
    }

    private static net.dv8tion.jda.api.utils.messages.MessageCreateData answerFor(Confirmations.Outcome outcome) {
        if (outcome instanceof Confirmations.Outcome.Recorded recorded) {
            String what = switch (recorded.state()) {
                case ON_MY_WAY -> "on your way";
                case RUNNING_LATE -> "running " + recorded.lateMinutes().orElse(0) + " min late";
                case HERE -> "here";
            };
            return Replies.info(recorded.changed()
                    ? "✅ Thanks: producers can see you are " + what + "."
                    : "Already noted: you are " + what + ".");
        }
        if (outcome instanceof Confirmations.Outcome.NotYours) {
            return Replies.error("This call is someone else's; use the buttons on your own call.");
        }
        return Replies.error(NOT_ON_SHEET);
    }
}

package dev.showcall.discord;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.calls.Escalated;
import dev.showcall.show.Call;
import dev.showcall.show.Escalation;
import dev.showcall.text.UserText;
import java.util.Optional;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** The messages of a ladder's steps: to the person again, to their lead, to the producers. */
public final class EscalationMessages {

    /** {@code reached:<condition's code>:<show id>:<ref of the call>}: the lead's "I reached them". */
    public static final String REACHED_BUTTON = "reached";
    /**
     * {@code standby:<show id>:<ref of the model's call>}: "Offer standby"; with {@code :<n>} after it, the n-th
     * standby of the show file chosen.
     */
    public static final String STANDBY_BUTTON = "standby";

    private static final int MAX_CUSTOM_ID = 100;

    private EscalationMessages() {
    }

    public static String reachedId(Escalation.Condition condition, String showId, String callKey) {
        return REACHED_BUTTON + ":" + condition.code() + ":" + showId + ":" + Call.ref(callKey);
    }

    public static String standbyId(String showId, String callKey) {
        return STANDBY_BUTTON + ":" + showId + ":" + Call.ref(callKey);
    }

    /** "⏫ **Siobhan Kelly** (Hair) has not confirmed their call at 14:00 (step 2 of 3)." */
    static String about(Call call, Escalated step) {
        return "⏫ " + Replies.bold(call.who()) + " (" + UserText.inline(call.departmentName()) + ") "
                + (step.condition() == Escalation.Condition.NOT_CONFIRMED
                        ? "has not confirmed their call at " + Replies.time(step.callAt())
                        : "has not arrived: called for " + Replies.time(step.callAt()))
                + " (step " + step.step() + " of " + step.of() + ").";
    }

    /** What the calls channel asks of them, or of whoever sees them. */
    static String whatToDo(Escalated step) {
        return step.condition() == Escalation.Condition.NOT_CONFIRMED
                ? " Answer the buttons on your call, or tell your lead."
                : " If you see them, send them to PR.";
    }

    /** What the calls channel says to them when the DM again cannot reach them. */
    static String toThem(Escalated step) {
        return step.condition() == Escalation.Condition.NOT_CONFIRMED
                ? "⏫ please confirm your call at " + Replies.time(step.callAt())
                : "⏫ you were called for " + Replies.time(step.callAt()) + " and are not marked arrived: tell PR where you are";
    }

    /** Their call again, with its buttons, under a title that says why. */
    static MessageCreateData again(PlannedShow show, Call call, Escalated step, Optional<String> late) {
        String title = step.condition() == Escalation.Condition.NOT_CONFIRMED
                ? "⏫ Please confirm your call for " + UserText.inline(show.show().name())
                : "⏫ You are not marked arrived for " + UserText.inline(show.show().name());
        MessageCreateBuilder builder = Replies.builder(late.map(CallMessages::lateNote).orElse(""))
                .setEmbeds(CallMessages.embed(show, call, step.callAt(), title));
        CallMessages.buttons(show.id(), call.key()).ifPresent(builder::setComponents);
        return builder.build();
    }

    /** What a lead's DM starts with, above the lines of the people it is about. */
    static String leadHeader(PlannedShow show) {
        return "⏫ " + Replies.bold(show.show().name()) + ": you lead their department. Can you reach them?";
    }

    /** One person of the lead's department the ladder has reached them about. */
    static String leadLine(Call call, Escalated step, Optional<String> late) {
        return about(call, step) + contact(call) + late.map(l -> " " + CallMessages.lateNote(l)).orElse("");
    }

    /** "I reached Siobhan Kelly", which stops this ladder and logs who pressed it. */
    static Optional<Button> reachedButton(PlannedShow show, Call call, Escalated step) {
        String id = reachedId(step.condition(), show.id(), call.key());
        return id.length() <= MAX_CUSTOM_ID
                ? Optional.of(Button.success(id, label("I reached ", call.who())))
                : Optional.empty();
    }

    /** What a producer's DM starts with, above the lines of the people it is about. */
    static String producersHeader(PlannedShow show) {
        return "⏫ " + Replies.bold(show.show().name()) + ": the ladder has reached the producers.";
    }

    static String producersLine(Call call, Escalated step, Optional<String> late) {
        return about(call, step) + contact(call) + late.map(l -> " " + CallMessages.lateNote(l)).orElse("");
    }

    /** For a model, "Offer standby for Anya Petrova", which offers the show's standbys to replace her. */
    static Optional<Button> standbyButton(PlannedShow show, Call call) {
        String id = standbyId(show.id(), call.key());
        return call.kind() == Call.Kind.MODEL && id.length() + 3 <= MAX_CUSTOM_ID
                ? Optional.of(Button.danger(id, label("Offer standby for ", call.who())))
                : Optional.empty();
    }

    private static String label(String what, String who) {
        return UserText.cut(what + who, Button.LABEL_MAX_LENGTH);
    }

    private static String contact(Call call) {
        return call.userId().isPresent() ? " Discord: " + Replies.user(call.userId().getAsLong()) + "." : "";
    }
}

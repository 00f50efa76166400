package dev.showcall.discord;

import dev.showcall.text.UserText;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Call;
import java.awt.Color;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** The messages of a call: the DM with its details and buttons, and the confirmation choices. */
public final class CallMessages {

    public static final String CONFIRM_BUTTON = "confirm";
    public static final String ON_MY_WAY = "way";
    public static final String RUNNING_LATE = "late";
    public static final String HERE = "here";
    public static final List<Integer> LATE_CHOICES = dev.showcall.calls.Confirmations.LATE_CHOICES;

    private static final int MAX_CUSTOM_ID = 100;
    private static final Color CALL_COLOUR = new Color(0x8E44AD);

    private CallMessages() {
    }

    /**
     * {@code confirm:<answer>:<show id>:<ref of the call>}; the answer for running late carries its
     * minutes ({@code late15}). The call's {@link Call#ref} and not its key, which holds a model's name:
     * at most 96 characters, and never a name with ':' in it.
     */
    public static String confirmId(String answer, String showId, String callKey) {
        return CONFIRM_BUTTON + ":" + answer + ":" + showId + ":" + Call.ref(callKey);
    }

    /** @param late the late note, "31s late: showcall was offline", when it goes out late */
    public static MessageCreateData call(PlannedShow show, Call call, Instant callAt, Optional<String> late) {
        return message(show, call, callAt, late, "Your call for " + UserText.inline(show.show().name()));
    }

    public static MessageCreateData reminder(PlannedShow show, Call call, Instant callAt, Optional<String> late) {
        return message(show, call, callAt, late, "Reminder: your call for " + UserText.inline(show.show().name()) + " is "
                + Replies.relative(callAt));
    }

    private static MessageCreateData message(PlannedShow show, Call call, Instant callAt, Optional<String> late,
                                             String title) {
        MessageCreateBuilder builder = Replies.builder(late.map(CallMessages::lateNote).orElse(""))
                .setEmbeds(embed(show, call, callAt, title));
        buttons(show.id(), call.key()).ifPresent(builder::setComponents);
        return builder.build();
    }

    /** "Sent 31s late: showcall was offline.", from the note a ping's lateness gives. */
    static String lateNote(String note) {
        return "Sent " + note + ".";
    }

    static MessageEmbed embed(PlannedShow show, Call call, Instant callAt, String title) {
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(CALL_COLOUR)
                .setTitle(UserText.cut(title, MessageEmbed.TITLE_MAX_LENGTH))
                .addField("Department", UserText.inline(call.departmentName(), MessageEmbed.VALUE_MAX_LENGTH), true)
                .addField("Call", Replies.time(callAt) + " (" + Replies.relative(callAt) + ")", true);
        call.meetingPoint().ifPresent(m -> embed.addField("Meeting point",
                UserText.escape(m, MessageEmbed.VALUE_MAX_LENGTH), false));
        call.leadUserId().ifPresent(l -> embed.addField("Lead", Replies.user(l), true));
        call.notes().ifPresent(n -> embed.addField("Notes", UserText.escape(n, MessageEmbed.VALUE_MAX_LENGTH), false));
        // a footer is plain text on Discord: nothing in it formats or mentions
        embed.setFooter(UserText.plain(show.show().name() + (show.show().venue().isEmpty() ? "" : " · " + show.show().venue()),
                MessageEmbed.TEXT_MAX_LENGTH));
        return embed.build();
    }

    /** "On my way", "Running late", "I'm here"; a show id of 64 characters still fits Discord's 100. */
    static Optional<ActionRow> buttons(String showId, String callKey) {
        String here = confirmId(HERE, showId, callKey);
        if (confirmId(RUNNING_LATE + "30", showId, callKey).length() > MAX_CUSTOM_ID) {
            return Optional.empty();
        }
        return Optional.of(ActionRow.of(
                Button.primary(confirmId(ON_MY_WAY, showId, callKey), "On my way"),
                Button.secondary(confirmId(RUNNING_LATE, showId, callKey), "Running late"),
                Button.success(here, "I'm here")));
    }

    /** How late? 5, 15 or 30 minutes. */
    public static ActionRow lateChoices(String showId, String callKey) {
        List<Button> buttons = new ArrayList<>();
        for (int minutes : LATE_CHOICES) {
            buttons.add(Button.secondary(confirmId(RUNNING_LATE + minutes, showId, callKey), minutes + " min"));
        }
        return ActionRow.of(buttons);
    }
}

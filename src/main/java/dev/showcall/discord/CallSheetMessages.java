package dev.showcall.discord;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.calendar.CallCalendar;
import dev.showcall.callsheet.SheetLine;
import dev.showcall.discord.commands.MyCallCommand;
import dev.showcall.show.Call;
import dev.showcall.text.UserText;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * The call sheet sent ahead, as a DM: the person's call with its date, department, meeting point, lead and notes
 * (or, for an update, only what changed), their call as a calendar file, and Got it.
 */
public final class CallSheetMessages {

    public static final String GOT_IT_BUTTON = "sheet";
    private static final int MAX_CUSTOM_ID = 100;

    private CallSheetMessages() {
    }

    /**
     * {@code sheet:<show id>:<ref of the call>}, with {@code :<version>} for an update: at most 99 characters with a
     * show id of 64, and never a name with ':' in it.
     */
    public static String gotItId(String showId, String callKey, String ping) {
        String id = GOT_IT_BUTTON + ":" + showId + ":" + Call.ref(callKey)
                + CallPing.callSheetVersion(ping).map(v -> ":" + v).orElse("");
        if (id.length() > MAX_CUSTOM_ID) {
            throw new IllegalArgumentException("The Got it button of " + ping + " at show " + showId + " is too long: "
                    + id);
        }
        return id;
    }

    /** The ping a Got it button is about, from the version its custom id carries after the call's ref. */
    public static String pingOf(List<String> afterRef) {
        return afterRef.isEmpty() ? CallPing.CALL_SHEET : CallPing.callSheetUpdate(afterRef.get(0));
    }

    /**
     * @param call   as the sheet tells it, as planned
     * @param before what their last call sheet told, for an update
     */
    static MessageCreateData dm(PlannedShow show, Call call, Duration delay, Optional<SheetLine> before, String ping,
                                Instant now) {
        Instant callAt = call.at().plus(delay);
        Set<SheetLine.Part> changed = before.map(b -> SheetLine.of(call).changedFrom(b)).orElse(Set.of());
        String name = UserText.inline(show.show().name());
        MessageCreateBuilder message = Replies.builder(changed.isEmpty()
                        ? "📋 Your call sheet for **" + name + "**: press **Got it** once you have read it."
                        : "📋 Your call sheet for **" + name + "** changed: press **Got it** once you have read it.")
                .setEmbeds(changed.isEmpty() ? whole(show, call, callAt) : changes(show, call, callAt, before.get(), changed))
                .setFiles(FileUpload.fromData(CallCalendar.of(show.show(), List.of(call), delay, now)
                        .getBytes(StandardCharsets.UTF_8), MyCallCommand.fileName(show)))
                .setComponents(ActionRow.of(Button.success(gotItId(show.id(), call.key(), ping), "Got it")));
        return message.build();
    }

    /** What the calls channel says instead, when their DMs are closed. */
    static String channelText(PlannedShow show, Call call, Duration delay) {
        Instant callAt = call.at().plus(delay);
        return "your call sheet for " + UserText.inline(show.show().name()) + ": your call is " + date(callAt)
                + call.meetingPoint().map(m -> " at " + UserText.inline(m)).orElse("");
    }

    private static MessageEmbed whole(PlannedShow show, Call call, Instant callAt) {
        return new EmbedBuilder(CallMessages.embed(show, call, callAt, "Call sheet: " + show.show().name()))
                .setDescription("Your call: " + date(callAt))
                .build();
    }

    /** Only the parts a new plan changed, each with what it was. */
    private static MessageEmbed changes(PlannedShow show, Call call, Instant callAt, SheetLine before,
                                        Set<SheetLine.Part> changed) {
        Duration delay = Duration.between(call.at(), callAt);
        EmbedBuilder embed = new EmbedBuilder(CallMessages.embed(show, call, callAt, "Call sheet updated: "
                + show.show().name())).clearFields()
                .setDescription("Your call: " + date(callAt));
        SheetLine now = SheetLine.of(call);
        for (SheetLine.Part part : changed) {
            switch (part) {
                case CALL -> embed.addField("Call", date(callAt) + " (was " + date(before.callAt().plus(delay)) + ")",
                        false);
                case MEETING_POINT -> embed.addField("Meeting point", was(now.meetingPoint(), before.meetingPoint()),
                        false);
                case LEAD -> embed.addField("Lead", lead(now) + " (was " + lead(before) + ")", false);
                case NOTES -> embed.addField("Notes", was(now.notes(), before.notes()), false);
            }
        }
        return embed.build();
    }

    private static String was(Optional<String> now, Optional<String> before) {
        int half = MessageEmbed.VALUE_MAX_LENGTH / 2 - 20;
        return now.map(n -> UserText.escape(n, half)).orElse("none") + "\n(was: "
                + before.map(b -> UserText.escape(b, half)).orElse("none") + ")";
    }

    private static String lead(SheetLine line) {
        return line.leadUserId().isPresent() ? Replies.user(line.leadUserId().getAsLong()) : "none";
    }

    /** "Sunday 21 February 2027 14:00" in each reader's own time zone, and how far off. */
    private static String date(Instant at) {
        return "<t:" + at.getEpochSecond() + ":F> (" + Replies.relative(at) + ")";
    }
}

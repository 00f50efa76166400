package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.calls.PersonalCalls;
import dev.showcall.discord.Replies;
import dev.showcall.show.Call;
import dev.showcall.text.UserText;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /mycall}: anyone on the show's call sheet gets their call, meeting point, lead and
 * reminders, with the call as an {@code .ics} file for their calendar. The times are the plan's
 * moved by the delays declared so far, as every other time showcall shows.
 */
public final class MyCallCommand extends ShowSlashCommand {

    public static final String NAME = "mycall";

    /** What Discord shows of the command: known before anything opens, so it is registered first. */
    public static final SlashCommandData DATA = showCommand(NAME, "Your call for the show, with a calendar file");

    private final PersonalCalls calls;

    public MyCallCommand(PersonalCalls calls) {
        super(DATA);
        this.calls = calls;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        long user = event.getUser().getIdLong();
        List<Call> mine = show.sheet().calls().stream()
                .filter(c -> c.userId().isPresent() && c.userId().getAsLong() == user).toList();
        if (mine.isEmpty()) {
            responder.reply(Replies.error("You are not on the call sheet of " + UserText.inline(show.show().name())
                    + " by name. A department called through a role is in `/calls`; ask a producer."));
            return;
        }
        String text = mine.stream().map(call -> describe(calls.card(show, call))).collect(Collectors.joining("\n\n"));
        byte[] ics = calls.calendar(show, mine).getBytes(StandardCharsets.UTF_8);
        responder.reply(Replies.builder("📅 **" + UserText.inline(show.show().name()) + "**\n" + text)
                .setFiles(FileUpload.fromData(ics, fileName(show)))
                .build());
    }

    public static String fileName(PlannedShow show) {
        return show.id() + "-my-call.ics";
    }

    private static String describe(PersonalCalls.Card card) {
        Call call = card.call();
        Duration delay = card.delay();
        StringBuilder s = new StringBuilder();
        s.append("Your call: ").append(Replies.time(card.at())).append(" · ")
                .append(UserText.inline(call.departmentName()));
        if (card.moved()) {
            s.append("\nMoved ").append(delay.abs().toMinutes()).append(" min ")
                    .append(delay.isNegative() ? "earlier" : "later").append(" by the day's delays (planned ")
                    .append(Replies.time(card.planned())).append(")");
        }
        call.meetingPoint().ifPresent(m -> s.append("\nMeet at: ").append(UserText.inline(m)));
        call.leadUserId().ifPresent(l -> s.append("\nLead: ").append(Replies.user(l)));
        if (!call.reminders().isEmpty()) {
            s.append("\nReminders: ").append(call.reminders().stream()
                    .map(d -> d.toMinutes() + " min").collect(Collectors.joining(", "))).append(" before");
        }
        return s.toString();
    }
}

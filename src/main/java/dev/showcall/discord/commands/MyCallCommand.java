package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.calendar.CallCalendar;
import dev.showcall.discord.Replies;
import dev.showcall.show.Call;
import dev.showcall.text.UserText;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.utils.FileUpload;

/**
 * {@code /mycall}: anyone on the show's call sheet gets their call, meeting point, lead and
 * reminders, with the call as an {@code .ics} file for their calendar. The times are the plan's:
 * a {@code /delay} does not move them here (the DM that told them of it does).
 */
public final class MyCallCommand extends ShowSlashCommand {

    public static final String NAME = "mycall";

    private final Clock clock;

    public MyCallCommand(Clock clock) {
        super(NAME, "Your call for the show, with a calendar file");
        this.clock = clock;
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
        String text = mine.stream().map(MyCallCommand::describe).collect(Collectors.joining("\n\n"));
        byte[] ics = CallCalendar.of(show.show(), mine, clock.instant()).getBytes(StandardCharsets.UTF_8);
        responder.reply(Replies.builder("📅 **" + UserText.inline(show.show().name()) + "**\n" + text)
                .setFiles(FileUpload.fromData(ics, fileName(show)))
                .build());
    }

    static String fileName(PlannedShow show) {
        return show.id() + "-my-call.ics";
    }

    private static String describe(Call call) {
        StringBuilder s = new StringBuilder();
        s.append("Your call: ").append(Replies.time(call.at())).append(" · ").append(UserText.inline(call.departmentName()));
        call.meetingPoint().ifPresent(m -> s.append("\nMeet at: ").append(UserText.inline(m)));
        call.leadUserId().ifPresent(l -> s.append("\nLead: ").append(Replies.user(l)));
        if (!call.reminders().isEmpty()) {
            s.append("\nReminders: ").append(call.reminders().stream()
                    .map(d -> d.toMinutes() + " min").collect(Collectors.joining(", "))).append(" before");
        }
        return s.toString();
    }
}

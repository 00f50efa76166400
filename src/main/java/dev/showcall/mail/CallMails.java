package dev.showcall.mail;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.calendar.CallCalendar;
import dev.showcall.calls.Escalated;
import dev.showcall.callsheet.SheetLine;
import dev.showcall.show.Call;
import dev.showcall.show.Contact;
import dev.showcall.show.Department;
import dev.showcall.show.Escalation;
import dev.showcall.show.Member;
import dev.showcall.show.Show;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The mails of a call, for someone reached by email: the call itself, a reminder, a call that moved, the call sheet
 * sent ahead and a ladder's "dm-again" step. They say what the Discord DMs say, in plain text (no Discord markup), in
 * the show's time zone, with the person's own page to confirm on when they have one. The call, the reminder, the
 * moved call and the call sheet carry the call as {@code call.ics}, as {@code /mycall} gives it (the same UIDs, so a
 * calendar that imported one moves the event with the next). A model's agency is copied on her call, her call sheet
 * and a moved call, not on reminders. Pure: the clock only stamps the calendar file.
 */
public final class CallMails {

    public static final String CALENDAR_FILE = "call.ics";
    public static final String CALENDAR_TYPE = "text/calendar; method=PUBLISH; charset=UTF-8";

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("HH:mm, EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("HH:mm 'on' EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final Clock clock;

    public CallMails(Clock clock) {
        this.clock = clock;
    }

    /**
     * Their call, at its time.
     *
     * @param callAt   the call, with the day's delays
     * @param lateNote "31s late: showcall was offline", when it goes out late
     * @param page     their own page, where they press On my way, Running late and Here
     */
    public Mail call(String key, PlannedShow show, Call call, Contact to, Instant callAt, Optional<String> lateNote,
                     Optional<URI> page) {
        Show s = show.show();
        String text = greeting(call) + late(lateNote)
                + "Your call for " + s.name() + " is now: " + LONG.format(callAt.atZone(s.zone())) + ".\n"
                + confirm(page) + "\n" + details(s, call, callAt) + calendarNote();
        return new Mail(key, recipients(to), copied(call, to), "Your call for " + s.name() + ": " + shortTime(s, callAt),
                text, Optional.of(calendar(s, call, callAt)));
    }

    /** A reminder ahead of their call; the agency is not copied. */
    public Mail reminder(String key, PlannedShow show, Call call, Contact to, Instant callAt, Optional<String> lateNote,
                         Optional<URI> page) {
        Show s = show.show();
        String text = greeting(call) + late(lateNote)
                + "A reminder: your call for " + s.name() + " is at " + LONG.format(callAt.atZone(s.zone())) + ".\n"
                + confirm(page) + "\n" + details(s, call, callAt) + calendarNote();
        return new Mail(key, recipients(to), List.of(), "Reminder: your call for " + s.name() + " is at "
                + shortTime(s, callAt), text, Optional.of(calendar(s, call, callAt)));
    }

    /**
     * Their call moved, by a delay or a new plan.
     *
     * @param from    the call as it stood
     * @param newTime the call now
     */
    public Mail moved(String key, PlannedShow show, Call call, Contact to, Instant from, Instant newTime, String reason,
                      Optional<URI> page) {
        Show s = show.show();
        String text = greeting(call)
                + "Your call for " + s.name() + " moved from " + time(s, from) + " to "
                + LONG.format(newTime.atZone(s.zone())) + ": " + reason + ".\n"
                + confirm(page) + "\n" + details(s, call, newTime) + calendarNote();
        return new Mail(key, recipients(to), copied(call, to), "Your call for " + s.name() + " moved to "
                + shortTime(s, newTime) + " (was " + time(s, from) + ")", text, Optional.of(calendar(s, call, newTime)));
    }

    /**
     * The call sheet sent ahead: their call with its date, department, meeting point, lead and notes; for an update,
     * what changed since the one they had.
     *
     * @param call   as the sheet tells it, as planned
     * @param delay  the day's delays so far
     * @param before what their last call sheet told, for an update
     */
    public Mail callSheet(String key, PlannedShow show, Call call, Contact to, Duration delay, Optional<SheetLine> before,
                          Optional<URI> page) {
        Show s = show.show();
        Instant callAt = call.at().plus(delay);
        Set<SheetLine.Part> changed = before.map(b -> SheetLine.of(call).changedFrom(b)).orElse(Set.of());
        StringBuilder text = new StringBuilder(greeting(call));
        if (changed.isEmpty()) {
            text.append("Your call sheet for ").append(s.name()).append(": your call is at ")
                    .append(LONG.format(callAt.atZone(s.zone()))).append(".\n");
        } else {
            text.append("Your call sheet for ").append(s.name()).append(" changed. What is new:\n");
            changes(s, call, callAt, before.get(), changed, text);
        }
        text.append(page.map(p -> "Your page, where you confirm your call on the day: " + p + "\n")
                .orElse("Please tell the producer or PR that you have read it.\n"));
        text.append('\n').append(details(s, call, callAt)).append(calendarNote());
        String subject = (changed.isEmpty() ? "Your call sheet for " : "Your call sheet changed for ") + s.name()
                + ": call " + shortTime(s, callAt);
        return new Mail(key, recipients(to), copied(call, to), subject, text.toString(),
                Optional.of(calendar(s, call, callAt)));
    }

    /** A ladder's "dm-again" step: their call again, saying why; no calendar, the agency not copied. */
    public Mail again(String key, PlannedShow show, Call call, Contact to, Escalated step, Optional<String> lateNote,
                      Optional<URI> page) {
        Show s = show.show();
        boolean unconfirmed = step.condition() == Escalation.Condition.NOT_CONFIRMED;
        String why = unconfirmed
                ? "You have not confirmed your call for " + s.name() + " at " + LONG.format(step.callAt().atZone(s.zone()))
                        + ".\n"
                : "You were called for " + s.name() + " at " + LONG.format(step.callAt().atZone(s.zone()))
                        + " and are not marked arrived. Tell PR where you are.\n";
        String subject = unconfirmed
                ? "Please confirm your call for " + s.name() + ": " + shortTime(s, step.callAt())
                : "You are not marked arrived for " + s.name() + ": called for " + shortTime(s, step.callAt());
        String text = greeting(call) + late(lateNote) + why + confirm(page) + "\n" + details(s, call, step.callAt());
        return new Mail(key, recipients(to), List.of(), subject, text, Optional.empty());
    }

    // ---- the parts

    private static List<String> recipients(Contact to) {
        return List.of(to.email().orElseThrow(() -> new IllegalArgumentException("A contact without an email")));
    }

    /** A model's agency, on the mails that tell her call. */
    private static List<String> copied(Call call, Contact to) {
        return call.kind() == Call.Kind.MODEL ? to.copyTo().stream().toList() : List.of();
    }

    private static String greeting(Call call) {
        // a crew member the file names only by an id has no name to be greeted by
        return call.who().startsWith("user ") ? "Hello,\n\n" : "Hello " + call.who() + ",\n\n";
    }

    private static String late(Optional<String> note) {
        return note.map(n -> "(Sent " + n + ".)\n\n").orElse("");
    }

    private static String confirm(Optional<URI> page) {
        return page.map(p -> "Open your page to confirm: " + p + "\n"
                        + "There you can say you are on your way, running late, or here.\n")
                .orElse("To confirm, reply to the producer or PR: say when you are on your way, if you are running late,"
                        + " and when you are here.\n");
    }

    private static String details(Show s, Call call, Instant callAt) {
        Instant start = s.startInstant().plus(Duration.between(call.at(), callAt));
        StringBuilder text = new StringBuilder();
        text.append("Department: ").append(call.departmentName()).append('\n');
        text.append("Call: ").append(LONG.format(callAt.atZone(s.zone()))).append(" (").append(s.zone().getId())
                .append(")\n");
        call.meetingPoint().ifPresent(m -> text.append("Meeting point: ").append(m).append('\n'));
        lead(s, call.leadUserId()).ifPresent(l -> text.append("Lead: ").append(l).append('\n'));
        call.notes().ifPresent(n -> text.append("Notes:\n").append(n.strip()).append('\n'));
        text.append("Show: ").append(s.name()).append(s.venue().isEmpty() ? "" : ", " + s.venue())
                .append(", starts at ").append(time(s, start)).append('\n');
        return text.toString();
    }

    private static String calendarNote() {
        return "\nYour call is attached as a calendar file (" + CALENDAR_FILE + "): open it to add it to your calendar, or"
                + " to move the event already there.\n";
    }

    private static void changes(Show s, Call call, Instant callAt, SheetLine before, Set<SheetLine.Part> changed,
                                StringBuilder text) {
        Duration delay = Duration.between(call.at(), callAt);
        SheetLine now = SheetLine.of(call);
        for (SheetLine.Part part : changed) {
            switch (part) {
                case CALL -> text.append("- Call: ").append(LONG.format(callAt.atZone(s.zone()))).append(" (was ")
                        .append(LONG.format(before.callAt().plus(delay).atZone(s.zone()))).append(")\n");
                case MEETING_POINT -> text.append("- Meeting point: ").append(now.meetingPoint().orElse("none"))
                        .append(" (was ").append(before.meetingPoint().orElse("none")).append(")\n");
                case LEAD -> text.append("- Lead: ").append(lead(s, now.leadUserId()).orElse("none")).append(" (was ")
                        .append(lead(s, before.leadUserId()).orElse("none")).append(")\n");
                case NOTES -> text.append("- Notes: ").append(now.notes().map(String::strip).orElse("none"))
                        .append(" (was: ").append(before.notes().map(String::strip).orElse("none")).append(")\n");
            }
        }
    }

    /** The lead by the name the show file gives them; one it names only by an id is left out. */
    private static Optional<String> lead(Show s, OptionalLong lead) {
        if (lead.isEmpty()) {
            return Optional.empty();
        }
        return s.departments().stream().map(Department::members).flatMap(List::stream)
                .filter(m -> m.userId().equals(lead)).findFirst().flatMap(Member::name);
    }

    private Mail.Attachment calendar(Show s, Call call, Instant callAt) {
        String ics = CallCalendar.of(s, List.of(call), Duration.between(call.at(), callAt), clock.instant());
        return new Mail.Attachment(CALENDAR_FILE, CALENDAR_TYPE, ics.getBytes(StandardCharsets.UTF_8));
    }

    private static String shortTime(Show s, Instant at) {
        return SHORT.format(at.atZone(s.zone()));
    }

    private static String time(Show s, Instant at) {
        return TIME.format(at.atZone(s.zone()));
    }
}

package dev.showcall.calls;

import dev.showcall.backstage.CallPing;
import java.time.Duration;
import java.time.Instant;

/**
 * One message showcall owes someone at a set time: a call, a reminder before it, or the
 * announcement of a department's (or a model wave's) call in the calls channel.
 *
 * @param subjectKey a call key ({@code crew:hair:123}, {@code model:Anya Petrova}) or an
 *                   announcement key ({@code department:hair}, {@code wave:2})
 * @param ping       {@code call}, or {@code reminder:<seconds before the call>}
 * @param due        when it goes out, as planned (before any delay)
 * @param callAt     the call it is about, as planned
 */
public record PlannedPing(String subjectKey, String ping, Instant due, Instant callAt) {

    public static final String CALL = CallPing.CALL;
    /** Not a message: the moment to check that someone reminded has answered. */
    public static final String CHECK = "check";
    /** Not a message: the moment a model who has not arrived counts as late (her call plus the grace). */
    public static final String LATE_CHECK = "late-check";
    private static final String REMINDER_PREFIX = "reminder:";

    public static String reminder(Duration beforeCall) {
        return CallPing.reminder(beforeCall);
    }

    public boolean isReminder() {
        return ping.startsWith(REMINDER_PREFIX);
    }

    public boolean isCheck() {
        return ping.equals(CHECK);
    }

    public boolean isLateCheck() {
        return ping.equals(LATE_CHECK);
    }

    public boolean isAnnouncement() {
        return subjectKey.startsWith(Announcements.DEPARTMENT) || subjectKey.startsWith(Announcements.WAVE);
    }

    /** A step of a ladder: taken if its condition still holds when it comes. */
    public boolean isEscalation() {
        return CallPing.rungOf(ping).isPresent();
    }

    public boolean isMilestone() {
        return subjectKey.startsWith(Announcements.MILESTONE);
    }

    /** Everyone's call sheet, at the show file's {@code call-sheet} time. */
    public boolean isCallSheet() {
        return subjectKey.equals(CallSheets.EVERYONE);
    }

    public Duration beforeCall() {
        return isReminder() ? Duration.ofSeconds(Long.parseLong(ping.substring(REMINDER_PREFIX.length()))) : Duration.ZERO;
    }

    /** Quartz's name for the job that sends it: unique within the show's group. */
    public String jobName() {
        return subjectKey + "|" + ping;
    }

    /** The same ping, going out {@code later} than planned, about the same call. */
    public PlannedPing dueLater(Duration later) {
        return new PlannedPing(subjectKey, ping, due.plus(later), callAt);
    }

    public PlannedPing shiftedBy(Duration delay) {
        return new PlannedPing(subjectKey, ping, due.plus(delay), callAt.plus(delay));
    }
}

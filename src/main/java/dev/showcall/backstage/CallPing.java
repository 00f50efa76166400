package dev.showcall.backstage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One ping of a call: the call itself or one of its reminders. It is claimed before it is sent,
 * so that it goes out once, and completed when Discord has accepted it (or it was dropped);
 * {@code sentAt}, {@code late} and {@code outcome} are empty until then.
 *
 * @param callKey the key of the call, such as {@code crew:hair:1190000000000000101} or
 *                {@code model:Anya Petrova}
 * @param ping    {@link #CALL}, a reminder key made by {@link #reminder(Duration)}, or the notice that a
 *                delay moved the call, made by {@link #moved(long)}, or a replacement notice made by
 *                {@link #replaced(long)}, or the notice that a plan update moved the call, made by
 *                {@link #replanned(long)}, or the answer to a claim of a roster line, made by {@link #claim(long)}, or
 *                someone's call sheet ({@link #CALL_SHEET}, then {@link #callSheetUpdate} for what a new plan changed)
 * @param dueAt   when it was scheduled to go out
 * @param sentAt  when Discord accepted it, or when a reminder was dropped
 * @param late    how long after {@code dueAt} it went out, in whole seconds
 * @param detail  what is worth knowing about how it went, such as why a DM failed
 */
public record CallPing(
        String showId,
        String callKey,
        String ping,
        Instant dueAt,
        Instant claimedAt,
        Optional<Instant> sentAt,
        Optional<Duration> late,
        Optional<PingOutcome> outcome,
        Optional<String> detail) {

    /** The ping of the call itself. */
    public static final String CALL = "call";

    private static final String REMINDER_PREFIX = "reminder:";
    private static final String MOVED_PREFIX = "moved:";
    private static final String REPLACED_PREFIX = "replaced:";
    private static final String REPLANNED_PREFIX = "replanned:";
    private static final String CLAIM_PREFIX = "claim:";
    private static final String ESCALATION_PREFIX = "escalate:";
    /** Someone's call sheet, sent ahead of the day; {@code callsheet:<version>} sends the lines a new plan changed. */
    public static final String CALL_SHEET = "callsheet";
    private static final String CALL_SHEET_PREFIX = CALL_SHEET + ":";
    private static final Pattern VALID_PING = Pattern.compile(
            "call|callsheet(:[0-9a-f]{12})?|reminder:[1-9][0-9]{0,9}|(moved|replaced|replanned|claim):[1-9][0-9]{0,18}"
                    + "|escalate:(unconfirmed|absent):[1-9][0-9]{0,2}");

    public CallPing {
        Objects.requireNonNull(showId, "showId");
        Objects.requireNonNull(callKey, "callKey");
        requireValidPing(ping);
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(claimedAt, "claimedAt");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(late, "late");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        if (sentAt.isPresent() != late.isPresent() || sentAt.isPresent() != outcome.isPresent()) {
            throw new IllegalArgumentException("A ping's sentAt, late and outcome are known together; ping "
                    + ping + " of " + callKey + " has sentAt " + sentAt + ", late " + late + ", outcome " + outcome);
        }
    }

    /** The ping of the reminder {@code beforeCall} before the call, such as {@code reminder:3600}. */
    public static String reminder(Duration beforeCall) {
        if (beforeCall.toSeconds() < 1) {
            throw new IllegalArgumentException("A reminder comes at least a second before its call, not "
                    + beforeCall);
        }
        return REMINDER_PREFIX + beforeCall.toSeconds();
    }

    /** Whether {@code ping} is {@link #CALL} or a reminder key. */
    public static boolean isValidPing(String ping) {
        return ping != null && VALID_PING.matcher(ping).matches();
    }

    /** The notice that delay {@code delayId} moved someone's call. */
    public static String moved(long delayId) {
        return MOVED_PREFIX + delayId;
    }

    /** The notice of replacement {@code replacementId} to someone it concerns: a dresser, or whoever replaces. */
    public static String replaced(long replacementId) {
        return REPLACED_PREFIX + replacementId;
    }

    /** The notice that plan upload {@code uploadId}, once applied, moved someone's call. */
    public static String replanned(long uploadId) {
        return REPLANNED_PREFIX + uploadId;
    }

    /** The notice to whoever claimed a roster line that producers approved or refused claim {@code claimId}. */
    public static String claim(long claimId) {
        return CLAIM_PREFIX + claimId;
    }

    /** Step {@code step} (from 1) of someone's ladder for {@code condition}. */
    public static String escalation(dev.showcall.show.Escalation.Condition condition, int step) {
        if (step < 1) {
            throw new IllegalArgumentException("A ladder's steps count from 1, not " + step);
        }
        return ESCALATION_PREFIX + condition.token() + ":" + step;
    }

    /** Which ladder, and which step of it, an {@link #escalation} ping is; empty for any other ping. */
    public static Optional<Rung> rungOf(String ping) {
        if (!ping.startsWith(ESCALATION_PREFIX)) {
            return Optional.empty();
        }
        String[] parts = ping.split(":");
        return parts.length != 3 ? Optional.empty() : dev.showcall.show.Escalation.Condition.ofToken(parts[1])
                .map(c -> new Rung(c, Integer.parseInt(parts[2])));
    }

    /** A step of a ladder, by number from 1. */
    public record Rung(dev.showcall.show.Escalation.Condition condition, int step) {
    }

    /**
     * Whether {@code ping} is a one-off notice (a delay, a replacement, a plan update, a claim decided) rather than
     * a ping of the plan.
     */
    public static boolean isNotice(String ping) {
        return ping.startsWith(MOVED_PREFIX) || ping.startsWith(REPLACED_PREFIX) || ping.startsWith(REPLANNED_PREFIX)
                || ping.startsWith(CLAIM_PREFIX) || isCallSheet(ping);
    }

    /** Whether {@code ping} is someone's call sheet, or the lines of it a new plan changed. */
    public static boolean isCallSheet(String ping) {
        return ping.equals(CALL_SHEET) || ping.startsWith(CALL_SHEET_PREFIX);
    }

    /** The call sheet's lines that a new plan changed, as version {@code version} (12 hexadecimal digits). */
    public static String callSheetUpdate(String version) {
        return requireValidPing(CALL_SHEET_PREFIX + version);
    }

    /** The version of a {@link #callSheetUpdate} ping, empty for the first call sheet (or any other ping). */
    public static Optional<String> callSheetVersion(String ping) {
        return ping.startsWith(CALL_SHEET_PREFIX) ? Optional.of(ping.substring(CALL_SHEET_PREFIX.length()))
                : Optional.empty();
    }

    /** The claim a {@link #claim(long)} notice answers, if it is one. */
    public static java.util.OptionalLong claimOf(String ping) {
        return ping.startsWith(CLAIM_PREFIX)
                ? java.util.OptionalLong.of(Long.parseLong(ping.substring(CLAIM_PREFIX.length())))
                : java.util.OptionalLong.empty();
    }

    /** The plan upload a {@link #replanned(long)} notice is about, if it is one. */
    public static java.util.OptionalLong uploadOf(String ping) {
        return ping.startsWith(REPLANNED_PREFIX)
                ? java.util.OptionalLong.of(Long.parseLong(ping.substring(REPLANNED_PREFIX.length())))
                : java.util.OptionalLong.empty();
    }

    /** The replacement a {@link #replaced(long)} notice is about, if it is one. */
    public static java.util.OptionalLong replacementOf(String ping) {
        return ping.startsWith(REPLACED_PREFIX)
                ? java.util.OptionalLong.of(Long.parseLong(ping.substring(REPLACED_PREFIX.length())))
                : java.util.OptionalLong.empty();
    }

    /** {@code ping}, if it is {@link #CALL}, a reminder or a notice; an IllegalArgumentException otherwise. */
    public static String requireValidPing(String ping) {
        if (!isValidPing(ping)) {
            throw new IllegalArgumentException("A ping is '" + CALL + "', '" + REMINDER_PREFIX
                    + "<seconds before the call>', '" + MOVED_PREFIX + "<delay id>', '" + REPLACED_PREFIX
                    + "<replacement id>', '" + REPLANNED_PREFIX + "<plan upload id>', '" + CLAIM_PREFIX
                    + "<claim id>', '" + CALL_SHEET + "', '" + CALL_SHEET_PREFIX + "<12 hex digits>' or '"
                    + ESCALATION_PREFIX + "<unconfirmed|absent>:<step>', not '" + ping + "'");
        }
        return ping;
    }

    public boolean isReminder() {
        return ping.startsWith(REMINDER_PREFIX);
    }

    /** Discord accepted it, or it was dropped: either way it will not be sent again. */
    public boolean isSent() {
        return sentAt.isPresent();
    }
}

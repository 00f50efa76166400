package dev.showcall.callsheet;

import dev.showcall.backstage.CallPing;
import dev.showcall.show.Call;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One person's line of the call sheet, as a call-sheet DM tells it: their call as planned (before any delay),
 * the meeting point, the lead and the notes. What a DM told is kept, so that a new plan is compared with it.
 */
public record SheetLine(Instant callAt, Optional<String> meetingPoint, OptionalLong leadUserId, Optional<String> notes) {

    /** The parts of a line a new plan can change. */
    public enum Part { CALL, MEETING_POINT, LEAD, NOTES }

    /** 12 hexadecimal digits: a version fits a button's custom id beside a show id of 64 and a call's ref. */
    private static final int VERSION_BYTES = 6;

    public static SheetLine of(Call call) {
        return new SheetLine(call.at(), call.meetingPoint(), call.leadUserId(), call.notes());
    }

    /** {@code call} as this line tells it: what a retry of a DM sends, whatever the plan says since. */
    public Call applyTo(Call call) {
        return new Call(call.key(), call.kind(), call.departmentId(), call.departmentName(), call.who(), call.userId(),
                call.roleId(), callAt, call.beforeStart(), call.reason(), call.wave(), call.reminders(), meetingPoint,
                leadUserId, notes, call.account());
    }

    /** The parts in which this line differs from {@code before}; empty when a new plan left it as it was. */
    public Set<Part> changedFrom(SheetLine before) {
        Set<Part> changed = EnumSet.noneOf(Part.class);
        if (!callAt.equals(before.callAt)) {
            changed.add(Part.CALL);
        }
        if (!meetingPoint.equals(before.meetingPoint)) {
            changed.add(Part.MEETING_POINT);
        }
        if (!leadUserId.equals(before.leadUserId)) {
            changed.add(Part.LEAD);
        }
        if (!notes.equals(before.notes)) {
            changed.add(Part.NOTES);
        }
        return changed;
    }

    /**
     * The ping that sends this line to someone whose last call sheet went out as {@code previousPing}: the same for
     * the same two, so that a second look at the same plan owes nothing new, and a line changed back and forth is
     * sent each time it changes.
     */
    public String updateAfter(String previousPing) {
        String text = previousPing + "\n" + callAt + "\n" + meetingPoint.orElse("") + "\n"
                + (leadUserId.isPresent() ? leadUserId.getAsLong() : "") + "\n" + notes.orElse("");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return CallPing.callSheetUpdate(HexFormat.of().formatHex(digest, 0, VERSION_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

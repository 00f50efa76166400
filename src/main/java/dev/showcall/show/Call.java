package dev.showcall.show;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * One line of the call sheet: who is called, when, and why.
 *
 * @param key         stable across reloads of the show file and whoever the person turns out to be on Discord:
 *                    {@code crew:<dept>:<user id>}, {@code crew:<dept>:@<username>},
 *                    {@code crew:<dept>:role:<role>} or {@code model:<name>}
 * @param userId      the person to ping, when known
 * @param account     the person's account as the show file gives it, if any
 * @param roleId      for a department called through a role: everyone holding it
 * @param reminders   how long before {@code at} each reminder goes out, longest first
 */
public record Call(
        String key,
        Kind kind,
        String departmentId,
        String departmentName,
        String who,
        OptionalLong userId,
        OptionalLong roleId,
        Instant at,
        Duration beforeStart,
        String reason,
        OptionalInt wave,
        List<Duration> reminders,
        Optional<String> meetingPoint,
        OptionalLong leadUserId,
        Optional<String> notes,
        Optional<Account> account) {

    public enum Kind { CREW, MODEL }

    private static final int REF_BYTES = 8;
    private static final Pattern REF = Pattern.compile("[0-9a-f]{" + 2 * REF_BYTES + "}");

    public Call {
        reminders = List.copyOf(reminders);
    }

    /** A call whose person, if any, is given by id. */
    public Call(String key, Kind kind, String departmentId, String departmentName, String who, OptionalLong userId,
                OptionalLong roleId, Instant at, Duration beforeStart, String reason, OptionalInt wave,
                List<Duration> reminders, Optional<String> meetingPoint, OptionalLong leadUserId,
                Optional<String> notes) {
        this(key, kind, departmentId, departmentName, who, userId, roleId, at, beforeStart, reason, wave, reminders,
                meetingPoint, leadUserId, notes,
                userId.isPresent() ? Optional.of(Account.id(userId.getAsLong())) : Optional.empty());
    }

    /**
     * Whether this person has a Discord account in the show file that nobody has been found for: they are
     * called by name in the calls channel until a producer links them.
     */
    public boolean notLinked() {
        return userId.isEmpty() && account.isPresent();
    }

    /** {@link #ref(String)} of this call's key. */
    public String ref() {
        return ref(key);
    }

    /**
     * A short id for the call with this key, the same across reloads of the show file: for where a key
     * with a model's name in it cannot go, such as a button's custom id (at most 100 characters, split on ':').
     * 16 hexadecimal digits of the key's SHA-256.
     */
    public static String ref(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, REF_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Whether {@code text} has the form of a {@link #ref}. */
    public static boolean isRef(String text) {
        return REF.matcher(text).matches();
    }

    public List<Instant> reminderInstants() {
        return reminders.stream().map(at::minus).toList();
    }
}

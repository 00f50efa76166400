package dev.showcall.timeline;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * What names one message showcall posts, derived from what the message carries: the same log
 * message, board or call gets the same key every time it is sent, from this process or from the
 * next one after a crash. It goes to Discord as the message's nonce, and Discord answers a second
 * post with a nonce it took minutes ago with the first message instead of posting another: a
 * retry of a post whose answer was lost cannot post it twice.
 *
 * @param value 25 characters of {@code [0-9a-z]}: a hash, within Discord's limit on a nonce
 */
public record PostKey(String value) {

    /** Discord's limit on a message's nonce. */
    public static final int LENGTH = 25;

    /** 128 bits of a SHA-256, which base 36 writes in at most 25 characters. */
    private static final int HASH_BYTES = 16;

    public PostKey {
        Objects.requireNonNull(value, "value");
        if (value.length() != LENGTH) {
            throw new IllegalArgumentException("A post key has " + LENGTH + " characters, not " + value.length());
        }
    }

    /**
     * A log message: its show, channel, events and text. Events are numbered once per database, so
     * the same events are the same message; the text (which holds their times) tells them apart
     * from those of another database that numbered its events the same.
     */
    public static PostKey forLog(String showId, long channelId, LogBatch batch) {
        return of("log", showId, Long.toString(channelId), batch.eventIds().toString(), batch.content());
    }

    /**
     * A show's board: its show, channel, and the board message it replaces (0 for the first), so a
     * board posted because someone deleted the last one is a post of its own.
     */
    public static PostKey forBoard(String showId, long channelId, long replacedMessageId) {
        return of("board", showId, Long.toString(channelId), Long.toString(replacedMessageId));
    }

    /** A key for any other message: the same parts, in the same order, give the same key. */
    public static PostKey of(String... parts) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            // each part's length first, so that no two lists of parts hash the same bytes
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        byte[] hash = Arrays.copyOf(sha256.digest(), HASH_BYTES);
        String base36 = new BigInteger(1, hash).toString(Character.MAX_RADIX);
        return new PostKey("0".repeat(LENGTH - base36.length()) + base36);
    }

    @Override
    public String toString() {
        return value;
    }
}

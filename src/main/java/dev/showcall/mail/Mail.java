package dev.showcall.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One mail, ready to send.
 *
 * @param key       what the mail is, such as the ping it sends: the same key always gives the same {@link #messageId}
 * @param messageId {@code <32 hexadecimal digits of the key's SHA-256@showcall>}: the mail's equivalent of a Discord
 *                  nonce, so that a mail sent again after a crash carries the same Message-ID and a mail client can
 *                  tell it is the same mail
 * @param to        who it is for
 * @param cc        who is copied, such as a model's agency
 * @param text      the body, plain text
 * @param calendar  the call as an iCalendar file, when the mail carries one
 */
public record Mail(String key, String messageId, List<String> to, List<String> cc, String subject, String text,
                   Optional<Attachment> calendar) {

    private static final int ID_BYTES = 16;

    public Mail {
        Objects.requireNonNull(key);
        Objects.requireNonNull(messageId);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(text);
        Objects.requireNonNull(calendar);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("A mail goes to someone: " + key + " has nobody to go to");
        }
    }

    /** A mail whose Message-ID comes from its key. */
    public Mail(String key, List<String> to, List<String> cc, String subject, String text, Optional<Attachment> calendar) {
        this(key, messageIdOf(key), to, cc, subject, text, calendar);
    }

    /** {@code <32 hex of SHA-256(key)@showcall>}. */
    public static String messageIdOf(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, ID_BYTES) + "@showcall>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * A file the mail carries.
     *
     * @param contentType its MIME type with its parameters, such as {@code text/calendar; method=PUBLISH; charset=UTF-8}
     */
    public record Attachment(String fileName, String contentType, byte[] content) {

        public Attachment {
            Objects.requireNonNull(fileName);
            Objects.requireNonNull(contentType);
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Attachment a && fileName.equals(a.fileName) && contentType.equals(a.contentType)
                    && Arrays.equals(content, a.content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fileName, contentType, Arrays.hashCode(content));
        }

        @Override
        public String toString() {
            return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
        }
    }
}

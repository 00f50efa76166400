package dev.showcall.screen;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens in showcall's links. A token is 256 bits derived from a secret that never reaches the database
 * (HMAC-SHA256 of what it grants): asked again, showcall gives the same link, so a screen set up on a TV keeps
 * working, while the database keeps only each token's SHA-256, by which a presented token is looked up. A
 * rotation moves the show to the next epoch, whose tokens are new, and revokes the stored ones.
 */
public final class LinkTokens {

    /** 32 bytes in URL-safe base64, without padding. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String MAC = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param secret the key's material; showcall takes the bot token, or {@code SHOWCALL_WEB_SECRET} when set */
    public LinkTokens(String secret) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the links need a secret");
        }
        this.key = new SecretKeySpec(sha256(("showcall web links v1\n" + secret).getBytes(StandardCharsets.UTF_8)), MAC);
    }

    /** The token of {@code grant}: the same for the same grant and secret, unguessable without the secret. */
    public String token(Grant grant) {
        if (grant.kind() == LinkKind.PERSONAL) {
            throw new IllegalArgumentException("a personal link's token depends on its person's generation too");
        }
        return mac(String.join("\n", grant.showId(), grant.kind().name(), Integer.toString(grant.epoch()),
                grant.userId().isPresent() ? Long.toString(grant.userId().getAsLong()) : ""));
    }

    /**
     * The token of a personal link: the same for the same call, epoch and generation of its person (a producer
     * linking or unlinking them on Discord moves them to the next), so a mail sent again carries the same link.
     */
    public String personal(Grant grant, int generation) {
        if (grant.kind() != LinkKind.PERSONAL || generation < 0) {
            throw new IllegalArgumentException("a personal link of generation 0 or later");
        }
        return mac(String.join("\n", grant.showId(), "personal", Integer.toString(grant.epoch()),
                grant.callKey().orElseThrow(), Integer.toString(generation)));
    }

    private String mac(String what) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(what.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** What the database keeps of a token: its SHA-256, in hexadecimal. */
    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Whether {@code text} has a token's shape; anything else is refused before the database is asked. */
    public static boolean wellFormed(String text) {
        return text != null && WELL_FORMED.matcher(text).matches();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

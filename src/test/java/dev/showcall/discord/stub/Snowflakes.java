package dev.showcall.discord.stub;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Discord ids: milliseconds since Discord's epoch in the high bits, so JDA derives sensible creation times. */
final class Snowflakes {

    static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;

    private static final AtomicLong INCREMENT = new AtomicLong();

    private Snowflakes() {
    }

    static long next() {
        long millis = System.currentTimeMillis() - DISCORD_EPOCH_MILLIS;
        return (millis << 22) | (INCREMENT.getAndIncrement() & 0x3F_FFFFL);
    }

    static Instant createdAt(long snowflake) {
        return Instant.ofEpochMilli((snowflake >>> 22) + DISCORD_EPOCH_MILLIS);
    }
}

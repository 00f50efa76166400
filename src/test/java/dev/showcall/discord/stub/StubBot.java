package dev.showcall.discord.stub;

/**
 * Who the bot is on the stub: its user, its application (a different id, as for older Discord apps, so mixing the two
 * up shows) and the token it must present.
 */
public record StubBot(long userId, long applicationId, String username, String token) {

    static StubBot generate() {
        long user = Snowflakes.next();
        long application = Snowflakes.next();
        String token = "stub-" + Long.toHexString(user) + "." + Long.toHexString(System.nanoTime());
        return new StubBot(user, application, "showcall", token);
    }

    @Override
    public String toString() {
        return "StubBot[userId=" + userId + ", applicationId=" + applicationId + ", username=" + username
                + ", token=<redacted>]";
    }
}

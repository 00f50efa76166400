package dev.showcall.discord.stub;

/**
 * An option a user filled in: a String, Long, Boolean or Double (ids of users, roles and channels as String), or a
 * file attached ({@link Uploads.Attached}).
 */
record OptionValue(String name, Object value) {
}

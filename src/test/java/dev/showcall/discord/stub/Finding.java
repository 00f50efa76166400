package dev.showcall.discord.stub;

/** A rule broken by a request body, before it is tied to a request as a {@link Violation}. */
record Finding(Rule rule, String detail) {
}

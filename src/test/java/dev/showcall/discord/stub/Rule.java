package dev.showcall.discord.stub;

/**
 * What a request broke: Discord's documented limits, our house rules, or Discord's OpenAPI schema; the last few are
 * about what the bot sends on the gateway.
 */
public enum Rule {
    CONTENT_TOO_LONG(true),
    TOO_MANY_EMBEDS(true),
    EMBED_TITLE_TOO_LONG(true),
    EMBED_DESCRIPTION_TOO_LONG(true),
    TOO_MANY_EMBED_FIELDS(true),
    EMBED_FIELD_NAME_TOO_LONG(true),
    EMBED_FIELD_VALUE_TOO_LONG(true),
    EMBED_FOOTER_TOO_LONG(true),
    EMBED_AUTHOR_NAME_TOO_LONG(true),
    EMBEDS_TOTAL_TOO_LONG(true),
    INVALID_COMMAND_NAME(true),
    TOO_MANY_CHOICES(true),
    /** An autocomplete choice's name is empty or over 100 characters. */
    CHOICE_NAME_INVALID(true),
    /** An autocomplete choice's string value is over 100 characters. */
    CHOICE_VALUE_TOO_LONG(true),
    /** House rule: every message the bot creates or edits says who it may ping. Discord accepts the request. */
    ALLOWED_MENTIONS_MISSING(false),
    /** The body does not match the request schema of the operation in Discord's OpenAPI description. */
    SCHEMA(false),
    /** More than 10 files in one message. */
    TOO_MANY_FILES(true),
    /** The files of one message hold more than 10 MiB together; Discord answers 413 Request entity too large. */
    FILES_TOO_LARGE(true),
    /** An {@code attachments[].id} names a {@code files[n]} part the request does not carry. */
    ATTACHMENT_WITHOUT_FILE(true),
    /** The first response to an interaction came after Discord's 3 seconds; Discord answers 404 Unknown interaction. */
    INTERACTION_TOO_LATE(true),
    /**
     * REQUEST_GUILD_MEMBERS for the whole member list (empty {@code query}) from a session without the GUILD_MEMBERS
     * intent; Discord sends no chunk at all.
     */
    MEMBER_LIST_WITHOUT_INTENT(true),
    /** REQUEST_GUILD_MEMBERS naming several guilds; Discord answers for the first one only. */
    MEMBER_REQUEST_FOR_SEVERAL_GUILDS(true),
    /** REQUEST_GUILD_MEMBERS without {@code user_ids} or a {@code query} with a {@code limit}, or for another guild. */
    MEMBER_REQUEST_INVALID(true);

    private final boolean rejectedByDiscord;

    Rule(boolean rejectedByDiscord) {
        this.rejectedByDiscord = rejectedByDiscord;
    }

    /** Whether Discord refuses such a request (the stub then answers 400 Invalid Form Body, or 404 when too late). */
    public boolean rejectedByDiscord() {
        return rejectedByDiscord;
    }
}

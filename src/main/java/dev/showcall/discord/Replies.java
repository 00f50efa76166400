package dev.showcall.discord;

import dev.showcall.text.UserText;
import java.util.EnumSet;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** The standard replies: short, ephemeral, and never able to ping anyone. */
public final class Replies {

    /** Said instead of an exception's text, which stays in the log. */
    public static final String SOMETHING_WENT_WRONG =
            "Something went wrong on our side and it is in the log. Try again in a moment; if it keeps failing, tell a producer.";

    /** A button whose custom id showcall no longer reads, such as one an older version sent. */
    public static final String RETIRED_BUTTON =
            "This button no longer does anything; nothing was changed. Use the command instead.";

    /** How much of what someone typed a reply quotes back. */
    static final int MAX_QUOTE = 100;

    private Replies() {
    }

    public static MessageCreateData info(String text) {
        return message(text);
    }

    public static MessageCreateData error(String text) {
        return message("⚠️ " + text);
    }

    /** A message that pings nobody, its text cut to the 2000 characters Discord takes (it never gets there by design). */
    public static MessageCreateBuilder builder(String text) {
        return new MessageCreateBuilder()
                .setContent(UserText.cut(text, Message.MAX_CONTENT_LENGTH))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
    }

    private static MessageCreateData message(String text) {
        return builder(text).build();
    }

    /** A model name that matches none of the show's, with the closest ones. */
    public static MessageCreateData unknownModel(String showName, String typed, java.util.List<String> suggestions) {
        return error("No model called " + quote(typed) + " in " + UserText.inline(showName) + "."
                + (suggestions.isEmpty() ? " Pick a name from the list as you type."
                        : " Did you mean " + String.join(", ", suggestions.stream().map(n -> bold(n)).toList())
                        + "?"));
    }

    /** A name or other text someone wrote, in bold, as it was written. */
    public static String bold(String written) {
        return "**" + UserText.inline(written) + "**";
    }

    /** A Discord timestamp that each reader sees in their own time zone, e.g. 18:42. */
    public static String time(java.time.Instant at) {
        return "<t:" + at.getEpochSecond() + ":t>";
    }

    /** A Discord timestamp relative to now, e.g. "in 5 minutes". */
    public static String relative(java.time.Instant at) {
        return "<t:" + at.getEpochSecond() + ":R>";
    }

    public static String user(long userId) {
        return "<@" + userId + ">";
    }

    /** Who marked or answered: a mention, or for someone who did it themselves on their personal page, that. */
    public static String user(java.util.OptionalLong userId) {
        return userId.isPresent() ? user(userId.getAsLong()) : "themselves on their page";
    }

    /** What someone typed, in quotes, as it was typed: never formatted, never a mention. */
    public static String quote(String typed) {
        return "“" + UserText.inline(typed, MAX_QUOTE) + "”";
    }
}

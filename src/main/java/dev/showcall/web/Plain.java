package dev.showcall.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line written for Discord, as plain text for a page: mentions become names, timestamps the show's local time,
 * bold marks go, and what was escaped reads as it was typed. The page puts it in as text, never as HTML.
 */
final class Plain {

    private static final Pattern MENTION = Pattern.compile("<@!?(\\d+)>");
    private static final Pattern ROLE = Pattern.compile("<@&(\\d+)>");
    private static final Pattern TIMESTAMP = Pattern.compile("<t:(-?\\d+)(?::[tTdDfFR])?>");
    private static final Pattern ESCAPED = Pattern.compile("\\\\([\\\\*_~`|>#\\-\\[\\]()<@:.!])");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Plain() {
    }

    static String of(String discordText, ZoneId zone, LongFunction<String> names) {
        String text = replace(MENTION, discordText, m -> "@" + names.apply(Long.parseLong(m.group(1))));
        text = replace(ROLE, text, m -> "@role");
        text = replace(TIMESTAMP, text,
                m -> TIME.format(Instant.ofEpochSecond(Long.parseLong(m.group(1))).atZone(zone)));
        text = text.replace("**", "").replace("__", "");
        return ESCAPED.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<java.util.regex.MatchResult, String> with) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(with.apply(m)));
    }
}

package dev.showcall.text;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * Text that people wrote (a model's name, a look's description, a delay's reason...) made safe to
 * show on Discord: every character Discord would read as markdown or as a mention, a channel, a role
 * or a timestamp is escaped, so the text reads exactly as it was written and can never format,
 * hide or mention anything; and it is cut to a length on whole characters, never in half an emoji.
 *
 * <p>The one place for this rule. Escape user text where it is put into a message, and only there:
 * the text around it (our own bold, our own {@code <t:…>} timestamps) is the message's own syntax.
 * Autocomplete labels and embed footers are plain text on Discord: {@link #plain} them, do not
 * escape them.
 */
public final class UserText {

    private static final String ELLIPSIS = "…";

    private UserText() {
    }

    /** On one line, escaped: for a name or a reason inside a sentence. Line breaks and control characters become spaces. */
    public static String inline(String text) {
        return escapeLines(oneLine(text));
    }

    /** {@link #inline}, cut to at most {@code max} characters, "…" included. */
    public static String inline(String text, int max) {
        return escapeCut(oneLine(text), max);
    }

    /** Escaped with its line breaks kept: for notes written over several lines. Other control characters become spaces. */
    public static String escape(String text) {
        return escapeLines(withLineBreaks(text));
    }

    /** {@link #escape}, cut to at most {@code max} characters, "…" included. */
    public static String escape(String text, int max) {
        return escapeCut(withLineBreaks(text), max);
    }

    /**
     * On one line, not escaped, cut to {@code max}: for where Discord shows text as it is (an
     * autocomplete choice's label, an embed's footer).
     */
    public static String plain(String text, int max) {
        return cut(oneLine(text), max);
    }

    /**
     * At most {@code max} characters (UTF-16 units, as {@link String#length()} counts; never fewer
     * than Discord counts), ending in "…" when cut. Cut between whole characters: never inside a
     * surrogate pair, nor between a letter and its accents.
     */
    public static String cut(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("Cannot cut text to " + max + " characters");
        }
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, lastBoundaryWithin(text, max - ELLIPSIS.length())) + ELLIPSIS;
    }

    /** Whether {@code text} holds a UTF-16 surrogate without its other half: no valid character. */
    public static boolean hasBrokenCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The last character boundary at or before {@code limit}. */
    private static int lastBoundaryWithin(String text, int limit) {
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        int boundary = characters.preceding(Math.min(limit, text.length()) + 1);
        if (boundary == BreakIterator.DONE) {
            boundary = 0;
        }
        // The break iterator keeps pairs together; this holds even for a pair it does not know.
        if (boundary > 0 && boundary < text.length() && Character.isLowSurrogate(text.charAt(boundary))
                && Character.isHighSurrogate(text.charAt(boundary - 1))) {
            boundary--;
        }
        return boundary;
    }

    private static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> line.appendCodePoint(breaksLine(c) || Character.isISOControl(c) ? ' ' : c));
        return line.toString();
    }

    private static String withLineBreaks(String text) {
        String unified = text.replace("\r\n", "\n");
        StringBuilder kept = new StringBuilder(unified.length());
        unified.codePoints().forEach(c -> kept.appendCodePoint(c == '\n' ? c
                : breaksLine(c) || Character.isISOControl(c) ? ' ' : c));
        return kept.toString();
    }

    private static boolean breaksLine(int c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }

    /** Escapes {@code text} and cuts it on a character boundary of the text as written. */
    private static String escapeCut(String text, int max) {
        int[] escapedUpTo = new int[text.length() + 1];
        String escaped = escapeLines(text, escapedUpTo);
        if (escaped.length() <= max) {
            return escaped;
        }
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        int room = max - ELLIPSIS.length();
        int kept = 0;
        for (int b = characters.first(); b != BreakIterator.DONE && escapedUpTo[b] <= room; b = characters.next()) {
            kept = b;
        }
        return escaped.substring(0, escapedUpTo[kept]) + ELLIPSIS;
    }

    private static String escapeLines(String text) {
        return escapeLines(text, new int[text.length() + 1]);
    }

    /**
     * Escapes every line of {@code text}; {@code escapedUpTo[i]} is the length of the escaped text
     * of {@code text}'s first {@code i} characters, so that a cut there never splits an escape.
     */
    private static String escapeLines(String text, int[] escapedUpTo) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean lineStart = true;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            escapedUpTo[i] = out.length();
            if (lineStart && c != ' ' && c != '\n') {
                lineStart = false;
                int listNumberEnd = listNumberEnd(text, i);
                if (listNumberEnd > 0) {
                    // "1. Coat" would be a numbered list: "1\. Coat"
                    for (int j = i; j < listNumberEnd; j++) {
                        escapedUpTo[j] = out.length();
                        out.append(text.charAt(j));
                    }
                    escapedUpTo[listNumberEnd] = out.length();
                    out.append('\\').append('.');
                    i = listNumberEnd + 1;
                    continue;
                }
                if (c == '#' || c == '>' || c == '-' || c == '+') {
                    out.append('\\').append(c);
                    i++;
                    continue;
                }
            }
            if (c == '\n') {
                lineStart = true;
                out.append(c);
            } else if (isMarkup(c) || c == '@' && mentionsEveryone(text, i + 1)) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
            i++;
        }
        escapedUpTo[text.length()] = out.length();
        return out.toString();
    }

    /**
     * Characters that format or mention wherever they are: emphasis, strikethrough, spoilers, code,
     * masked links and every {@code <…>} (user, role and channel mentions, timestamps, custom
     * emoji, slash command links), and the backslash itself.
     */
    private static boolean isMarkup(char c) {
        return switch (c) {
            case '\\', '*', '_', '~', '`', '|', '[', ']', '<' -> true;
            default -> false;
        };
    }

    private static boolean mentionsEveryone(String text, int from) {
        return text.regionMatches(true, from, "everyone", 0, 8) || text.regionMatches(true, from, "here", 0, 4);
    }

    /** The index of the '.' of "12." at {@code from} when a space or the end follows it; 0 otherwise. */
    private static int listNumberEnd(String text, int from) {
        int j = from;
        while (j < text.length() && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
            j++;
        }
        boolean numbered = j > from && j < text.length() && text.charAt(j) == '.'
                && (j + 1 == text.length() || text.charAt(j + 1) == ' ');
        return numbered ? j : 0;
    }
}

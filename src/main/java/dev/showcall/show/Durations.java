package dev.showcall.show;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The show file's durations: {@code 4h30m}, {@code 15m}, {@code 90s}, or ISO-8601 {@code PT4H30M}. */
public final class Durations {

    private static final Pattern COMPACT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private Durations() {
    }

    /** A duration, or empty when the text is not one. Never negative. */
    public static Optional<Duration> parse(String text) {
        String t = text.replaceAll("\\s", "");
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = COMPACT.matcher(t);
        if (m.matches()) {
            try {
                return Optional.of(Duration.ofHours(number(m.group(1)))
                        .plusMinutes(number(m.group(2)))
                        .plusSeconds(number(m.group(3))));
            } catch (NumberFormatException | ArithmeticException e) {
                return Optional.empty();
            }
        }
        if (t.regionMatches(true, 0, "PT", 0, 2)) {
            try {
                Duration d = Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
                return d.isNegative() ? Optional.empty() : Optional.of(d);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    /** {@code 4h30m}, {@code 15m}, {@code 45s}, {@code 0m}. */
    public static String format(Duration duration) {
        Duration d = duration.abs();
        long h = d.toHours();
        int m = d.toMinutesPart();
        int s = d.toSecondsPart();
        StringBuilder sb = new StringBuilder();
        if (h > 0) {
            sb.append(h).append('h');
        }
        if (m > 0 || (h > 0 && s > 0)) {
            sb.append(h > 0 && m < 10 ? "0" + m : String.valueOf(m)).append('m');
        }
        if (s > 0) {
            sb.append(s).append('s');
        }
        if (sb.length() == 0) {
            sb.append("0m");
        }
        return (duration.isNegative() ? "-" : "") + sb;
    }

    /** {@code T-4h30m}, {@code T+12m}, or {@code T} for the start itself. */
    public static String formatOffset(Duration offsetFromStart) {
        if (offsetFromStart.isZero()) {
            return "T";
        }
        return (offsetFromStart.isNegative() ? "T-" : "T+") + format(offsetFromStart.abs());
    }
}

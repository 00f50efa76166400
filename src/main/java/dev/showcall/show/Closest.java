package dev.showcall.show;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds what someone probably meant: the known name closest to a mistyped one. Used for hints
 * in show-file validation and for ranking names typed backstage.
 */
public final class Closest {

    private Closest() {
    }

    /** The closest candidate, if any is close enough to be worth suggesting. */
    public static Optional<String> to(String input, Collection<String> candidates) {
        String wanted = normalise(input);
        return candidates.stream()
                .filter(c -> isClose(wanted, normalise(c)))
                .min(Comparator.comparingInt((String c) -> distance(wanted, normalise(c))).thenComparing(c -> c));
    }

    /**
     * Candidates ranked for someone typing {@code input}: exact and prefix matches first, then
     * names containing it, then close spellings; at most {@code limit}.
     */
    public static List<String> ranked(String input, Collection<String> candidates, int limit) {
        String wanted = normalise(input);
        return candidates.stream()
                .filter(c -> wanted.isEmpty() || score(wanted, normalise(c)) < Integer.MAX_VALUE)
                .sorted(Comparator.comparingInt((String c) -> score(wanted, normalise(c))).thenComparing(c -> c))
                .limit(limit)
                .toList();
    }

    private static int score(String wanted, String candidate) {
        if (candidate.equals(wanted)) {
            return 0;
        }
        if (candidate.startsWith(wanted)) {
            return 1;
        }
        if (candidate.contains(wanted)) {
            return 2;
        }
        int typos = Math.min(distance(wanted, candidate), distance(wanted, prefix(candidate, wanted.length())));
        return typos <= typosAllowedWhileTyping(wanted) ? 3 + typos : Integer.MAX_VALUE;
    }

    /** A few letters typed so far match too much if typos are allowed in them. */
    private static int typosAllowedWhileTyping(String wanted) {
        return wanted.length() < 4 ? 0 : Math.max(1, wanted.length() / 3);
    }

    private static String prefix(String s, int length) {
        return s.substring(0, Math.min(length, s.length()));
    }

    private static boolean isClose(String a, String b) {
        int allowed = Math.max(2, Math.min(a.length(), b.length()) / 3);
        return Math.abs(a.length() - b.length()) <= allowed && distance(a, b) <= allowed;
    }

    /** What {@link Names#key} ignores (case, accents, spaces), and '-' and '_', do not make names different to a person typing them. */
    static String normalise(String s) {
        return Names.key(s).replaceAll("[_-]", "");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

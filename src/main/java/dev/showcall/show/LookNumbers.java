package dev.showcall.show;

import java.util.ArrayList;
import java.util.List;

/** Look numbers as people read them: "look 4", "looks 1–20, 23, 25". */
public final class LookNumbers {

    private LookNumbers() {
    }

    /**
     * The numbers in the order given, a run of three or more consecutive numbers as a range:
     * "1–20, 23, 25, 26".
     */
    public static String ranges(List<Integer> numbers) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < numbers.size()) {
            int end = i;
            while (end + 1 < numbers.size() && numbers.get(end + 1) == numbers.get(end) + 1) {
                end++;
            }
            if (end - i >= 2) {
                parts.add(numbers.get(i) + "–" + numbers.get(end));
            } else {
                for (int j = i; j <= end; j++) {
                    parts.add(String.valueOf(numbers.get(j)));
                }
            }
            i = end + 1;
        }
        return String.join(", ", parts);
    }

    /** "look 4", or "looks 1–20, 23". */
    public static String named(List<Integer> numbers) {
        return (numbers.size() == 1 ? "look " : "looks ") + ranges(numbers);
    }
}

package dev.showcall.show;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When two names are the same name to the people typing them backstage. PR types "zoe hart" for
 * Zoë Hart, or "AnyaPetrova" for Anya Petrova: case, accents and spaces do not tell names apart.
 * The show file refuses two models whose names have the same {@link #key}, and the commands find
 * a model by it, so each name typed finds exactly one model.
 */
public final class Names {

    /** Accents and other combining marks, once a name is decomposed. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Spaces of every kind, and invisible format characters such as the zero-width joiner. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{IsWhite_Space}\\p{Cf}]+");

    private Names() {
    }

    /**
     * The name as matched: compatibility-decomposed (Unicode NFKD) with its combining marks removed,
     * without spaces or invisible characters, case-folded. "Zoë  Hart" and "ZOE HART" have the key
     * {@code zoehart}.
     */
    public static String key(String name) {
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKD);
        String folded = compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        // folding can bring marks back ('İ' becomes "i" and a dot above)
        String decomposed = Normalizer.normalize(folded, Normalizer.Form.NFKD);
        return INVISIBLE.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("");
    }

    /** Whether the two are the same name to someone typing it. */
    public static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }
}

package dev.showcall.show;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A step of getting a look ready, in the order a look usually goes through them. */
public enum Step {
    HAIR, MAKEUP, NAILS, DRESSED, ACCESSORIES, READY;

    /** What a show requires when its file says nothing: every step but nails, which many shows skip. */
    public static final List<Step> DEFAULT_REQUIRED = List.of(HAIR, MAKEUP, DRESSED, ACCESSORIES);

    /** The name people type and the database stores: {@code hair}, {@code makeup}... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Hair, makeup and nails are done on the model, so they hold for every look she wears; being
     * dressed and accessorised belongs to one look.
     */
    public boolean onModel() {
        return this == HAIR || this == MAKEUP || this == NAILS;
    }

    /** Ready is a producer's call on a look, not a step a show can require. */
    public boolean requirable() {
        return this != READY;
    }

    public static Optional<Step> fromLabel(String label) {
        String wanted = label.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.label().equals(wanted)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Step::label).toList();
    }
}

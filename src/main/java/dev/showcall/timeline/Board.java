package dev.showcall.timeline;

import java.util.List;
import java.util.Objects;

/**
 * The board as Discord shows it: one embed, as plain data. {@link BoardRenderer} keeps it inside
 * Discord's embed limits; the constructor refuses anything outside them.
 */
public record Board(String title, String description, List<Field> fields) {

    public static final int MAX_TITLE = 256;
    public static final int MAX_DESCRIPTION = 4096;
    public static final int MAX_FIELDS = 25;
    public static final int MAX_FIELD_NAME = 256;
    public static final int MAX_FIELD_VALUE = 1024;
    /** Title, description and every field name and value of a message's embeds, together. */
    public static final int MAX_TOTAL = 6000;

    public Board {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        fields = List.copyOf(fields);
        if (title.length() > MAX_TITLE || description.length() > MAX_DESCRIPTION || fields.size() > MAX_FIELDS
                || totalLength(title, description, fields) > MAX_TOTAL) {
            throw new IllegalArgumentException("The board is outside Discord's embed limits: title " + title.length()
                    + ", description " + description.length() + ", " + fields.size() + " fields, "
                    + totalLength(title, description, fields) + " characters in all");
        }
    }

    /** One named field of the embed; {@code inline} fields sit side by side. */
    public record Field(String name, String value, boolean inline) {

        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty() || value.isEmpty() || name.length() > MAX_FIELD_NAME || value.length() > MAX_FIELD_VALUE) {
                throw new IllegalArgumentException("A board field needs a name of 1 to " + MAX_FIELD_NAME
                        + " characters and a value of 1 to " + MAX_FIELD_VALUE + "; got " + name.length() + " and "
                        + value.length());
            }
        }
    }

    /** The characters Discord counts against {@link #MAX_TOTAL}. */
    public int totalLength() {
        return totalLength(title, description, fields);
    }

    private static int totalLength(String title, String description, List<Field> fields) {
        return title.length() + description.length()
                + fields.stream().mapToInt(f -> f.name().length() + f.value().length()).sum();
    }
}

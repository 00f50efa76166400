package dev.showcall.show.csv;

import dev.showcall.show.yaml.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a show file in the block style people edit: every text double-quoted (so YAML reads
 * {@code "14:30"} and ids as text), numbers and booleans as the header gave them, lists of plain
 * values on one line.
 */
final class YamlWriter {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private final StringBuilder out = new StringBuilder();

    private YamlWriter() {
    }

    static String write(Map<String, Object> document, String comment) {
        YamlWriter writer = new YamlWriter();
        writer.out.append(comment);
        writer.mapping(document, "");
        return writer.out.toString();
    }

    private void mapping(Map<?, ?> map, String indent) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            entry(key(String.valueOf(e.getKey())), e.getValue(), indent, indent);
        }
    }

    /** One key and its value; {@code first} is the first line's indent, which may carry a list's dash. */
    private void entry(String key, Object value, String first, String indent) {
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            out.append(first).append(key).append(":\n");
            mapping(m, indent + "  ");
        } else if (value instanceof List<?> l && !l.isEmpty() && !isFlat(l)) {
            out.append(first).append(key).append(":\n");
            sequence(l, indent + "  ");
        } else {
            out.append(first).append(key).append(": ").append(inline(value)).append('\n');
        }
    }

    private void sequence(List<?> list, String indent) {
        for (Object item : list) {
            if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                boolean firstEntry = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    entry(key(String.valueOf(e.getKey())), e.getValue(), firstEntry ? indent + "- " : indent + "  ",
                            indent + "  ");
                    firstEntry = false;
                }
            } else {
                out.append(indent).append("- ").append(inline(item)).append('\n');
            }
        }
    }

    private static boolean isFlat(List<?> list) {
        return list.stream().noneMatch(i -> i instanceof Map<?, ?> || i instanceof List<?>);
    }

    private static String inline(Object value) {
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof List<?> l) {
            return l.stream().map(YamlWriter::inline).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Literal l) {
            return switch (l.type()) {
                case STRING -> quoted(l.text());
                case NULL -> "null";
                default -> l.text();
            };
        }
        return quoted(String.valueOf(value));
    }

    private static String key(String key) {
        return PLAIN_KEY.matcher(key).matches() ? key : quoted(key);
    }

    /** A YAML double-quoted scalar: the escapes JSON knows, and a lone surrogate kept as its escape. */
    static String quoted(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029
                            || Character.isSurrogate(c) && !paired) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A scalar of the header, written back as it was read: a number stays a number. */
    record Literal(String text, YamlNode.ScalarType type) {
    }
}

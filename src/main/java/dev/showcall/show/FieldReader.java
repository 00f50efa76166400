package dev.showcall.show;

import dev.showcall.show.yaml.Location;
import dev.showcall.show.yaml.YamlNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of one YAML mapping, reporting every problem to the shared {@link Problems}
 * and going on, so that one pass over a file finds all that is wrong with it.
 */
final class FieldReader {

    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{17,20}");
    private static final Pattern WALL_CLOCK = Pattern.compile("\\d{1,2}:\\d{2}(:\\d{2})?");

    private final Problems problems;
    private final YamlNode.Mapping mapping;
    private final String path;

    private FieldReader(Problems problems, YamlNode.Mapping mapping, String path) {
        this.problems = problems;
        this.mapping = mapping;
        this.path = path;
    }

    /** A reader for {@code node}, or empty (with a problem reported) when it is not a mapping. */
    static Optional<FieldReader> of(Problems problems, YamlNode node, String path, Set<String> knownKeys) {
        if (!(node instanceof YamlNode.Mapping m)) {
            problems.error(node.location(), path, "expected a mapping of fields, found " + node.kindName());
            return Optional.empty();
        }
        FieldReader reader = new FieldReader(problems, m, path);
        reader.reportUnknownKeys(knownKeys);
        return Optional.of(reader);
    }

    private void reportUnknownKeys(Set<String> knownKeys) {
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (knownKeys.contains(entry.key())) {
                continue;
            }
            Optional<String> closest = Closest.to(entry.key(), knownKeys);
            problems.error(entry.keyLocation(), pathOf(entry.key()), "unknown field '" + entry.key() + "'",
                    closest.map(c -> "did you mean '" + c + "'?")
                            .orElse("known fields here: " + String.join(", ", knownKeys.stream().sorted().toList())));
        }
    }

    Location location() {
        return mapping.location();
    }

    String path() {
        return path;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        YamlNode.Entry entry = mapping.entries().get(key);
        return entry != null && !(entry.value() instanceof YamlNode.Scalar s && s.isNull());
    }

    Location locationOf(String key) {
        YamlNode.Entry entry = mapping.entries().get(key);
        return entry == null ? mapping.location() : entry.value().location();
    }

    Optional<YamlNode> node(String key, boolean required) {
        if (!has(key)) {
            if (required) {
                problems.error(mapping.location(), pathOf(key), "missing required field '" + key + "'");
            }
            return Optional.empty();
        }
        return Optional.of(mapping.entries().get(key).value());
    }

    Optional<String> text(String key, boolean required) {
        return node(key, required).flatMap(n -> scalarText(n, pathOf(key)));
    }

    Optional<String> scalarText(YamlNode node, String at) {
        if (node instanceof YamlNode.Scalar s) {
            String text = s.text().strip();
            if (text.isEmpty()) {
                problems.error(node.location(), at, "is empty");
                return Optional.empty();
            }
            return Optional.of(text);
        }
        problems.error(node.location(), at, "expected a single value, found " + node.kindName());
        return Optional.empty();
    }

    /**
     * Text shown on one line (a name, a description), of at most {@code max} characters as Java
     * counts them (an emoji can count as two). {@code where} says where it must fit, for the hint.
     */
    Optional<String> line(String key, boolean required, int max, String where) {
        return text(key, required).filter(t -> fits(t, locationOf(key), pathOf(key), max, false, where));
    }

    /** Text that may run over several lines (notes), of at most {@code max} characters. */
    Optional<String> lines(String key, boolean required, int max, String where) {
        return text(key, required).filter(t -> fits(t, locationOf(key), pathOf(key), max, true, where));
    }

    /** Whether {@code text} can be shown and stored: reported as a problem when it cannot. */
    private boolean fits(String text, Location at, String fieldPath, int max, boolean lineBreaks, String where) {
        Optional<String> control = text.codePoints()
                .filter(c -> isControl(c) && !(lineBreaks && (c == '\n' || c == '\r' || c == '\t')))
                .mapToObj(FieldReader::describeControl)
                .findFirst();
        if (control.isPresent()) {
            problems.error(at, fieldPath, "contains " + control.get(),
                    lineBreaks ? "only line breaks and tabs may be used" : "write it on one line, without control characters");
            return false;
        }
        if (dev.showcall.text.UserText.hasBrokenCharacter(text)) {
            problems.error(at, fieldPath, "contains a broken character (half of a UTF-16 surrogate pair)",
                    "write the character itself, or escape it whole, such as \\U0001F60A");
            return false;
        }
        if (Names.key(text).isEmpty()) {
            problems.error(at, fieldPath, "has nothing visible in it", "write letters, digits or emoji");
            return false;
        }
        if (text.length() > max) {
            problems.error(at, fieldPath, "is " + text.length() + " characters long, at most " + max,
                    where + "; an emoji can count as 2");
            return false;
        }
        return true;
    }

    private static boolean isControl(int c) {
        return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
    }

    private static String describeControl(int c) {
        return switch (c) {
            case '\n', '\r', '\u2028', '\u2029', '\u0085' -> "a line break";
            case '\t' -> "a tab";
            default -> String.format(java.util.Locale.ROOT, "the control character U+%04X", c);
        };
    }

    /** The field's text as written, without checking it or reporting anything. */
    Optional<String> written(String key) {
        YamlNode.Entry entry = mapping.entries().get(key);
        return entry != null && entry.value() instanceof YamlNode.Scalar s && !s.isNull()
                ? Optional.of(s.text().strip()) : Optional.empty();
    }

    /** Text matching {@code pattern}, such as a show id. */
    Optional<String> identifier(String key, Pattern pattern, String rule) {
        return text(key, true).filter(t -> {
            if (pattern.matcher(t).matches()) {
                return true;
            }
            problems.error(locationOf(key), pathOf(key), "'" + t + "' is not a valid id", rule);
            return false;
        });
    }

    /**
     * An email address, as plausible as can be told without sending to it: one '@' with something on either side, a
     * dot inside the domain, no spaces, at most {@link #MAX_EMAIL} characters (what SMTP carries).
     */
    Optional<String> email(String key) {
        return text(key, false).filter(t -> {
            Optional<String> wrong = emailProblem(t);
            wrong.ifPresent(w -> problems.error(locationOf(key), pathOf(key), "'" + t + "' is not an email address: " + w,
                    "write it like name@example.com"));
            return wrong.isEmpty();
        });
    }

    static final int MAX_EMAIL = 254;

    /** What is wrong with {@code text} as an email address, if anything. */
    static Optional<String> emailProblem(String text) {
        if (text.length() > MAX_EMAIL) {
            return Optional.of("it is " + text.length() + " characters long, at most " + MAX_EMAIL);
        }
        if (text.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.CONTROL)) {
            return Optional.of("it has a space in it");
        }
        int at = text.indexOf('@');
        if (at < 0 || at != text.lastIndexOf('@')) {
            return Optional.of(at < 0 ? "it has no '@'" : "it has more than one '@'");
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (local.isEmpty() || domain.isEmpty()) {
            return Optional.of(local.isEmpty() ? "nothing before the '@'" : "nothing after the '@'");
        }
        int dot = domain.indexOf('.');
        if (dot <= 0 || domain.endsWith(".") || domain.contains("..")) {
            return Optional.of("the domain '" + domain + "' is not one, such as example.com");
        }
        return Optional.empty();
    }

    /** A Discord account: an id, or a username with its '@'. */
    Optional<Account> account(String key, boolean required) {
        return node(key, required).flatMap(n -> accountOf(n, pathOf(key)));
    }

    Optional<Account> accountOf(YamlNode node, String at) {
        Optional<String> text = scalarText(node, at);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String t = text.get().strip();
        if (t.startsWith("@")) {
            // Discord keeps usernames in lower case and matches them whatever the case typed
            String name = t.substring(1).toLowerCase(java.util.Locale.ROOT);
            if (Account.isUsername(name)) {
                return Optional.of(Account.username(name));
            }
            problems.error(node.location(), at, "'" + t + "' is not a Discord username",
                    "usernames are 2 to 32 lowercase letters, digits, '_' or '.', as in \"@siobhan.kelly\"");
            return Optional.empty();
        }
        if (!SNOWFLAKE.matcher(t).matches()) {
            problems.error(node.location(), at, "'" + t + "' is neither a Discord id nor a username",
                    "give the username with its @, quoted, as in \"@siobhan.kelly\", or the id (17 to 20 digits, quoted)");
            return Optional.empty();
        }
        OptionalLong id = snowflakeOf(node, at);
        return id.isPresent() ? Optional.of(Account.id(id.getAsLong())) : Optional.empty();
    }

    OptionalLong snowflake(String key, boolean required) {
        return node(key, required).map(n -> snowflakeOf(n, pathOf(key))).orElse(OptionalLong.empty());
    }

    OptionalLong snowflakeOf(YamlNode node, String at) {
        Optional<String> text = scalarText(node, at);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        String t = text.get();
        if (SNOWFLAKE.matcher(t).matches()) {
            try {
                return OptionalLong.of(Long.parseUnsignedLong(t));
            } catch (NumberFormatException e) {
                // too large for a snowflake: reported below
            }
        }
        problems.error(node.location(), at, "'" + t + "' is not a Discord id",
                "ids are 17 to 20 digits; in Discord, turn on Developer Mode and use Copy ID, then quote it");
        return OptionalLong.empty();
    }

    Optional<Duration> duration(String key, boolean required) {
        return text(key, required).flatMap(t -> durationOf(t, locationOf(key), pathOf(key)));
    }

    Duration duration(String key, Duration byDefault) {
        return has(key) ? duration(key, false).orElse(byDefault) : byDefault;
    }

    private Optional<Duration> durationOf(String text, Location at, String fieldPath) {
        Optional<Duration> d = Durations.parse(text);
        if (d.isEmpty()) {
            problems.error(at, fieldPath, "'" + text + "' is not a duration", "write it like 4h30m, 15m or 90s");
        }
        return d;
    }

    List<Duration> durations(String key) {
        List<Duration> result = new ArrayList<>();
        for (Item item : items(key, false)) {
            scalarText(item.node(), item.path())
                    .flatMap(t -> durationOf(t, item.node().location(), item.path()))
                    .ifPresent(d -> {
                        if (d.isZero()) {
                            problems.error(item.node().location(), item.path(), "a reminder must come before the call");
                        } else {
                            result.add(d);
                        }
                    });
        }
        result.sort(java.util.Comparator.reverseOrder());
        return result;
    }

    OptionalInt integer(String key, boolean required, int min) {
        Optional<String> text = text(key, required);
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min) {
                return OptionalInt.of(value);
            }
            problems.error(locationOf(key), pathOf(key), "must be " + min + " or more, not " + value);
        } catch (NumberFormatException e) {
            problems.error(locationOf(key), pathOf(key), "'" + text.get() + "' is not a whole number");
        }
        return OptionalInt.empty();
    }

    boolean bool(String key, boolean byDefault) {
        Optional<String> text = text(key, false);
        if (text.isEmpty()) {
            return byDefault;
        }
        return switch (text.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                problems.error(locationOf(key), pathOf(key), "'" + text.get() + "' is not true or false");
                yield byDefault;
            }
        };
    }

    Optional<LocalDateTime> localDateTime(String key, boolean required) {
        return text(key, required).flatMap(t -> {
            try {
                return Optional.of(LocalDateTime.parse(t.replace(' ', 'T')));
            } catch (DateTimeParseException e) {
                problems.error(locationOf(key), pathOf(key), "'" + t + "' is not a local date and time",
                        "write it like 2027-02-21T19:00");
                return Optional.empty();
            }
        });
    }

    /**
     * A moment of the show's day. {@code bareDurationIsBefore}: whether {@code 4h30m} alone means
     * "before the start" (calls) or is refused as ambiguous (milestones).
     */
    Optional<TimeSpec> moment(String key, boolean required, boolean bareDurationIsBefore) {
        return text(key, required).flatMap(t -> momentOf(t, locationOf(key), pathOf(key), bareDurationIsBefore));
    }

    private Optional<TimeSpec> momentOf(String text, Location at, String fieldPath, boolean bareDurationIsBefore) {
        String t = text.replace(" ", "");
        if (t.equals("T")) {
            return Optional.of(new TimeSpec.Relative(Duration.ZERO));
        }
        if (t.startsWith("T-") || t.startsWith("T+")) {
            Optional<Duration> d = durationOf(t.substring(2), at, fieldPath);
            return d.map(x -> new TimeSpec.Relative(t.charAt(1) == '-' ? x.negated() : x));
        }
        if (WALL_CLOCK.matcher(t).matches()) {
            try {
                return Optional.of(new TimeSpec.WallClock(LocalTime.parse(t.length() < 5 ? "0" + t : t)));
            } catch (DateTimeParseException e) {
                problems.error(at, fieldPath, "'" + text + "' is not a time of day", "write it like \"14:30\"");
                return Optional.empty();
            }
        }
        if (t.contains("T") && t.contains("-") && t.contains(":")) {
            try {
                return Optional.of(new TimeSpec.DateTime(LocalDateTime.parse(t)));
            } catch (DateTimeParseException e) {
                problems.error(at, fieldPath, "'" + text + "' is not a local date and time",
                        "write it like 2027-02-21T14:30");
                return Optional.empty();
            }
        }
        Optional<Duration> bare = Durations.parse(t);
        if (bare.isPresent() && bareDurationIsBefore) {
            return Optional.of(new TimeSpec.Relative(bare.get().negated()));
        }
        if (bare.isPresent()) {
            problems.error(at, fieldPath, "'" + text + "' does not say whether it is before or after the start",
                    "write T-" + text + " for before the start or T+" + text + " for after it");
            return Optional.empty();
        }
        problems.error(at, fieldPath, "'" + text + "' is not a moment of the show's day",
                "write T-3h, T+12m, \"14:30\" or 2027-02-21T14:30"
                        + (bareDurationIsBefore ? ", or a duration before the start such as 4h30m" : ""));
        return Optional.empty();
    }

    /** An item of a list with its own path, such as {@code looks[3]}. */
    record Item(YamlNode node, String path) {
    }

    List<Item> items(String key, boolean required) {
        Optional<YamlNode> node = node(key, required);
        if (node.isEmpty()) {
            return List.of();
        }
        if (!(node.get() instanceof YamlNode.Sequence seq)) {
            problems.error(node.get().location(), pathOf(key), "expected a list, found " + node.get().kindName());
            return List.of();
        }
        if (required && seq.items().isEmpty()) {
            problems.error(seq.location(), pathOf(key), "needs at least one entry");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            items.add(new Item(seq.items().get(i), pathOf(key) + "[" + i + "]"));
        }
        return items;
    }

    Optional<FieldReader> mapping(String key, boolean required, Set<String> knownKeys) {
        return node(key, required).flatMap(n -> of(problems, n, pathOf(key), knownKeys));
    }

    Problems problems() {
        return problems;
    }
}

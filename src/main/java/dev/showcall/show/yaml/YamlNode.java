package dev.showcall.show.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each node came from, so that validation can
 * point at the line and column of every problem, not only the first one a binder trips over.
 */
public sealed interface YamlNode {

    Location location();

    /** What the show file calls this kind of node in messages. */
    String kindName();

    record Mapping(Location location, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kindName() {
            return "a mapping";
        }
    }

    /** A key and its value; the key's own location is where a typo in the key is reported. */
    record Entry(String key, Location keyLocation, YamlNode value) {
    }

    record Sequence(Location location, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kindName() {
            return "a list";
        }
    }

    /**
     * A scalar with its literal text, so an id like {@code 1190000000000000001} keeps every digit
     * and {@code 4h30m} is read by our own parser, not YAML's.
     */
    record Scalar(Location location, String text, ScalarType type) implements YamlNode {
        @Override
        public String kindName() {
            return type == ScalarType.NULL ? "nothing" : "a value";
        }

        public boolean isNull() {
            return type == ScalarType.NULL;
        }
    }

    enum ScalarType { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }
}

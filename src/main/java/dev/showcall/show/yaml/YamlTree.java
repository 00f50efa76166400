package dev.showcall.show.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads YAML text into a {@link YamlNode} tree with Jackson's streaming parser. */
public final class YamlTree {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlTree() {
    }

    /** The outcome of reading: a tree, or the syntax error that stopped the parser. */
    public record Result(Optional<YamlNode> root, List<SyntaxProblem> problems) {
    }

    /** A problem in the YAML itself, or a key given twice in one mapping. */
    public record SyntaxProblem(Location location, String message) {
    }

    public static Result parse(String text) {
        List<SyntaxProblem> problems = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(new StringReader(text))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Result(Optional.empty(), List.of(new SyntaxProblem(Location.START, "the file is empty")));
            }
            YamlNode root = read(parser, problems);
            return new Result(Optional.of(root), problems);
        } catch (JsonProcessingException e) {
            problems.add(new SyntaxProblem(locationOf(e.getLocation()), syntaxMessage(e)));
            return new Result(Optional.empty(), problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static YamlNode read(JsonParser parser, List<SyntaxProblem> problems) throws IOException {
        Location at = locationOf(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readMapping(parser, at, problems);
            case START_ARRAY -> readSequence(parser, at, problems);
            case VALUE_STRING -> new YamlNode.Scalar(at, parser.getText(), YamlNode.ScalarType.STRING);
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(at, parser.getText(), YamlNode.ScalarType.INTEGER);
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(at, parser.getText(), YamlNode.ScalarType.DECIMAL);
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(at, parser.getText(), YamlNode.ScalarType.BOOLEAN);
            case VALUE_NULL -> new YamlNode.Scalar(at, "", YamlNode.ScalarType.NULL);
            default -> new YamlNode.Scalar(at, parser.getText(), YamlNode.ScalarType.STRING);
        };
    }

    private static YamlNode readMapping(JsonParser parser, Location at, List<SyntaxProblem> problems)
            throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Location keyAt = locationOf(parser.currentTokenLocation());
            parser.nextToken();
            YamlNode value = read(parser, problems);
            YamlNode.Entry previous = entries.get(key);
            if (previous != null) {
                problems.add(new SyntaxProblem(keyAt,
                        "'" + key + "' is given twice in this mapping (first on line " + previous.keyLocation().line() + ")"));
                continue;
            }
            entries.put(key, new YamlNode.Entry(key, keyAt, value));
        }
        return new YamlNode.Mapping(at, entries);
    }

    private static YamlNode readSequence(JsonParser parser, Location at, List<SyntaxProblem> problems)
            throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(read(parser, problems));
        }
        return new YamlNode.Sequence(at, items);
    }

    private static Location locationOf(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return Location.START;
        }
        return new Location(location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    /** Jackson's message without its source excerpt, which repeats the line we already name. */
    private static String syntaxMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return "the YAML cannot be read";
        }
        return "the YAML cannot be read: " + message.lines().findFirst().orElse(message).strip();
    }
}

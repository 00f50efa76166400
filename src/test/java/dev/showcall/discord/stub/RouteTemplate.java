package dev.showcall.discord.stub;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A route such as {@code PATCH channels/{channel_id}/messages/{message_id}} and the paths it matches. */
final class RouteTemplate {

    private final String method;
    private final String template;
    private final String[] segments;
    private final int literals;

    private RouteTemplate(String method, String template) {
        this.method = method;
        this.template = template;
        this.segments = template.split("/");
        int count = 0;
        for (String segment : segments) {
            if (!isParameter(segment)) {
                count++;
            }
        }
        this.literals = count;
    }

    static RouteTemplate of(String method, String template) {
        return new RouteTemplate(method, template);
    }

    String method() {
        return method;
    }

    String template() {
        return template;
    }

    /** How many fixed segments: the more, the more specific ({@code messages/pins} beats {@code messages/{id}}). */
    int literals() {
        return literals;
    }

    /** The path parameters when method and path match, e.g. {@code channel_id -> 42}. */
    Optional<Map<String, String>> match(String requestMethod, String[] pathSegments) {
        if (!method.equalsIgnoreCase(requestMethod) || pathSegments.length != segments.length) {
            return Optional.empty();
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < segments.length; i++) {
            if (isParameter(segments[i])) {
                parameters.put(segments[i].substring(1, segments[i].length() - 1), pathSegments[i]);
            } else if (!segments[i].equals(pathSegments[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}

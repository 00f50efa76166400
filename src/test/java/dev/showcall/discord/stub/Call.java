package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A routed REST request as a handler sees it: path parameters, query, parsed body and the files uploaded with it; and
 * what to do once the request is recorded and answered (so that a test woken by it finds it recorded, and the bot has
 * its answer).
 */
record Call(String method, String path, String query, Map<String, String> parameters, JsonNode body,
            Map<Integer, RequestBodies.Upload> files, List<Runnable> afterRecorded) {

    Call(String method, String path, String query, Map<String, String> parameters, JsonNode body) {
        this(method, path, query, parameters, body, Map.of(), new ArrayList<>());
    }

    Call(String method, String path, String query, Map<String, String> parameters, JsonNode body,
         Map<Integer, RequestBodies.Upload> files) {
        this(method, path, query, parameters, body, files, new ArrayList<>());
    }

    void whenRecorded(Runnable action) {
        afterRecorded.add(action);
    }

    long id(String parameter) {
        String value = parameters.get(parameter);
        try {
            return Long.parseUnsignedLong(value);
        } catch (NumberFormatException | NullPointerException e) {
            return -1L;
        }
    }

    String text(String parameter) {
        return parameters.get(parameter);
    }

    /** Whether the query has {@code name=true}. */
    boolean flag(String name) {
        for (String pair : query.split("&")) {
            if (pair.equalsIgnoreCase(name + "=true")) {
                return true;
            }
        }
        return false;
    }

    /** An integer query parameter, or the fallback. */
    int number(String name, int fallback) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                try {
                    return Integer.parseInt(pair.substring(name.length() + 1));
                } catch (NumberFormatException e) {
                    return fallback;
                }
            }
        }
        return fallback;
    }
}

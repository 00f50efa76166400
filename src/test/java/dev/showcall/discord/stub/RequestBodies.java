package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the bot sent: a JSON body, or the {@code payload_json} part of a multipart body (messages with files),
 * and the files of such a body.
 */
final class RequestBodies {

    /** Thrown for a body that is not JSON; Discord answers such requests 400. */
    static final class NotJson extends Exception {
        NotJson(Throwable cause) {
            super(cause);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern PAYLOAD_PART =
            Pattern.compile("Content-Disposition:\\s*form-data;\\s*name=\"payload_json\"[^\\r\\n]*\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n",
                    Pattern.CASE_INSENSITIVE);

    private RequestBodies() {
    }

    /** The parsed body, or {@code null} when the request has none. */
    static JsonNode parse(String contentType, byte[] bytes) throws NotJson {
        if (bytes.length == 0) {
            return null;
        }
        String type = contentType == null ? "" : contentType;
        if (type.startsWith("multipart/form-data")) {
            return payloadJson(type, bytes).map(json -> {
                try {
                    return Json.MAPPER.readTree(json);
                } catch (IOException e) {
                    return null;
                }
            }).orElse(null);
        }
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new NotJson(e);
        }
    }

    /** A file sent with a message: the part {@code files[n]} of a multipart body. */
    record Upload(String filename, String contentType, byte[] data) {
    }

    private static final Pattern FILE_PART = Pattern.compile(
            "Content-Disposition:\\s*form-data;\\s*name=\"files\\[(\\d+)]\"(?:;\\s*filename=\"([^\"]*)\")?[^\\r\\n]*\\r\\n"
                    + "((?:[^\\r\\n]+\\r\\n)*)\\r\\n", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTENT_TYPE = Pattern.compile("Content-Type:\\s*([^\\r\\n]+)", Pattern.CASE_INSENSITIVE);

    /** The files of a multipart body by their index n in {@code files[n]}; none for any other body. */
    static java.util.Map<Integer, Upload> files(String contentType, byte[] bytes) {
        java.util.Map<Integer, Upload> files = new java.util.TreeMap<>();
        String type = contentType == null ? "" : contentType;
        Matcher boundary = BOUNDARY.matcher(type);
        if (!type.startsWith("multipart/form-data") || !boundary.find()) {
            return files;
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Matcher part = FILE_PART.matcher(text);
        while (part.find()) {
            int end = text.indexOf("\r\n--" + boundary.group(1), part.end());
            byte[] data = text.substring(part.end(), end < 0 ? text.length() : end).getBytes(StandardCharsets.ISO_8859_1);
            Matcher partType = CONTENT_TYPE.matcher(part.group(3));
            String filename = part.group(2) == null ? "" : new String(part.group(2).getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8);
            files.put(Integer.parseInt(part.group(1)),
                    new Upload(filename, partType.find() ? partType.group(1).strip() : "application/octet-stream", data));
        }
        return files;
    }

    private static Optional<String> payloadJson(String contentType, byte[] bytes) {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            return Optional.empty();
        }
        // ISO-8859-1 keeps one char per byte, so binary file parts do not disturb the search
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Matcher part = PAYLOAD_PART.matcher(text);
        if (!part.find()) {
            return Optional.empty();
        }
        int end = text.indexOf("\r\n--" + boundary.group(1), part.end());
        String raw = text.substring(part.end(), end < 0 ? text.length() : end);
        return Optional.of(new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
}

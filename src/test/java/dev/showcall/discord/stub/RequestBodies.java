package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
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

    /** The file parts of a multipart body ({@code files[n]}), in order; none for any other body. */
    static List<Upload> files(String contentType, byte[] bytes) {
        String type = contentType == null ? "" : contentType;
        Matcher boundary = BOUNDARY.matcher(type);
        if (!type.startsWith("multipart/form-data") || !boundary.find()) {
            return List.of();
        }
        // ISO-8859-1 keeps one char per byte: an index in the text is the same index in the bytes
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary.group(1);
        List<Upload> files = new ArrayList<>();
        int at = text.indexOf(delimiter);
        while (at >= 0) {
            int headersStart = at + delimiter.length();
            if (text.startsWith("--", headersStart)) {
                break;
            }
            int headersEnd = text.indexOf("\r\n\r\n", headersStart);
            int next = text.indexOf("\r\n" + delimiter, headersEnd < 0 ? headersStart : headersEnd);
            if (headersEnd < 0 || next < 0) {
                break;
            }
            String headers = text.substring(headersStart, headersEnd);
            Matcher name = NAME.matcher(headers);
            Matcher filename = FILENAME.matcher(headers);
            if (name.find() && filename.find()) {
                String utf8Name = new String(filename.group(1).getBytes(StandardCharsets.ISO_8859_1),
                        StandardCharsets.UTF_8);
                files.add(new Upload(name.group(1), utf8Name, header(headers, "content-type"),
                        Arrays.copyOfRange(bytes, headersEnd + 4, next)));
            }
            at = next + 2;
        }
        return List.copyOf(files);
    }

    private static String header(String headers, String wanted) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(wanted)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "application/octet-stream";
    }

    /**
     * One file of a multipart body.
     *
     * @param field the form field, {@code files[n]} as Discord wants it
     */
    record Upload(String field, String filename, String contentType, byte[] data) {

        /** {@code n} of a {@code files[n]} field; -1 for any other field. */
        int index() {
            Matcher m = Pattern.compile("files\\[(\\d+)]").matcher(field);
            return m.matches() ? Integer.parseInt(m.group(1)) : -1;
        }
    }
}

package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files users attach to a slash command's ATTACHMENT option. Discord stores them before it delivers the
 * interaction, lists them in {@code resolved.attachments} and serves them from its CDN at
 * {@code /ephemeral-attachments/{application_id}/{attachment_id}/{filename}}; here the REST server serves
 * that path, without the bot token, as the CDN does.
 */
final class Uploads {

    static final String PATH = "/ephemeral-attachments/";
    private static final Pattern FILE = Pattern.compile(Pattern.quote(PATH) + "\\d+/(\\d+)/[^/]+");

    /** A file a user attaches, before Discord has stored it. */
    record Attached(String filename, String contentType, byte[] data) {
    }

    private final long applicationId;
    private final Map<Long, StubAttachment> files = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> downloads = new ConcurrentHashMap<>();
    private volatile URI server;

    Uploads(long applicationId) {
        this.applicationId = applicationId;
    }

    /** Where the REST server listens: {@code http://127.0.0.1:PORT/}. */
    void servedFrom(URI root) {
        this.server = root;
    }

    StubAttachment store(Attached file) {
        StubAttachment stored = new StubAttachment(Snowflakes.next(), file.filename(), file.contentType(), file.data());
        files.put(stored.id(), stored);
        return stored;
    }

    /** The attachment as {@code resolved.attachments} lists it. */
    ObjectNode json(StubAttachment file) {
        String url = server.resolve(PATH + applicationId + "/" + file.id() + "/"
                + URLEncoder.encode(file.filename(), StandardCharsets.UTF_8).replace("+", "%20")).toString();
        ObjectNode json = Json.object()
                .put("id", Json.id(file.id()))
                .put("filename", file.filename())
                .put("size", file.size())
                .put("url", url)
                .put("proxy_url", url)
                .put("ephemeral", true);
        if (file.contentType() != null) {
            json.put("content_type", file.contentType());
        }
        return json;
    }

    /** The file at this path of the server, if it is one of the stored attachments. */
    Optional<StubAttachment> at(String path) {
        Matcher matcher = FILE.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<StubAttachment> found = Optional.ofNullable(files.get(Long.parseLong(matcher.group(1))));
        found.ifPresent(f -> downloads.computeIfAbsent(f.id(), id -> new AtomicInteger()).incrementAndGet());
        return found;
    }

    int downloads(long attachmentId) {
        return Optional.ofNullable(downloads.get(attachmentId)).map(AtomicInteger::get).orElse(0);
    }

    /** How many times any attachment was downloaded. */
    int downloads() {
        return downloads.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}

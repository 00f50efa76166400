package dev.showcall.discord.stub;

/**
 * A file a message carries, as the bot uploaded it.
 *
 * @param contentType the type the upload's part declared
 * @param data the file's bytes
 */
public record StubAttachment(long id, String filename, String contentType, byte[] data) {

    public int size() {
        return data.length;
    }
}

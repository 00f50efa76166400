package dev.showcall.discord.stub;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/**
 * Discord's {@code compress=zlib-stream}: one zlib context for the whole connection, every payload flushed with
 * SYNC_FLUSH so that it ends with {@code 00 00 ff ff} and the client can inflate it as soon as it arrives.
 */
final class ZlibStream {

    private final Deflater deflater = new Deflater();
    private final byte[] buffer = new byte[8192];

    synchronized byte[] compress(byte[] payload) {
        deflater.setInput(payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length / 2 + 16);
        int written;
        do {
            written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, written);
        } while (written == buffer.length);
        return out.toByteArray();
    }

    synchronized void close() {
        deflater.end();
    }
}

package dev.showcall.store;

import dev.showcall.show.DiscordBinding;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A show as the database holds it: what the bot needs to find it on Discord without reading
 * its file again, and the file's text as it was loaded.
 *
 * @param loadedAt  when the show was first loaded
 * @param updatedAt when a reload last changed it
 */
public record StoredShow(
        String id,
        String name,
        Optional<String> venue,
        ZoneId zone,
        Instant startsAt,
        DiscordBinding discord,
        String sourceFile,
        String sourceSha256,
        String sourceText,
        Instant loadedAt,
        Instant updatedAt) {

    public StoredShow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(discord, "discord");
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(sourceSha256, "sourceSha256");
        Objects.requireNonNull(sourceText, "sourceText");
        Objects.requireNonNull(loadedAt, "loadedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    StoredShow withUpdatedAt(Instant at) {
        return new StoredShow(id, name, venue, zone, startsAt, discord, sourceFile, sourceSha256, sourceText,
                loadedAt, at);
    }
}

package dev.showcall.show;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/** Finds and reads show files from disk. */
public final class ShowFiles {

    private ShowFiles() {
    }

    /** A show file that validated: its text as read, and the warnings it still has. */
    public record LoadedShow(Path file, String text, Show show, List<Problem> warnings) {
    }

    /** Reads and validates one file; a file that does not validate gives nothing but its problems. */
    public static LoadedShow load(Path file) throws IOException, ShowFileException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        ShowReader.Reading reading = ShowReader.read(file.toString(), text);
        if (reading.show().isEmpty()) {
            throw new ShowFileException(file.toString(), reading.problems());
        }
        return new LoadedShow(file, text, reading.show().get(), reading.warnings());
    }

    /**
     * Where the version of a show file before its last update is kept: beside it, under a name that
     * {@link #find} does not take for a show file ({@code maison-verre.yaml.previous}).
     */
    public static Path previousOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".previous");
    }

    /**
     * Puts a new version of a show file in place, keeping {@code previous} (the version it replaces)
     * beside it. Each file is written whole and then moved into place, so a crash leaves either
     * version, never half of one.
     */
    public static void replace(Path file, String text, String previous) throws IOException {
        writeWhole(previousOf(file), previous);
        writeWhole(file, text);
    }

    /** Writes {@code text} into a file beside {@code target}, on disk, then moves it over {@code target}. */
    static void writeWhole(Path target, String text) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The show files at {@code location}: the file itself, or every .yaml/.yml in the folder, by name. */
    public static List<Path> find(Path location) throws IOException {
        if (!Files.exists(location)) {
            throw new NoSuchFileException(location.toString(), null, "no show file or folder there");
        }
        if (!Files.isDirectory(location)) {
            return List.of(location);
        }
        try (Stream<Path> files = Files.list(location)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("(?i).+\\.ya?ml"))
                    .sorted()
                    .toList();
        }
    }
}

package dev.showcall.show;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

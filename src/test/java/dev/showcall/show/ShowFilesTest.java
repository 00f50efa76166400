package dev.showcall.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Show files on disk")
class ShowFilesTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a new version replaces the file whole, the version it replaces kept beside it, and the folder "
            + "still holds one show file")
    void replaceKeepsThePrevious() throws IOException {
        Path file = dir.resolve("maison-verre.yaml");
        Files.writeString(file, "id: maison-verre\n# edited on disk\n");

        ShowFiles.replace(file, "id: maison-verre\nname: new\n", "id: maison-verre\nname: running\n");

        assertThat(Files.readString(file)).isEqualTo("id: maison-verre\nname: new\n");
        assertThat(ShowFiles.previousOf(file)).isEqualTo(dir.resolve("maison-verre.yaml.previous"))
                .hasContent("id: maison-verre\nname: running\n");
        assertThat(ShowFiles.find(dir)).containsExactly(file);
        try (var listed = Files.list(dir)) {
            assertThat(listed).as("no temporary file left").hasSize(2);
        }
    }

    @Test
    @DisplayName("a second update keeps only the version just before it")
    void secondUpdate() throws IOException {
        Path file = dir.resolve("show.yml");
        ShowFiles.replace(file, "two", "one");

        ShowFiles.replace(file, "three", "two");

        assertThat(file).hasContent("three");
        assertThat(ShowFiles.previousOf(file)).hasContent("two");
        assertThat(ShowFiles.find(dir)).containsExactly(file);
    }
}

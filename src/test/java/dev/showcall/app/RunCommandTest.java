package dev.showcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.store.Database;
import dev.showcall.store.ShowRepository;
import dev.showcall.store.StoredShow;
import java.util.Optional;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("showcall run")
class RunCommandTest {

    private final String databaseUrl = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> environment) {
        RunCommand command = new RunCommand();
        command.environment = environment;
        return new CommandLine(command).setErr(new PrintWriter(err, true)).execute();
    }

    private Map<String, String> environment(String shows) {
        Map<String, String> env = new HashMap<>();
        env.put(Settings.SHOWS, shows);
        // any free port: test JVMs run side by side
        env.put(Settings.WEB_PORT, "0");
        env.put(Settings.DB_URL, databaseUrl);
        return env;
    }

    @Test
    @DisplayName("exits 2 without a token, before touching the database")
    void needsToken() {
        int code = run(environment("config/shows"));

        assertThat(code).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("DISCORD_TOKEN is not set");
        try (Database database = Database.open(databaseUrl)) {
            Optional<StoredShow> show = database.inTransaction(c -> new ShowRepository().find(c, "maison-verre-aw27"));
            assertThat(show).isEmpty();
        }
    }

    @Test
    @DisplayName("exits 2 and stores nothing when a show file does not validate")
    void invalidShow(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "id: broken\nname: [unclosed\n");
        Map<String, String> env = environment(broken.toString());
        env.put(Settings.DISCORD_TOKEN, "a-token-that-is-never-used");

        int code = run(env);

        assertThat(code).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("broken.yaml:").contains("not started");
    }

    @Test
    @DisplayName("exits 2 naming the variable when a setting cannot be used")
    void badSetting() {
        Map<String, String> env = environment("config/shows");
        env.put(Settings.DISCORD_API, "not a url");

        int code = run(env);

        assertThat(code).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("SHOWCALL_DISCORD_API");
    }

}

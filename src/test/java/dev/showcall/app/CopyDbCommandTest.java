package dev.showcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.show.CallPlanner;
import dev.showcall.show.Show;
import dev.showcall.show.ShowFiles;
import dev.showcall.store.Database;
import dev.showcall.store.Dialect;
import dev.showcall.store.FreshDatabase;
import dev.showcall.store.ShowRepository;
import dev.showcall.store.StoredShow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("showcall copy-db")
class CopyDbCommandTest {

    private static final Path EXAMPLE = Path.of("config/shows/maison-verre-aw27.yaml");
    private static final Instant LOADED = Instant.parse("2027-02-21T08:00:00Z");

    @TempDir
    Path dir;

    @RegisterExtension
    final FreshDatabase postgres = new FreshDatabase(Dialect.POSTGRESQL);

    private String h2;
    private String showId;

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** The day so far in an H2 file, as showcall's default database keeps it: the example show, loaded. */
    @BeforeEach
    void dayOnH2() throws Exception {
        h2 = "jdbc:h2:file:" + dir.resolve("showcall").toAbsolutePath();
        Show show = ShowFiles.load(EXAMPLE).show();
        String text = Files.readString(EXAMPLE);
        showId = show.id();
        try (Database database = Database.open(h2)) {
            database.runInTransaction(c -> new ShowRepository().save(c, show, CallPlanner.plan(show),
                    EXAMPLE.toString(), text, LOADED));
        }
    }

    /** The PostgreSQL database, its user in the URL since a test cannot set the environment. */
    private String postgresUrl() {
        return postgres.url() + "?user=" + postgres.user().orElseThrow();
    }

    @Test
    @DisplayName("copies an H2 day into an empty PostgreSQL database and says how many rows of each table it copied")
    void copiesH2ToPostgres() {
        // when the H2 database is copied into the PostgreSQL one
        Outcome outcome = run(CopyDbCommand.NAME, "--from", h2, "--to", postgresUrl());

        // then it exits 0, saying what it copied
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("show: 1 row").contains("planned_call: ").contains("Copied ");
        // and showcall on PostgreSQL finds the show as it was loaded
        Optional<StoredShow> copied = postgres.inTransaction(c -> new ShowRepository().find(c, showId));
        assertThat(copied).hasValueSatisfying(s -> assertThat(s.loadedAt()).isEqualTo(LOADED));
    }

    @Test
    @DisplayName("copies nothing into a database that already holds a day, and exits 1 saying why")
    void refusesNonEmptyTarget() {
        // given a PostgreSQL database that already holds the copy
        assertThat(run(CopyDbCommand.NAME, "--from", h2, "--to", postgresUrl()).exitCode()).isZero();

        // when it is copied into again
        Outcome again = run(CopyDbCommand.NAME, "--from", h2, "--to", postgresUrl());

        // then nothing is copied
        assertThat(again.exitCode()).isEqualTo(RunCommand.EXIT_FAILURE);
        assertThat(again.err()).contains("nothing copied").contains("not empty");
    }

    @Test
    @DisplayName("exits 2 for a database URL that is neither H2 nor PostgreSQL, and for a missing one")
    void refusesOtherUrls() {
        Outcome mysql = run(CopyDbCommand.NAME, "--from", "jdbc:mysql://db.example/showcall", "--to", postgresUrl());
        Outcome missing = run(CopyDbCommand.NAME, "--from", h2);

        assertThat(mysql.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(mysql.err()).contains("--from").contains("PostgreSQL");
        assertThat(missing.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(missing.err()).contains("--to");
    }
}

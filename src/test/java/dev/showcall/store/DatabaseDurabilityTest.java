package dev.showcall.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.Arrival;
import dev.showcall.show.Show;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The database keeps what was committed when the process dies")
class DatabaseDurabilityTest {

    private static final Instant NOW = Instant.parse("2027-02-21T14:00:00Z");
    private static final String MODEL = "model:Anya Petrova";

    @TempDir
    Path dir;

    @Test
    @DisplayName("a commit is in the H2 file when it returns: a copy of the file taken then, as a killed process "
            + "leaves it, has the change")
    void commitIsInTheFile() throws Exception {
        // given showcall's database in a file, with its default settings
        Path live = dir.resolve("live");
        Path copy = dir.resolve("copy");
        try (Database database = Database.open(fileUrl(live))) {
            Show show = ShowFixture.show(ShowFixture.SHOW_ID);
            database.runInTransaction(c -> new ShowRepository().save(c, show,
                    ShowFixture.sheet(show, ShowFixture.calls()), "show.yaml", "", NOW));

            // when an arrival is committed, and the file is copied the moment the commit returns
            database.runInTransaction(c -> new ArrivalRepository().record(c,
                    new Arrival(ShowFixture.SHOW_ID, MODEL, NOW, ShowFixture.PR_LEAD, NOW)));
            Files.copy(dir.resolve("live.mv.db"), dir.resolve("copy.mv.db"));
        }

        // then the copy, opened as a restart opens a file nobody closed, has the arrival
        try (Database restarted = Database.open(fileUrl(copy))) {
            Optional<Arrival> arrival = restarted.inTransaction(c -> new ArrivalRepository().find(c,
                    ShowFixture.SHOW_ID, MODEL));
            assertThat(arrival).isPresent();
        }
    }

    @Test
    @DisplayName("an H2 URL's own write delay gives way, on every connection of the pool")
    void urlWriteDelayGivesWay() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;write_delay = 700";
        try (Database database = Database.open(url)) {
            List<String> delays = new ArrayList<>();
            List<Connection> open = new ArrayList<>();
            try {
                // more connections than the pool keeps idle, so that new ones are opened with the URL's settings
                for (int i = 0; i < 4; i++) {
                    open.add(database.dataSource().getConnection());
                    delays.add(writeDelay(open.get(i)));
                }
            } finally {
                for (Connection c : open) {
                    c.close();
                }
            }

            assertThat(delays).containsOnly("0");
        }
    }

    @Test
    @DisplayName("URLs of other databases are left as they are")
    void otherDatabases() {
        String postgres = "jdbc:postgresql://db.local/showcall?write_delay=500";

        assertThat(Database.durable(postgres)).isEqualTo(postgres);
    }

    @Test
    @DisplayName("an H2 URL keeps every other setting, in its order")
    void otherSettingsKept() {
        String url = Database.durable("jdbc:h2:file:./data/showcall;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=500;"
                + "AUTO_SERVER=FALSE;");

        assertThat(url).isEqualTo("jdbc:h2:async:./data/showcall;DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE;WRITE_DELAY=0");
    }

    @Test
    @DisplayName("a local H2 file is opened through the file system that interrupts cannot close; memory, servers "
            + "and other file systems are left as they are")
    void uninterruptibleFiles() {
        assertThat(List.of("jdbc:h2:file:./data/showcall", "jdbc:h2:nio:/srv/showcall", "jdbc:h2:~/showcall",
                "jdbc:h2:./data/showcall", "jdbc:h2:C:/showcall", "jdbc:h2:mem:test", "jdbc:h2:tcp://db.local/showcall",
                "jdbc:h2:async:./data/showcall", "jdbc:h2:split:28:./data/showcall").stream().map(Database::durable))
                .containsExactly("jdbc:h2:async:./data/showcall;WRITE_DELAY=0", "jdbc:h2:async:/srv/showcall;WRITE_DELAY=0",
                        "jdbc:h2:async:~/showcall;WRITE_DELAY=0", "jdbc:h2:async:./data/showcall;WRITE_DELAY=0",
                        "jdbc:h2:async:C:/showcall;WRITE_DELAY=0", "jdbc:h2:mem:test;WRITE_DELAY=0",
                        "jdbc:h2:tcp://db.local/showcall;WRITE_DELAY=0", "jdbc:h2:async:./data/showcall;WRITE_DELAY=0",
                        "jdbc:h2:split:28:./data/showcall;WRITE_DELAY=0");
    }

    @Test
    @DisplayName("a thread interrupted as it commits, as a shutdown interrupts threads, leaves the database open and "
            + "the change kept")
    void interruptedCommit() throws Exception {
        try (Database database = Database.open(fileUrl(dir.resolve("interrupted")))) {
            Show show = ShowFixture.show(ShowFixture.SHOW_ID);

            Thread.currentThread().interrupt();
            try {
                database.runInTransaction(c -> new ShowRepository().save(c, show,
                        ShowFixture.sheet(show, ShowFixture.calls()), "show.yaml", "", NOW));
            } finally {
                Thread.interrupted();
            }
            database.runInTransaction(c -> new ArrivalRepository().record(c,
                    new Arrival(ShowFixture.SHOW_ID, MODEL, NOW, ShowFixture.PR_LEAD, NOW)));

            Optional<Arrival> arrival = database.inTransaction(c -> new ArrivalRepository().find(c,
                    ShowFixture.SHOW_ID, MODEL));
            assertThat(arrival).isPresent();
        }
    }

    private static String fileUrl(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE";
    }

    private static String writeDelay(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'WRITE_DELAY'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}

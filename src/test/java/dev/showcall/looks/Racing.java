package dev.showcall.looks;

import dev.showcall.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** Lets a test hold a change uncommitted while the code under test runs into it. */
final class Racing {

    private Racing() {
    }

    /**
     * Waits until another session of {@code database} is in the middle of a statement starting with
     * {@code statement}: held up by a lock the test holds.
     */
    static void awaitWaiting(Database database, String statement) throws SQLException, InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
        try (Connection c = database.dataSource().getConnection()) {
            while (Instant.now().isBefore(giveUp)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
                        + " WHERE SESSION_ID <> SESSION_ID() AND EXECUTING_STATEMENT LIKE ?")) {
                    ps.setString(1, statement + "%");
                    ResultSet rs = ps.executeQuery();
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("no session was running '" + statement + "...' within 10 seconds");
    }
}

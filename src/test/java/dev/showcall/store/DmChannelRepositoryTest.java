package dev.showcall.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("DM channels")
class DmChannelRepositoryTest {

    private static final Instant NOW = Instant.parse("2027-02-21T14:00:00Z");
    private static final long AISHA = 1190000000000000201L;
    private static final long BEN = 1190000000000000202L;

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    private final DmChannelRepository channels = new DmChannelRepository();

    @Test
    @DisplayName("a channel kept is read back by its user, and a second save replaces the first")
    void keepsOnePerUser() {
        db.database().runInTransaction(c -> {
            channels.save(c, AISHA, 11L, NOW);
            channels.save(c, BEN, 12L, NOW);
            channels.save(c, AISHA, 13L, NOW.plusSeconds(5));
        });

        assertThat(db.inTransaction(channels::all)).containsOnly(
                entry(AISHA, 13L), entry(BEN, 12L));
    }

    @Test
    @DisplayName("a forgotten channel is no longer known")
    void forgets() {
        db.database().runInTransaction(c -> channels.save(c, AISHA, 11L, NOW));

        db.database().runInTransaction(c -> channels.forget(c, AISHA));

        assertThat(db.inTransaction(channels::all)).isEmpty();
    }

    @Test
    @DisplayName("tells when the channels opened since a moment were opened, oldest first")
    void openedSince() {
        db.database().runInTransaction(c -> {
            channels.save(c, AISHA, 11L, NOW.plusSeconds(8));
            channels.save(c, BEN, 12L, NOW.minusSeconds(30));
        });

        java.util.List<Instant> opened = db.inTransaction(c -> channels.openedSince(c, NOW));

        assertThat(opened).containsExactly(NOW.plusSeconds(8));
    }
}

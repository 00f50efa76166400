package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.NoShow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("No-shows")
class NoShowRepositoryTest {

    private static final String ANYA = "model:Anya Petrova";
    private static final Instant AT = Instant.parse("2027-02-21T16:20:00Z");

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final NoShowRepository noShows = new NoShowRepository();

    @BeforeEach
    void saveShow() {
        ShowFixture.saveShow(db, SHOW_ID, AT.minusSeconds(86_400));
    }

    @Test
    @DisplayName("a second mark returns false and leaves the first one's marker and time")
    void marksOnce() {
        boolean first = db.inTransaction(c -> noShows.mark(c, new NoShow(SHOW_ID, ANYA, 1L, AT)));

        boolean second = db.inTransaction(c -> noShows.mark(c, new NoShow(SHOW_ID, ANYA, 2L, AT.plusSeconds(60))));

        Optional<NoShow> stored = db.inTransaction(c -> noShows.find(c, SHOW_ID, ANYA));
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(stored).contains(new NoShow(SHOW_ID, ANYA, 1L, AT));
    }

    @Test
    @DisplayName("a mark can be taken back, once")
    void removes() {
        db.inTransaction(c -> noShows.mark(c, new NoShow(SHOW_ID, ANYA, 1L, AT)));

        boolean removed = db.inTransaction(c -> noShows.remove(c, SHOW_ID, ANYA));
        boolean again = db.inTransaction(c -> noShows.remove(c, SHOW_ID, ANYA));

        assertThat(removed).isTrue();
        assertThat(again).isFalse();
        List<NoShow> left = db.inTransaction(c -> noShows.forShow(c, SHOW_ID));
        assertThat(left).isEmpty();
    }
}

package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.Walk;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("Looks walked")
class WalkRepositoryTest {

    private static final String ANYA = "Anya Petrova";
    private static final String BEA = "Bea Lind";
    private static final Instant OUT = Instant.parse("2027-02-21T19:02:00Z");
    private static final long STAGE_MANAGER = 1190000000000000501L;
    private static final long PRODUCER = 1190000000000000502L;

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final WalkRepository walks = new WalkRepository();

    @BeforeEach
    void saveShow() {
        ShowFixture.saveShow(db, SHOW_ID, OUT.minusSeconds(86_400));
    }

    private List<Walk> listed() {
        return db.inTransaction(c -> walks.forShow(c, SHOW_ID));
    }

    @Test
    @DisplayName("a look recorded going out is found as it was recorded, with who wore it")
    void recordAndFind() {
        // given look 1 going out on Anya
        Walk walk = new Walk(SHOW_ID, 1, ANYA, OUT, STAGE_MANAGER);

        // when it is recorded
        boolean recorded = db.inTransaction(c -> walks.record(c, walk));

        // then it is found
        Optional<Walk> found = db.inTransaction(c -> walks.find(c, SHOW_ID, 1));
        assertThat(recorded).isTrue();
        assertThat(found).contains(walk);
    }

    @Test
    @DisplayName("a look that has not walked is not found")
    void notFound() {
        Optional<Walk> found = db.inTransaction(c -> walks.find(c, SHOW_ID, 1));

        assertThat(found).isEmpty();
    }

    @Test
    @DisplayName("a look walks once: a second record returns false and the first stands")
    void recordsOnce() {
        // given the stage manager recorded look 1
        Walk first = new Walk(SHOW_ID, 1, ANYA, OUT, STAGE_MANAGER);
        db.inTransaction(c -> walks.record(c, first));

        // when a producer records it again a few seconds later
        boolean again = db.inTransaction(c -> walks.record(c, new Walk(SHOW_ID, 1, ANYA, OUT.plusSeconds(5), PRODUCER)));

        // then the first record stands
        assertThat(again).isFalse();
        assertThat(listed()).containsExactly(first);
    }

    @Test
    @DisplayName("lists the looks in the order they walked, then by number")
    void listedInWalkingOrder() {
        // given look 3 out, then looks 1 and 2 at the same moment after it
        Walk three = new Walk(SHOW_ID, 3, ANYA, OUT, STAGE_MANAGER);
        Walk two = new Walk(SHOW_ID, 2, BEA, OUT.plusSeconds(40), STAGE_MANAGER);
        Walk one = new Walk(SHOW_ID, 1, ANYA, OUT.plusSeconds(40), STAGE_MANAGER);
        db.database().runInTransaction(c -> {
            walks.record(c, two);
            walks.record(c, one);
            walks.record(c, three);
        });

        // when they are listed
        // then 3 comes first, then 1 and 2
        assertThat(listed()).containsExactly(three, one, two);
    }

    @Test
    @DisplayName("a walk taken back is removed once, and the look can walk again")
    void remove() {
        // given look 1 recorded by mistake
        db.inTransaction(c -> walks.record(c, new Walk(SHOW_ID, 1, ANYA, OUT, STAGE_MANAGER)));

        // when it is removed twice
        boolean removed = db.inTransaction(c -> walks.remove(c, SHOW_ID, 1));
        boolean again = db.inTransaction(c -> walks.remove(c, SHOW_ID, 1));

        // then the first removes it, the second finds nothing, and it can be recorded anew
        assertThat(removed).isTrue();
        assertThat(again).isFalse();
        assertThat(listed()).isEmpty();
        boolean recorded = db.inTransaction(c -> walks.record(c, new Walk(SHOW_ID, 1, ANYA, OUT.plusSeconds(60), PRODUCER)));
        assertThat(recorded).isTrue();
    }

    @Test
    @DisplayName("lists the looks of one show only")
    void perShow() {
        // given look 1 walked at another show
        ShowFixture.saveShow(db, "other-show", OUT.minusSeconds(86_400));
        db.inTransaction(c -> walks.record(c, new Walk("other-show", 1, ANYA, OUT, STAGE_MANAGER)));

        // when this show's looks are listed
        // then none walked
        assertThat(listed()).isEmpty();
        Optional<Walk> found = db.inTransaction(c -> walks.find(c, SHOW_ID, 1));
        assertThat(found).isEmpty();
    }
}

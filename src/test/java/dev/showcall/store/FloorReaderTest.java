package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.Arrival;
import dev.showcall.backstage.Floor;
import dev.showcall.backstage.LookStep;
import dev.showcall.backstage.ModelStep;
import dev.showcall.backstage.NoShow;
import dev.showcall.backstage.Replacement;
import dev.showcall.backstage.Walk;
import dev.showcall.show.Step;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("Reading the floor")
class FloorReaderTest {

    private static final String ANYA = "Anya Petrova";
    private static final String BEA = "Bea Lind";
    private static final String GIA = "Gia Sol";
    private static final Instant AT = Instant.parse("2027-02-21T17:00:00Z");
    private static final long PR = ShowFixture.PR_LEAD;
    private static final long PRIYA = ShowFixture.PRIYA;

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final FloorReader floors = new FloorReader();

    @BeforeEach
    void saveShow() {
        ShowFixture.saveShow(db, SHOW_ID, AT.minusSeconds(86_400));
    }

    private Floor read() {
        return db.inTransaction(c -> floors.read(c, SHOW_ID));
    }

    @Test
    @DisplayName("is empty before anything happened")
    void empty() {
        Floor floor = read();

        assertThat(floor).isEqualTo(Floor.EMPTY);
    }

    @Test
    @DisplayName("gives the models arrived and the no-shows by name, leaving out the crew")
    void modelNames() {
        // given Anya and a hair crew member arrived, and Bea is a no-show
        db.database().runInTransaction(c -> {
            ArrivalRepository arrivals = new ArrivalRepository();
            arrivals.record(c, new Arrival(SHOW_ID, "model:" + ANYA, AT, PR, AT));
            arrivals.record(c, new Arrival(SHOW_ID, "crew:hair:" + PRIYA, AT, PR, AT));
            new NoShowRepository().mark(c, new NoShow(SHOW_ID, "model:" + BEA, PR, AT));
        });

        // when the floor is read
        Floor floor = read();

        // then the sets hold the models' names
        assertThat(floor.arrived()).containsExactly(ANYA);
        assertThat(floor.noShows()).containsExactly(BEA);
    }

    @Test
    @DisplayName("gives the steps, walks and replacements as stored")
    void everythingElse() {
        // given a step on Anya, one on look 2, look 1 walked and Gia replacing Bea
        ModelStep hair = new ModelStep(SHOW_ID, ANYA, Step.HAIR, AT, PRIYA);
        LookStep dressed = new LookStep(SHOW_ID, 2, Step.DRESSED, AT, PRIYA);
        Walk walk = new Walk(SHOW_ID, 1, ANYA, AT.plusSeconds(7200), PR);
        Replacement replacement = db.inTransaction(c -> {
            new ModelStepRepository().mark(c, hair);
            new LookStepRepository().mark(c, dressed);
            new WalkRepository().record(c, walk);
            return new ReplacementRepository().add(c,
                    new Replacement(Replacement.UNSTORED, SHOW_ID, BEA, GIA, List.of(2), AT, PR)).orElseThrow();
        });

        // when the floor is read
        Floor floor = read();

        // then each is there
        assertThat(floor.modelSteps()).containsExactly(hair);
        assertThat(floor.lookSteps()).containsExactly(dressed);
        assertThat(floor.walks()).containsExactly(walk);
        assertThat(floor.replacements()).containsExactly(replacement);
    }

    @Test
    @DisplayName("reads one show only")
    void perShow() {
        // given Anya arrived, had her hair done and walked at another show
        String other = "other-show";
        ShowFixture.saveShow(db, other, AT.minusSeconds(86_400));
        db.database().runInTransaction(c -> {
            new ArrivalRepository().record(c, new Arrival(other, "model:" + ANYA, AT, PR, AT));
            new NoShowRepository().mark(c, new NoShow(other, "model:" + BEA, PR, AT));
            new ModelStepRepository().mark(c, new ModelStep(other, ANYA, Step.HAIR, AT, PRIYA));
            new WalkRepository().record(c, new Walk(other, 1, ANYA, AT, PR));
        });

        // when this show's floor is read
        Floor floor = read();

        // then nothing happened here
        assertThat(floor).isEqualTo(Floor.EMPTY);
    }
}

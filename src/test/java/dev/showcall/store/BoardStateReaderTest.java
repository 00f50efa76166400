package dev.showcall.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.Arrival;
import dev.showcall.backstage.Confirmation;
import dev.showcall.backstage.ConfirmationState;
import dev.showcall.backstage.Delay;
import dev.showcall.backstage.NoShow;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Show;
import dev.showcall.show.ShowFiles;
import dev.showcall.timeline.BoardState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("The board's state, read from the database")
class BoardStateReaderTest {

    private static final Path EXAMPLE = Path.of("config/shows/maison-verre-aw27.yaml");
    private static final long PR = 1190000000000000111L;

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private PlannedShow show;
    private Instant start;

    @BeforeEach
    void saveShow() throws Exception {
        Show example = ShowFiles.load(EXAMPLE).show();
        show = new PlannedShow(example, CallPlanner.plan(example));
        start = example.startInstant();
        db.inTransaction(c -> new ShowRepository().save(c, example, show.sheet(), EXAMPLE.toString(), "",
                start.minus(Duration.ofDays(1))));
    }

    private BoardState readAt(Instant now) {
        BoardStateReader reader = new BoardStateReader(Clock.fixed(now, ZoneOffset.UTC));
        return db.inTransaction(c -> reader.read(c, show));
    }

    private Call model(int index) {
        return show.sheet().calls().stream().filter(c -> c.kind() == Call.Kind.MODEL).skip(index).findFirst()
                .orElseThrow();
    }

    private int models() {
        return (int) show.sheet().calls().stream().filter(c -> c.kind() == Call.Kind.MODEL).count();
    }

    @Test
    @DisplayName("counts the models arrived out of those expected, and names the late and the no-shows")
    void arrivals() {
        // given two models arrived, one marked no-show, one with a late alert and one late who arrived since
        Instant now = start.minus(Duration.ofHours(2));
        db.inTransaction(c -> {
            new ArrivalRepository().record(c, new Arrival(show.id(), model(0).key(), now, PR, now));
            new ArrivalRepository().record(c, new Arrival(show.id(), model(1).key(), now, PR, now));
            new NoShowRepository().mark(c, new NoShow(show.id(), model(2).key(), PR, now));
            new AlertRepository().raiseOnce(c, show.id(), "late:" + model(3).key(), now);
            new AlertRepository().raiseOnce(c, show.id(), "late:" + model(1).key(), now);
            return null;
        });

        // when the board reads the state
        BoardState.Arrivals arrivals = readAt(now).arrivals();

        // then
        assertThat(arrivals.arrived()).isEqualTo(2);
        assertThat(arrivals.expected()).isEqualTo(models() - 1);
        assertThat(arrivals.late()).containsExactly(model(3).who());
        assertThat(arrivals.noShows()).containsExactly(model(2).who());
    }

    @Test
    @DisplayName("counts a department's people who answered their call, and those here")
    void crew() {
        Call hair = show.sheet().calls().stream()
                .filter(c -> c.departmentId().equals("hair") && c.userId().isPresent()).findFirst().orElseThrow();
        Instant now = start.minus(Duration.ofHours(5));
        db.inTransaction(c -> new ConfirmationRepository().upsert(c, new Confirmation(show.id(), hair.key(),
                ConfirmationState.HERE, OptionalInt.empty(), hair.userId().getAsLong(), now)));

        BoardState.DepartmentConfirmations department = readAt(now).crew().stream()
                .filter(d -> d.name().equals(hair.departmentName())).findFirst().orElseThrow();

        long people = show.sheet().calls().stream()
                .filter(c -> c.departmentId().equals("hair") && c.userId().isPresent()).count();
        assertThat(department.confirmed()).isEqualTo(1);
        assertThat(department.here()).isEqualTo(1);
        assertThat(department.total()).isEqualTo((int) people);
    }

    @Test
    @DisplayName("gives the start and the next milestone as the delays moved them")
    void delayed() {
        // given a delay of 20 minutes declared at 17:00
        Instant now = start.minus(Duration.ofHours(2));
        db.inTransaction(c -> new DelayRepository().add(c, Delay.of(show.id(), 20, "rig", PR, now)));

        // when read at 17:00
        BoardState state = readAt(now);

        // then the start and the rehearsal (17:30 as planned) are 20 minutes later
        assertThat(state.delay()).isEqualTo(Duration.ofMinutes(20));
        assertThat(state.start()).isEqualTo(start.plus(Duration.ofMinutes(20)));
        assertThat(state.nextMilestone()).hasValueSatisfying(m -> {
            assertThat(m.name()).isEqualTo("Rehearsal");
            assertThat(m.at()).isEqualTo(start.minus(Duration.ofMinutes(70)));
        });
    }

    @Test
    @DisplayName("before the show, counts the looks ready and names the first look as next, none out")
    void looks() {
        BoardState state = readAt(start.minus(Duration.ofHours(2)));

        assertThat(state.looks().total()).isEqualTo(show.show().looks().size());
        assertThat(state.looks().ready()).isZero();
        assertThat(state.looks().out()).isEmpty();
        assertThat(state.looks().next()).hasValueSatisfying(l -> assertThat(l.number()).isEqualTo(1));
        assertThat(state.looks().missingByStep()).isNotEmpty()
                .allSatisfy((step, count) -> assertThat(count).isEqualTo(show.show().looks().size()));
    }

    @Test
    @DisplayName("names the looks whose model is a no-show nobody replaces, and gives the next look past them")
    void looksWithoutModel() {
        // given Anya Petrova, who opens the show, marked a no-show with nobody in her place
        Instant now = start.minus(Duration.ofHours(2));
        String anya = show.show().look(1).orElseThrow().model();
        db.inTransaction(c -> {
            new NoShowRepository().mark(c, new NoShow(show.id(), "model:" + anya, PR, now));
            return null;
        });

        // when the board reads the state
        BoardState state = readAt(now);

        // then her looks have no model, miss no step, and look 2 is next
        java.util.List<Integer> hers = show.show().looksOf(anya).stream().map(l -> l.number()).toList();
        assertThat(state.looks().withoutModel()).isEqualTo(hers).startsWith(1);
        assertThat(state.looks().next()).hasValueSatisfying(l -> assertThat(l.number()).isEqualTo(2));
        assertThat(state.looks().missingByStep())
                .allSatisfy((step, count) -> assertThat(count).isEqualTo(show.show().looks().size() - hers.size()));
    }
}

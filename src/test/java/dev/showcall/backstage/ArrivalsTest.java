package dev.showcall.backstage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.show.CallPlanner;
import dev.showcall.show.ShowFiles;
import dev.showcall.store.ArrivalRepository;
import dev.showcall.store.FreshDatabase;
import dev.showcall.store.JdbcArrivalStore;
import dev.showcall.store.ShowRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Marking models arrived")
class ArrivalsTest {

    private static final long PR = 1190000000000000111L;
    private static final long OTHER_PR = 1190000000000000112L;

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase();

    private final TimelineEventRepository timeline = new TimelineEventRepository();
    private PlannedShow show;
    private Instant anyaCall;

    @BeforeEach
    void loadExample() throws Exception {
        ShowFiles.LoadedShow loaded = ShowFiles.load(Path.of("config/shows/maison-verre-aw27.yaml"));
        show = new PlannedShow(loaded.show(), CallPlanner.plan(loaded.show()));
        anyaCall = show.callOf(show.show().model("Anya Petrova").orElseThrow()).orElseThrow().at();
        fresh.inTransaction(c -> new ShowRepository().save(c, show.show(), show.sheet(), loaded.file().toString(),
                loaded.text(), Instant.EPOCH));
    }

    private Arrivals arrivalsAt(Instant now) {
        return new Arrivals(new JdbcArrivalStore(fresh.database(), new ArrivalRepository(), timeline),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private List<TimelineEvent> events() {
        return fresh.inTransaction(c -> timeline.forShow(c, show.id()));
    }

    @Test
    @DisplayName("records who marked her and how late she is against her call, with a timeline event")
    void marksLate() {
        Instant now = anyaCall.plus(Duration.ofMinutes(12)).plusSeconds(30);

        ArrivalResult result = arrivalsAt(now).markArrived(show, "Anya Petrova", PR);

        assertThat(result).isInstanceOfSatisfying(ArrivalResult.Marked.class, m -> {
            assertThat(m.arrival().markedBy()).hasValue(PR);
            assertThat(m.arrival().arrivedAt()).isEqualTo(now);
            assertThat(m.call()).contains(anyaCall);
            assertThat(Arrivals.describe(m.lateness().orElseThrow())).isEqualTo("12 min late");
        });
        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.ARRIVAL);
            assertThat(e.actorUserId()).hasValue(PR);
            assertThat(e.text()).isEqualTo("Anya Petrova arrived, 12 min late");
        });
    }

    @Test
    @DisplayName("measures lateness against her call as the show's delays moved it")
    void lateAgainstDelayedCall() {
        // given the show delayed by 30 minutes
        fresh.inTransaction(c -> new dev.showcall.store.DelayRepository().add(c, new Delay(0, show.id(), 30,
                "rig late", PR, anyaCall.minusSeconds(3600))));

        // when she arrives 5 minutes after her moved call
        ArrivalResult result = arrivalsAt(anyaCall.plus(Duration.ofMinutes(35))).markArrived(show, "Anya Petrova", PR);

        // then she is 5 minutes late, not 35
        assertThat(result).isInstanceOfSatisfying(ArrivalResult.Marked.class, m -> {
            assertThat(m.call()).contains(anyaCall.plus(Duration.ofMinutes(30)));
            assertThat(Arrivals.describe(m.lateness().orElseThrow())).isEqualTo("5 min late");
        });
    }

    @Test
    @DisplayName("finds the model whatever the case of the name typed")
    void caseInsensitive() {
        ArrivalResult result = arrivalsAt(anyaCall).markArrived(show, "  anya petrova ", PR);

        assertThat(result).isInstanceOfSatisfying(ArrivalResult.Marked.class,
                m -> assertThat(m.model().name()).isEqualTo("Anya Petrova"));
    }

    @Test
    @DisplayName("does not count a second mark, and tells who marked her first and when")
    void secondMark() {
        arrivalsAt(anyaCall).markArrived(show, "Anya Petrova", PR);

        ArrivalResult second = arrivalsAt(anyaCall.plusSeconds(300)).markArrived(show, "Anya Petrova", OTHER_PR);

        assertThat(second).isInstanceOfSatisfying(ArrivalResult.AlreadyMarked.class, a -> {
            assertThat(a.existing().markedBy()).hasValue(PR);
            assertThat(a.existing().arrivedAt()).isEqualTo(anyaCall);
        });
        assertThat(events()).hasSize(1);
    }

    @Test
    @DisplayName("answers an unknown name with the closest names and records nothing")
    void unknownName() {
        ArrivalResult result = arrivalsAt(anyaCall).markArrived(show, "Anya Petrva", PR);

        assertThat(result).isInstanceOfSatisfying(ArrivalResult.UnknownModel.class,
                u -> assertThat(u.suggestions()).first().isEqualTo("Anya Petrova"));
        assertThat(events()).isEmpty();
    }

    @Test
    @DisplayName("undoes a mark made by mistake, with its own timeline event")
    void undo() {
        arrivalsAt(anyaCall).markArrived(show, "Anya Petrova", PR);

        ArrivalResult undone = arrivalsAt(anyaCall.plusSeconds(60)).undoArrival(show, "Anya Petrova", OTHER_PR);

        assertThat(undone).isInstanceOf(ArrivalResult.Undone.class);
        assertThat(events()).extracting(TimelineEvent::kind).containsExactly(EventKind.ARRIVAL, EventKind.ARRIVAL_UNDONE);
        assertThat(arrivalsAt(anyaCall.plusSeconds(120)).markArrived(show, "Anya Petrova", PR))
                .as("she can be marked again").isInstanceOf(ArrivalResult.Marked.class);
    }

    @Test
    @DisplayName("has nothing to undo for a model who is not marked")
    void undoUnmarked() {
        ArrivalResult result = arrivalsAt(anyaCall).undoArrival(show, "Anya Petrova", PR);

        assertThat(result).isInstanceOf(ArrivalResult.NotMarked.class);
        assertThat(events()).isEmpty();
    }

    @Test
    @DisplayName("says lateness the way people say it backstage")
    void describesLateness() {
        assertThat(Arrivals.describe(Duration.ofSeconds(59))).isEqualTo("on time");
        assertThat(Arrivals.describe(Duration.ofMinutes(-5))).isEqualTo("5 min early");
        assertThat(Arrivals.describe(Duration.ofMinutes(65))).isEqualTo("1h05 late");
    }
}

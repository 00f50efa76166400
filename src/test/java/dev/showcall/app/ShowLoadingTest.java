package dev.showcall.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.showcall.backstage.Arrival;
import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.store.StoredShow;
import java.util.Optional;
import dev.showcall.store.ArrivalRepository;
import dev.showcall.store.Database;
import dev.showcall.store.FreshDatabase;
import dev.showcall.store.LoadResult;
import dev.showcall.store.ShowRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Loading show files into the database")
class ShowLoadingTest {

    private static final Path EXAMPLE = Path.of("config/shows/maison-verre-aw27.yaml");
    private static final String SHOW_ID = "maison-verre-aw27";
    private static final Instant NOW = Instant.parse("2027-02-21T09:00:00Z");

    @TempDir
    Path shows;

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase();

    private Database database;
    private ShowLoading loading;
    private final TimelineEventRepository timeline = new TimelineEventRepository();
    private final ShowRepository showRepository = new ShowRepository();

    @BeforeEach
    void freshDatabase() throws IOException {
        database = fresh.database();
        loading = new ShowLoading(database, showRepository, timeline, Clock.fixed(NOW, ZoneOffset.UTC));
        Files.copy(EXAMPLE, shows.resolve("show.yaml"));
    }


    private List<TimelineEvent> events() {
        return database.inTransaction(c -> timeline.forShow(c, SHOW_ID));
    }

    private void editExample(String from, String to) throws IOException {
        Path file = shows.resolve("show.yaml");
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }

    @Test
    @DisplayName("stores a new show with its whole call sheet and one timeline event")
    void newShow() throws Exception {
        List<ShowLoading.Loaded> loaded = loading.load(shows);

        assertThat(loaded).singleElement().satisfies(l -> assertThat(l.result().outcome()).isEqualTo(LoadResult.Outcome.NEW));
        int planned = loaded.get(0).sheet().calls().size();
        List<Call> stored = database.inTransaction(c -> showRepository.plannedCalls(c, SHOW_ID));
        assertThat(stored).hasSize(planned);
        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.SHOW_LOADED);
            assertThat(e.text()).contains(planned + " calls");
        });
    }

    @Test
    @DisplayName("is idempotent: loading the same file again writes nothing")
    void sameFileTwice() throws Exception {
        loading.load(shows);

        List<ShowLoading.Loaded> again = loading.load(shows);

        assertThat(again.get(0).result().outcome()).isEqualTo(LoadResult.Outcome.UNCHANGED);
        assertThat(events()).hasSize(1);
    }

    @Test
    @DisplayName("updates the plan from a changed file without touching what already happened")
    void changedFileKeepsTheDay() throws Exception {
        loading.load(shows);
        ArrivalRepository arrivals = new ArrivalRepository();
        String anya = CallPlanner.modelKey("Anya Petrova");
        database.runInTransaction(c -> arrivals.record(c,
                new Arrival(SHOW_ID, anya, NOW, 1190000000000000111L, NOW)));
        editExample("call: 7h", "call: 7h30m");

        List<ShowLoading.Loaded> reloaded = loading.load(shows);

        LoadResult result = reloaded.get(0).result();
        assertThat(result.outcome()).isEqualTo(LoadResult.Outcome.UPDATED);
        assertThat(result.changed()).isNotEmpty().allSatisfy(k -> assertThat(k).startsWith("crew:set-up:"));
        assertThat(result.added()).isEmpty();
        assertThat(result.removed()).isEmpty();
        Optional<Arrival> arrival = database.inTransaction(c -> arrivals.find(c, SHOW_ID, anya));
        assertThat(arrival).isPresent();
        assertThat(events()).extracting(TimelineEvent::kind).containsExactly(EventKind.SHOW_LOADED, EventKind.SHOW_LOADED);
    }

    @Test
    @DisplayName("refuses every file when one does not validate, and stores nothing")
    void oneBadFileStopsAll() throws Exception {
        Files.writeString(shows.resolve("zz-broken.yaml"),
                Files.readString(EXAMPLE).replace("id: maison-verre-aw27", "id: other-show")
                        .replace("time-zone: Europe/London", "time-zone: Europe/Londn"));

        assertThatThrownBy(() -> loading.load(shows))
                .isInstanceOfSatisfying(ShowLoading.InvalidShowsException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> assertThat(p).contains("zz-broken.yaml:").contains("time-zone")));
        Optional<StoredShow> show = database.inTransaction(c -> showRepository.find(c, SHOW_ID));
        assertThat(show).isEmpty();
    }

    @Test
    @DisplayName("refuses two files that claim the same show id")
    void duplicateShowIds() throws Exception {
        Files.copy(EXAMPLE, shows.resolve("copy.yaml"));

        assertThatThrownBy(() -> loading.load(shows))
                .isInstanceOfSatisfying(ShowLoading.InvalidShowsException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> assertThat(p).contains("show id 'maison-verre-aw27'")));
    }

    @Test
    @DisplayName("refuses an empty folder")
    void emptyFolder(@TempDir Path empty) {
        assertThatThrownBy(() -> loading.load(empty))
                .isInstanceOfSatisfying(ShowLoading.InvalidShowsException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p).contains("no show files")));
    }
}

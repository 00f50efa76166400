package dev.showcall.store;

import dev.showcall.show.Step;
import static dev.showcall.store.ShowFixture.SHOW_ID;
import static dev.showcall.store.ShowFixture.SOURCE_FILE;
import static dev.showcall.store.ShowFixture.SOURCE_TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.showcall.backstage.Arrival;
import dev.showcall.backstage.LookStep;
import dev.showcall.show.Call;
import dev.showcall.show.CallSheet;
import dev.showcall.show.Show;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("Saving a show")
class ShowRepositoryTest {

    /** To the microsecond, which both engines keep (see DatabaseTest for what each keeps below it). */
    private static final Instant FIRST_LOAD = Instant.parse("2027-02-20T09:00:00.123456Z");
    private static final Instant RELOAD = Instant.parse("2027-02-21T13:30:00Z");
    private static final String EDITED_TEXT = SOURCE_TEXT + "venue: \"180 The Strand\"\n";

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final ShowRepository shows = new ShowRepository();

    @Test
    @DisplayName("stores a show it has not seen as NEW, with every call added")
    void newShow() {
        // when a show is saved for the first time
        LoadResult result = save(ShowFixture.sheet(), SOURCE_TEXT, FIRST_LOAD);

        // then it is new and every call of its sheet is added
        assertThat(result.outcome()).isEqualTo(LoadResult.Outcome.NEW);
        assertThat(result.added()).containsExactlyElementsOf(keys(ShowFixture.calls()));
        assertThat(result.changed()).isEmpty();
        assertThat(result.removed()).isEmpty();
    }

    @Test
    @DisplayName("keeps the show as loaded: its Discord binding, zone, start and the file's text")
    void storesShowAsLoaded() {
        Show show = ShowFixture.show();
        save(ShowFixture.sheet(), SOURCE_TEXT, FIRST_LOAD);

        StoredShow stored = db.inTransaction(c -> shows.find(c, SHOW_ID)).orElseThrow();

        assertThat(stored.name()).isEqualTo("Maison Verre AW27");
        assertThat(stored.venue()).contains("180 The Strand");
        assertThat(stored.zone()).isEqualTo(ShowFixture.LONDON);
        assertThat(stored.startsAt()).isEqualTo(show.startInstant());
        assertThat(stored.discord()).isEqualTo(show.discord());
        assertThat(stored.sourceFile()).isEqualTo(SOURCE_FILE);
        assertThat(stored.sourceText()).isEqualTo(SOURCE_TEXT);
        assertThat(stored.sourceSha256()).hasSize(64).isEqualTo(ShowRepository.sha256(SOURCE_TEXT));
        assertThat(stored.loadedAt()).isEqualTo(FIRST_LOAD);
        assertThat(stored.updatedAt()).isEqualTo(FIRST_LOAD);
    }

    @Test
    @DisplayName("gives back the call sheet exactly as planned, in call order")
    void callSheetRoundTrips() {
        save(ShowFixture.sheet(), SOURCE_TEXT, FIRST_LOAD);

        List<Call> stored = db.inTransaction(c -> shows.plannedCalls(c, SHOW_ID));

        assertThat(stored).containsExactlyElementsOf(ShowFixture.calls());
    }

    @Test
    @DisplayName("finds nothing for a show never saved")
    void unknownShow() {
        Optional<StoredShow> stored = db.inTransaction(c -> shows.find(c, "no-such-show"));

        assertThat(stored).isEmpty();
    }

    @Test
    @DisplayName("reports the same file planned the same way as UNCHANGED and writes nothing")
    void identicalReload() {
        // given a saved show
        save(ShowFixture.sheet(), SOURCE_TEXT, FIRST_LOAD);

        // when the same file is saved again later
        LoadResult result = save(ShowFixture.sheet(), SOURCE_TEXT, RELOAD);

        // then nothing changed, not even the time of the last update
        assertThat(result).isEqualTo(new LoadResult(LoadResult.Outcome.UNCHANGED, List.of(), List.of(), List.of()));
        StoredShow stored = db.inTransaction(c -> shows.find(c, SHOW_ID)).orElseThrow();
        assertThat(stored.updatedAt()).isEqualTo(FIRST_LOAD);
    }

    @Test
    @DisplayName("reports a changed plan as UPDATED with exactly the added, changed and removed calls")
    void changedPlan() {
        // given a saved show
        save(ShowFixture.sheet(), SOURCE_TEXT, FIRST_LOAD);
        List<Call> calls = new ArrayList<>(ShowFixture.calls());
        Call anya = calls.get(3);
        Call bea = calls.get(4);

        // when Anya is called earlier, Bea is dropped and Cleo is added
        calls.set(3, ShowFixture.moved(anya, Duration.ofMinutes(180)));
        calls.remove(bea);
        Call cleo = ShowFixture.modelCall("Cleo Marsh", Duration.ofMinutes(90), 2);
        calls.add(cleo);
        LoadResult result = save(ShowFixture.sheet(ShowFixture.show(), calls), EDITED_TEXT, RELOAD);

        // then exactly those keys are reported
        assertThat(result.outcome()).isEqualTo(LoadResult.Outcome.UPDATED);
        assertThat(result.added()).containsExactly("model:Cleo Marsh");
        assertThat(result.changed()).containsExactly("model:Anya Petrova");
        assertThat(result.removed()).containsExactly("model:Bea Lind");
    }

    @Test
    @DisplayName("stores the changed plan in place of the old one")
    void changedPlanIsStored() {
        save(ShowFixture.sheet(), SOURCE_TEXT, FIRST_LOAD);
        List<Call> calls = new ArrayList<>(ShowFixture.calls());
        calls.set(0, ShowFixture.moved(calls.get(0), Duration.ofMinutes(300)));
        calls.remove(4);

        save(ShowFixture.sheet(ShowFixture.show(), calls), EDITED_TEXT, RELOAD);

        List<Call> stored = db.inTransaction(c -> shows.plannedCalls(c, SHOW_ID));
        assertThat(stored).containsExactlyInAnyOrderElementsOf(calls);
    }

    @Test
    @DisplayName("reports an edited file with the same plan as UPDATED with no calls to reschedule")
    void editedFileSamePlan() {
        // given a saved show
        save(ShowFixture.sheet(), SOURCE_TEXT, FIRST_LOAD);

        // when its file gains a comment but plans the same calls
        LoadResult result = save(ShowFixture.sheet(), SOURCE_TEXT + "# checked by the producer\n", RELOAD);

        // then the show is updated, its first load kept, and no call needs rescheduling
        StoredShow stored = db.inTransaction(c -> shows.find(c, SHOW_ID)).orElseThrow();
        assertThat(result).isEqualTo(new LoadResult(LoadResult.Outcome.UPDATED, List.of(), List.of(), List.of()));
        assertThat(stored.sourceText()).endsWith("# checked by the producer\n");
        assertThat(stored.loadedAt()).isEqualTo(FIRST_LOAD);
        assertThat(stored.updatedAt()).isEqualTo(RELOAD);
    }

    @Test
    @DisplayName("keeps what happened on the day when the file is reloaded, even for a call it drops")
    void reloadKeepsTheDay() {
        // given a saved show where Bea has arrived, look 1 has had its hair done and the timeline has an event
        save(ShowFixture.sheet(), SOURCE_TEXT, FIRST_LOAD);
        Arrival bea = new Arrival(SHOW_ID, "model:Bea Lind", FIRST_LOAD, ShowFixture.PR_LEAD, FIRST_LOAD);
        LookStep hair = new LookStep(SHOW_ID, 1, Step.HAIR, FIRST_LOAD, ShowFixture.PRIYA);
        db.database().runInTransaction(c -> {
            new ArrivalRepository().record(c, bea);
            new LookStepRepository().mark(c, hair);
            new TimelineEventRepository().append(c, TimelineEvent.of(SHOW_ID, FIRST_LOAD, EventKind.ARRIVAL,
                    OptionalLong.of(ShowFixture.PR_LEAD), Optional.of("model:Bea Lind"), "Bea Lind arrived"));
        });

        // when a reload drops Bea's call
        List<Call> calls = new ArrayList<>(ShowFixture.calls());
        calls.remove(4);
        LoadResult result = save(ShowFixture.sheet(ShowFixture.show(), calls), EDITED_TEXT, RELOAD);

        // then her arrival, the look step and the event are all still there
        assertThat(result.removed()).containsExactly("model:Bea Lind");
        db.database().runInTransaction(c -> {
            assertThat(new ArrivalRepository().find(c, SHOW_ID, "model:Bea Lind")).contains(bea);
            assertThat(new LookStepRepository().forShow(c, SHOW_ID)).containsExactly(hair);
            assertThat(new TimelineEventRepository().forShow(c, SHOW_ID)).hasSize(1);
        });
    }

    @Test
    @DisplayName("refuses a call sheet planned for another show")
    void sheetOfAnotherShow() {
        CallSheet other = ShowFixture.sheet(ShowFixture.show("another-show"), ShowFixture.calls());

        assertThatThrownBy(() -> db.inTransaction(c ->
                shows.save(c, ShowFixture.show(), other, SOURCE_FILE, SOURCE_TEXT, FIRST_LOAD)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another-show");
    }

    @Test
    @DisplayName("refuses a call sheet with two calls under one key")
    void duplicateKeys() {
        List<Call> calls = new ArrayList<>(ShowFixture.calls());
        calls.add(ShowFixture.moved(calls.get(0), Duration.ofMinutes(200)));

        assertThatThrownBy(() -> save(ShowFixture.sheet(ShowFixture.show(), calls), SOURCE_TEXT, FIRST_LOAD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(calls.get(0).key());
    }

    private LoadResult save(CallSheet sheet, String text, Instant now) {
        return db.inTransaction(c -> shows.save(c, sheet.show(), sheet, SOURCE_FILE, text, now));
    }

    private static List<String> keys(List<Call> calls) {
        return calls.stream().map(Call::key).toList();
    }
}

package dev.showcall.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.callsheet.SentLine;
import dev.showcall.callsheet.SheetLine;
import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Show;
import dev.showcall.show.ShowFiles;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.CallSheetRepository;
import dev.showcall.store.FreshDatabase;
import dev.showcall.store.ShowRepository;
import dev.showcall.store.TimelineEventRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Call sheets: what each one tells, and Got it")
class CallSheetsTest {

    private static final Path EXAMPLE = Path.of("config/shows/maison-verre-aw27.yaml");

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    /** The calls each DM was asked to tell, in order. */
    private final List<Call> told = new ArrayList<>();
    private PlannedShow show;
    private CallSheets sheets;
    private Call someone;

    @BeforeEach
    void saveShow() throws Exception {
        Show example = ShowFiles.load(EXAMPLE).show();
        show = new PlannedShow(example, CallPlanner.plan(example));
        Instant dayBefore = example.startInstant().minus(Duration.ofDays(1));
        db.inTransaction(c -> new ShowRepository().save(c, example, show.sheet(), EXAMPLE.toString(), "", dayBefore));
        CallSheetNotifier notifier = (key, s, call, delay, before, ping) -> {
            told.add(call);
            return CompletableFuture.completedFuture(PingOutcome.DM);
        };
        sheets = new CallSheets(db.database(), new CallPingRepository(), new TimelineEventRepository(), () -> null,
                notifier, Clock.fixed(dayBefore, ZoneOffset.UTC));
        someone = show.sheet().calls().stream().filter(c -> c.userId().isPresent()).findFirst().orElseThrow();
    }

    private Function<String, CompletableFuture<PingOutcome>> sheetOf(PlannedShow of, Call call) {
        return sheets.sheetFor(of, call.key(), CallPing.CALL_SHEET).orElseThrow();
    }

    @Test
    @DisplayName("writes what a call sheet tells before it is sent, and a retry tells the same after the plan changed")
    void writtenBeforeSent() {
        sheetOf(show, someone).apply("key");
        Call moved = new SheetLine(someone.at().plusSeconds(1800), Optional.of("Studio 2"), someone.leadUserId(),
                someone.notes()).applyTo(someone);
        PlannedShow replanned = new PlannedShow(show.show(), new dev.showcall.show.CallSheet(show.show(),
                show.sheet().calls().stream().map(c -> c.key().equals(someone.key()) ? moved : c).toList(),
                show.sheet().waves(), show.sheet().quickChanges(), show.sheet().milestones()));

        sheetOf(replanned, moved).apply("key");

        Optional<SentLine> written = db.inTransaction(c -> new CallSheetRepository().find(c, show.id(), someone.key(),
                CallPing.CALL_SHEET));
        assertThat(written).map(SentLine::line).contains(SheetLine.of(someone));
        assertThat(told).extracting(SheetLine::of).containsExactly(SheetLine.of(someone), SheetLine.of(someone));
    }

    @Test
    @DisplayName("refuses Got it from someone whose call sheet it is not, and records nothing")
    void notYours() {
        sheetOf(show, someone).apply("key");
        long other = someone.userId().getAsLong() + 1;

        CallSheets.Acknowledgement outcome = sheets.acknowledge(show, someone.key(), CallPing.CALL_SHEET, other);

        Optional<SentLine> line = db.inTransaction(c -> new CallSheetRepository().find(c, show.id(), someone.key(),
                CallPing.CALL_SHEET));
        assertThat(outcome).isInstanceOf(CallSheets.Acknowledgement.NotYours.class);
        assertThat(line).hasValueSatisfying(l -> assertThat(l.acknowledgedAt()).isEmpty());
    }

    @Test
    @DisplayName("knows no Got it on a call sheet that was never sent")
    void unknown() {
        CallSheets.Acknowledgement outcome = sheets.acknowledge(show, someone.key(), CallPing.CALL_SHEET,
                someone.userId().getAsLong());

        assertThat(outcome).isInstanceOf(CallSheets.Acknowledgement.Unknown.class);
    }

    @Test
    @DisplayName("has nobody's receipt before the call sheet has gone out")
    void noReceiptsBefore() {
        assertThat(sheets.receipts(show)).isEmpty();
    }

    @Test
    @DisplayName("sends nothing to someone whose call has passed")
    void callPassed() {
        CallSheets late = new CallSheets(db.database(), new CallPingRepository(), new TimelineEventRepository(),
                () -> null, (key, s, call, delay, before, ping) -> CompletableFuture.completedFuture(PingOutcome.DM),
                Clock.fixed(someone.at(), ZoneOffset.UTC));

        assertThat(late.sheetFor(show, someone.key(), CallPing.CALL_SHEET)).isEmpty();
    }
}

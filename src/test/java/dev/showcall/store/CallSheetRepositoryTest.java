package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.showcall.backstage.CallPing;
import dev.showcall.callsheet.SentLine;
import dev.showcall.callsheet.SheetLine;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("The call sheets sent ahead")
class CallSheetRepositoryTest {

    private static final Instant WRITTEN = Instant.parse("2027-02-20T19:00:00.123456Z");
    private static final Instant CALL = Instant.parse("2027-02-21T14:30:00Z");
    private static final String KEY = "crew:hair:1190000000000000101";
    private static final long PRIYA = ShowFixture.PRIYA;
    private static final SheetLine LINE = new SheetLine(CALL, Optional.of("Salon, level -1"),
            OptionalLong.of(ShowFixture.PR_LEAD), Optional.of("Bring your own brushes"));
    private static final String UPDATE = CallPing.callSheetUpdate("0123456789ab");

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final CallSheetRepository sheets = new CallSheetRepository();

    @BeforeEach
    void saveShow() {
        ShowFixture.saveShow(db, SHOW_ID, WRITTEN.minusSeconds(86_400));
    }

    private boolean write(String ping, SheetLine line, Instant at) {
        return db.inTransaction(c -> sheets.write(c, SentLine.unacknowledged(SHOW_ID, KEY, ping, line, at)));
    }

    private Optional<SentLine> find(String ping) {
        return db.inTransaction(c -> sheets.find(c, SHOW_ID, KEY, ping));
    }

    @Test
    @DisplayName("keeps what a call sheet told, to the microsecond, with nothing pressed yet")
    void writeAndFind() {
        boolean written = write(CallPing.CALL_SHEET, LINE, WRITTEN);

        assertThat(written).isTrue();
        assertThat(find(CallPing.CALL_SHEET))
                .contains(SentLine.unacknowledged(SHOW_ID, KEY, CallPing.CALL_SHEET, LINE, WRITTEN));
        assertThat(find(UPDATE)).isEmpty();
    }

    @Test
    @DisplayName("keeps a line without meeting point, lead or notes as empty, not as blanks")
    void emptyParts() {
        SheetLine bare = new SheetLine(CALL, Optional.empty(), OptionalLong.empty(), Optional.empty());

        write(CallPing.CALL_SHEET, bare, WRITTEN);

        assertThat(find(CallPing.CALL_SHEET)).map(SentLine::line).contains(bare);
    }

    @Test
    @DisplayName("is written once: a retry keeps what the first attempt wrote")
    void writtenOnce() {
        write(CallPing.CALL_SHEET, LINE, WRITTEN);
        SheetLine later = new SheetLine(CALL.plusSeconds(1800), Optional.empty(), OptionalLong.empty(), Optional.empty());

        boolean again = write(CallPing.CALL_SHEET, later, WRITTEN.plusSeconds(5));

        assertThat(again).isFalse();
        assertThat(find(CallPing.CALL_SHEET)).map(SentLine::line).contains(LINE);
    }

    @Test
    @DisplayName("records Got it once: a second press leaves who and when as the first one made them")
    void acknowledgedOnce() {
        write(CallPing.CALL_SHEET, LINE, WRITTEN);
        Instant pressed = WRITTEN.plusSeconds(60);

        boolean first = db.inTransaction(c -> sheets.acknowledge(c, SHOW_ID, KEY, CallPing.CALL_SHEET, PRIYA, pressed));
        boolean second = db.inTransaction(c -> sheets.acknowledge(c, SHOW_ID, KEY, CallPing.CALL_SHEET, PRIYA,
                pressed.plusSeconds(30)));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(find(CallPing.CALL_SHEET)).hasValueSatisfying(l -> {
            assertThat(l.acknowledgedBy()).hasValue(PRIYA);
            assertThat(l.acknowledgedAt()).contains(pressed);
        });
    }

    @Test
    @DisplayName("records Got it on nothing when no such call sheet was sent")
    void acknowledgeUnknown() {
        boolean recorded = db.inTransaction(c -> sheets.acknowledge(c, SHOW_ID, KEY, UPDATE, PRIYA, WRITTEN));

        assertThat(recorded).isFalse();
        assertThat(find(UPDATE)).isEmpty();
    }

    @Test
    @DisplayName("lists a show's call sheets in the order they were written, and no other show's")
    void forShow() {
        ShowFixture.saveShow(db, "other-show", WRITTEN.minusSeconds(86_400));
        write(UPDATE, LINE, WRITTEN.plusSeconds(600));
        write(CallPing.CALL_SHEET, LINE, WRITTEN);
        db.database().runInTransaction(c -> sheets.write(c, SentLine.unacknowledged("other-show", KEY, CallPing.CALL_SHEET, LINE,
                WRITTEN)));

        List<SentLine> lines = db.inTransaction(c -> sheets.forShow(c, SHOW_ID));

        assertThat(lines).extracting(SentLine::ping).containsExactly(CallPing.CALL_SHEET, UPDATE);
    }

    @Test
    @DisplayName("the ping table takes the call sheet and its updates, and nothing else by that name")
    void pingTableTakesCallSheets() {
        CallPingRepository pings = new CallPingRepository();

        boolean sheet = db.inTransaction(c -> pings.claim(c, SHOW_ID, KEY, CallPing.CALL_SHEET, WRITTEN, WRITTEN));
        boolean update = db.inTransaction(c -> pings.claim(c, SHOW_ID, KEY, UPDATE, WRITTEN, WRITTEN));

        assertThat(sheet).isTrue();
        assertThat(update).isTrue();
        assertThatThrownBy(() -> db.database().runInTransaction(c -> c.createStatement().executeUpdate(
                "INSERT INTO call_ping (show_id, call_key, ping, due_at, claimed_at) VALUES ('" + SHOW_ID + "', '"
                        + KEY + "', 'callsheet:xyz', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")))
                .satisfies(e -> assertThat(rootCause(e).getMessage()).containsIgnoringCase("ck_call_ping_ping"));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}

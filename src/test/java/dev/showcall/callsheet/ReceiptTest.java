package dev.showcall.callsheet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.show.Account;
import dev.showcall.show.Call;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Where someone stands with the call sheet sent ahead")
class ReceiptTest {

    private static final Instant CLAIMED = Instant.parse("2027-02-20T19:00:00Z");
    private static final Instant SENT = CLAIMED.plusMillis(300);
    private static final Instant PRESSED = SENT.plusSeconds(600);
    private static final SheetLine LINE = new SheetLine(Instant.parse("2027-02-21T14:00:00Z"), Optional.empty(),
            OptionalLong.empty(), Optional.empty());
    private static final Call PRIYA = SheetLineTest.call(LINE);
    private static final String UPDATE = LINE.updateAfter(CallPing.CALL_SHEET);

    private static CallPing claimed(String ping, Instant at) {
        return new CallPing("show", PRIYA.key(), ping, at, at, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static CallPing sent(String ping, Instant at, PingOutcome outcome) {
        return new CallPing("show", PRIYA.key(), ping, at, at, Optional.of(at.plusMillis(300)),
                Optional.of(Duration.ZERO), Optional.of(outcome), Optional.empty());
    }

    private static SentLine acknowledged(String ping) {
        return new SentLine("show", PRIYA.key(), ping, LINE, CLAIMED, OptionalLong.of(1L), Optional.of(PRESSED));
    }

    @Test
    @DisplayName("not sent yet, before anything went to them")
    void notSent() {
        assertThat(Receipt.of(PRIYA, List.of(), List.of()))
                .contains(new Receipt(Receipt.State.NOT_SENT, Optional.empty(), false));
    }

    @Test
    @DisplayName("sending, while Discord has not taken it yet")
    void sending() {
        assertThat(Receipt.of(PRIYA, List.of(claimed(CallPing.CALL_SHEET, CLAIMED)), List.of()))
                .map(Receipt::state).contains(Receipt.State.SENDING);
    }

    @Test
    @DisplayName("received when Discord took the DM, and since when")
    void received() {
        assertThat(Receipt.of(PRIYA, List.of(sent(CallPing.CALL_SHEET, CLAIMED, PingOutcome.DM)), List.of()))
                .contains(new Receipt(Receipt.State.RECEIVED, Optional.of(SENT), false));
    }

    @Test
    @DisplayName("confirmed, with when they pressed Got it")
    void confirmed() {
        assertThat(Receipt.of(PRIYA, List.of(sent(CallPing.CALL_SHEET, CLAIMED, PingOutcome.DM)),
                List.of(acknowledged(CallPing.CALL_SHEET))))
                .contains(new Receipt(Receipt.State.GOT_IT, Optional.of(PRESSED), false));
    }

    @Test
    @DisplayName("DMs closed, when it went to the calls channel instead")
    void dmsClosed() {
        assertThat(Receipt.of(PRIYA, List.of(sent(CallPing.CALL_SHEET, CLAIMED, PingOutcome.CHANNEL)), List.of()))
                .map(Receipt::state).contains(Receipt.State.DMS_CLOSED);
    }

    @Test
    @DisplayName("about the last update once one went out: Got it on the first sheet does not confirm it")
    void update() {
        List<CallPing> pings = List.of(sent(CallPing.CALL_SHEET, CLAIMED, PingOutcome.DM),
                sent(UPDATE, CLAIMED.plusSeconds(3600), PingOutcome.DM));

        assertThat(Receipt.of(PRIYA, pings, List.of(acknowledged(CallPing.CALL_SHEET))))
                .contains(new Receipt(Receipt.State.RECEIVED, Optional.of(CLAIMED.plusSeconds(3600).plusMillis(300)),
                        true));
    }

    @Test
    @DisplayName("not linked for an account nobody on the server has; none for a line called through a role")
    void notLinkedAndRoles() {
        Call notLinked = new Call(PRIYA.key(), Call.Kind.CREW, "hair", "Hair", "Priya Shah", OptionalLong.empty(),
                OptionalLong.empty(), LINE.callAt(), Duration.ofHours(5), "Hair call", OptionalInt.empty(), List.of(),
                Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.of(Account.username("priya")));
        Call role = new Call("crew:runners:role:6", Call.Kind.CREW, "runners", "Runners", "Runners",
                OptionalLong.empty(), OptionalLong.of(6L), LINE.callAt(), Duration.ofHours(5), "Runners call",
                OptionalInt.empty(), List.of(), Optional.empty(), OptionalLong.empty(), Optional.empty());

        assertThat(Receipt.of(notLinked, List.of(), List.of())).map(Receipt::state).contains(Receipt.State.NOT_LINKED);
        assertThat(Receipt.of(role, List.of(), List.of())).isEmpty();
    }
}

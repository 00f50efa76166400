package dev.showcall.calls;

import static dev.showcall.backstage.TwelveLooks.ANYA_USER;
import static dev.showcall.backstage.TwelveLooks.GIA_USER;
import static dev.showcall.backstage.TwelveLooks.ROSA;
import static dev.showcall.backstage.TwelveLooks.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.TwelveLooks;
import dev.showcall.show.Call;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Whose DMs are known to be closed")
class ClosedDmsTest {

    private static final PlannedShow SHOW = TwelveLooks.planned();
    private static final Instant AFTERNOON = Instant.parse("2027-02-21T15:00:00Z");

    /** A ping to {@code subject} sent {@code minutes} into the afternoon, as {@code outcome}. */
    private static CallPing sent(String subject, String ping, int minutes, PingOutcome outcome) {
        Instant at = AFTERNOON.plus(Duration.ofMinutes(minutes));
        return new CallPing(SHOW.id(), subject, ping, at, at, Optional.of(at), Optional.of(Duration.ZERO),
                Optional.of(outcome), Optional.empty());
    }

    private static String callOf(long user) {
        return SHOW.sheet().calls().stream().filter(c -> c.userId().isPresent() && c.userId().getAsLong() == user)
                .map(Call::key).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("are those whose call went to the calls channel because the DM failed")
    void callInTheChannel() {
        // given Rosa's call could not be sent by DM, and Sam's could
        List<CallPing> pings = List.of(sent(callOf(ROSA), CallPing.CALL, 0, PingOutcome.CHANNEL),
                sent(callOf(SAM), CallPing.CALL, 0, PingOutcome.DM));

        // then only Rosa's DMs are closed
        assertThat(ClosedDms.of(SHOW, pings)).containsExactly(ROSA);
    }

    @Test
    @DisplayName("count a notice to someone as well as their call")
    void notice() {
        // given a replacement notice to Gia went to the calls channel
        List<CallPing> pings = List.of(sent(ReplacementNotice.subject(GIA_USER), CallPing.replaced(3), 5,
                PingOutcome.CHANNEL));

        // then her DMs are closed
        assertThat(ClosedDms.of(SHOW, pings)).containsExactly(GIA_USER);
    }

    @Test
    @DisplayName("go by the last message: a DM that went through since opens them again")
    void lastMessageCounts() {
        // given Anya's call went to the channel, then her replacement notice reached her by DM
        List<CallPing> pings = List.of(sent(callOf(ANYA_USER), CallPing.CALL, 0, PingOutcome.CHANNEL),
                sent(ReplacementNotice.subject(ANYA_USER), CallPing.replaced(3), 10, PingOutcome.DM),
                sent(callOf(ROSA), CallPing.CALL, 10, PingOutcome.DM),
                sent(ReplacementNotice.subject(ROSA), CallPing.replaced(3), 20, PingOutcome.CHANNEL));

        // then Anya's are open again, and Rosa's closed since
        assertThat(ClosedDms.of(SHOW, pings)).containsExactly(ROSA);
    }

    @Test
    @DisplayName("leave out announcements, milestones, dropped reminders and pings not sent yet")
    void onlyMessagesToAPerson() {
        // given an announcement in the calls channel, a dropped reminder and a claimed but unsent call
        Instant at = AFTERNOON;
        List<CallPing> pings = List.of(sent(Announcements.department("dressers"), CallPing.CALL, 0, PingOutcome.CHANNEL),
                sent(callOf(SAM), CallPing.reminder(Duration.ofHours(1)), 0, PingOutcome.DROPPED),
                new CallPing(SHOW.id(), callOf(ROSA), CallPing.CALL, at, at, Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty()));

        // then nobody's DMs are known to be closed
        assertThat(ClosedDms.of(SHOW, pings)).isEmpty();
    }
}

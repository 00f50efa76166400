package dev.showcall.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A ping's lateness: how late it goes out, and what held it")
class LatenessTest {

    private static final Instant DUE = Instant.parse("2027-02-21T14:00:00Z");
    private static final String DISCORD = "Discord was not answering";
    private static final String CHANNEL = "the calls channel's rate limit held it";

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = DUE;

        void at(Duration afterDue) {
            now = DUE.plus(afterDue);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final HandClock clock = new HandClock();

    @Test
    @DisplayName("says nothing within five seconds of the ping's time")
    void onTime() {
        Lateness late = new Lateness(DUE, Lateness.BUSY, clock);
        clock.at(Lateness.ON_TIME);

        assertThat(late.note()).isEmpty();
        assertThat(late.told()).isEmpty();
    }

    @Test
    @DisplayName("says how late to the second under a minute, to the minute after, and that showcall was offline")
    void offline() {
        Lateness late = new Lateness(DUE, Lateness.OFFLINE, clock);

        clock.at(Duration.ofMillis(31_900));
        assertThat(late.note()).contains("31s late: showcall was offline");
        clock.at(Duration.ofSeconds(7 * 60 + 42));
        assertThat(late.note()).contains("7m late: showcall was offline");
        assertThat(late.told()).contains("7m late: showcall was offline");
    }

    @Test
    @DisplayName("names what held it longest: a failed send counts for the reason it failed, until the retry")
    void costliestReason() {
        // given a ping handed over 2 s late, whose send failed 4 s later, retried 5 s after that
        Lateness late = new Lateness(DUE, Lateness.BUSY, clock);
        clock.at(Duration.ofSeconds(2));
        assertThat(late.note()).isEmpty();
        clock.at(Duration.ofSeconds(6));
        late.heldBy(DISCORD);
        clock.at(Duration.ofSeconds(11));

        // then Discord held it 9 s of the 11
        assertThat(late.note()).contains("11s late: " + DISCORD);
    }

    @Test
    @DisplayName("adds up the waits of one kind, and counts a message composed again for what held it before")
    void waitsAddUp() {
        // given 10 s offline, 6 s in the channel's queue, a send that failed after 1 s and waited 11 s for its retry,
        // then 4 s in the channel's queue, composed but not sent (the message was full), and 4 s more there
        Lateness late = new Lateness(DUE, Lateness.OFFLINE, clock);
        clock.at(Duration.ofSeconds(10));
        late.heldBy(CHANNEL);
        clock.at(Duration.ofSeconds(16));
        late.note();
        clock.at(Duration.ofSeconds(17));
        late.heldBy(DISCORD);
        clock.at(Duration.ofSeconds(28));
        late.heldBy(CHANNEL);
        clock.at(Duration.ofSeconds(32));
        late.note();
        clock.at(Duration.ofSeconds(36));

        // then the channel held it 14 s, Discord 12 s and showcall 10 s
        assertThat(late.note()).contains("36s late: " + CHANNEL);
    }

    @Test
    @DisplayName("measures against the ping's time as a delay moved it")
    void delayed() {
        Lateness late = new Lateness(DUE, Lateness.BUSY, clock);
        clock.at(Duration.ofSeconds(40));
        late.dueAt(DUE.plusSeconds(38));

        assertThat(late.note()).isEmpty();
    }
}

package dev.showcall.calls;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.calendar.CallCalendar;
import dev.showcall.show.Call;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Someone's own call as it stands: the plan's time moved by the delays declared so far, and their calendar file.
 * What {@code /mycall} answers on Discord and the personal page shows, from one place.
 */
public final class PersonalCalls {

    private final Function<String, Duration> delayOf;
    private final Clock clock;

    /** @param delayOf how late a show runs by the delays declared so far (their sum), by the show's id */
    public PersonalCalls(Function<String, Duration> delayOf, Clock clock) {
        this.delayOf = delayOf;
        this.clock = clock;
    }

    /**
     * A call as it stands.
     *
     * @param at    when the person is called now: the planned time moved by {@code delay}
     * @param delay the sum of the show's delays declared so far; zero when none
     */
    public record Card(Call call, Instant at, Duration delay) {
        public Card {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(delay, "delay");
        }

        /** When the plan called them, before any delay. */
        public Instant planned() {
            return call.at();
        }

        public boolean moved() {
            return !delay.isZero();
        }
    }

    /** The show's delays so far, summed. */
    public Duration delay(String showId) {
        return delayOf.apply(showId);
    }

    public Card card(PlannedShow show, Call call) {
        Duration delay = delay(show.id());
        return new Card(call, call.at().plus(delay), delay);
    }

    /** The calls as an iCalendar file, moved by the delays so far; the same UIDs as the plan's export. */
    public String calendar(PlannedShow show, List<Call> calls) {
        return CallCalendar.of(show.show(), calls, delay(show.id()), clock.instant());
    }
}

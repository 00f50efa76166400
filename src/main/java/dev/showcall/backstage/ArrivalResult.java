package dev.showcall.backstage;

import dev.showcall.show.Model;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What marking a model arrived came to. */
public sealed interface ArrivalResult {

    /**
     * She is marked arrived now.
     *
     * @param lateness how long after her call she arrived; negative when early, empty without a call
     */
    record Marked(Model model, Arrival arrival, Optional<Instant> call, Optional<Duration> lateness)
            implements ArrivalResult {
    }

    /** She was marked before; nothing changed. */
    record AlreadyMarked(Model model, Arrival existing) implements ArrivalResult {
    }

    /** Unmarked, as asked. */
    record Undone(Model model, Arrival removed) implements ArrivalResult {
    }

    /** Undo asked for a model who is not marked arrived. */
    record NotMarked(Model model) implements ArrivalResult {
    }

    /** No model of the show has that name; these are the closest. */
    record UnknownModel(String typed, List<String> suggestions) implements ArrivalResult {
    }
}

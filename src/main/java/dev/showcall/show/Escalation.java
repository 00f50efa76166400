package dev.showcall.show;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who hears of someone who has not confirmed their call, or not arrived, and when: a ladder of steps for each
 * condition, each step a wait counted from the call and what is done then. A ladder the show file leaves out
 * is the show's default one ({@link #over}); an empty one is none.
 */
public record Escalation(Map<Condition, List<Step>> ladders) {

    public static final Escalation NONE = new Escalation(Map.of());

    /** What keeps someone on a ladder. */
    public enum Condition {
        NOT_CONFIRMED("not-confirmed", "unconfirmed", "c", "has not confirmed their call"),
        NOT_ARRIVED("not-arrived", "absent", "a", "has not arrived");

        private final String field;
        private final String token;
        private final String code;
        private final String describe;

        Condition(String field, String token, String code, String describe) {
            this.field = field;
            this.token = token;
            this.code = code;
            this.describe = describe;
        }

        /** One letter for it, where room is short: a button's custom id. */
        public String code() {
            return code;
        }

        public static Optional<Condition> ofCode(String code) {
            return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
        }

        /** Its name in the show file. */
        public String field() {
            return field;
        }

        /** Its name in a step's ping and in a button's custom id. */
        public String token() {
            return token;
        }

        /** "has not arrived", after a name. */
        public String describe() {
            return describe;
        }

        public static Optional<Condition> ofToken(String token) {
            return Arrays.stream(values()).filter(c -> c.token.equals(token)).findFirst();
        }
    }

    /** What a step does. */
    public enum Action {
        /** A DM to the person again, with the call's buttons. */
        DM_AGAIN("dm-again", "DM again"),
        /** A DM to their department's lead, with "I reached them". */
        DM_LEAD("dm-lead", "lead told"),
        /** A post in the calls channel mentioning them. */
        CALLS_CHANNEL("calls-channel", "called out in the calls channel"),
        /** A DM to every producer; for a model, with "Offer standby". */
        PRODUCERS("producers", "producers told");

        private final String label;
        private final String done;

        Action(String label, String done) {
            this.label = label;
            this.done = done;
        }

        /** Its name in the show file. */
        public String label() {
            return label;
        }

        /** What /calls says once it is done: "lead told". */
        public String done() {
            return done;
        }

        public static Optional<Action> ofLabel(String label) {
            return Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst();
        }

        public static List<String> labels() {
            return Arrays.stream(values()).map(Action::label).toList();
        }
    }

    /** One rung: {@code after} the call, {@code action}. */
    public record Step(Duration after, Action action) {
    }

    public Escalation {
        EnumMap<Condition, List<Step>> copy = new EnumMap<>(Condition.class);
        ladders.forEach((condition, steps) -> copy.put(condition, List.copyOf(steps)));
        ladders = Map.copyOf(copy);
    }

    /** The ladder for {@code condition}; empty when there is none. */
    public List<Step> ladder(Condition condition) {
        return ladders.getOrDefault(condition, List.of());
    }

    /** Whether the show file gave a ladder for {@code condition} here, even an empty one. */
    public boolean gives(Condition condition) {
        return ladders.containsKey(condition);
    }

    /** These ladders, with {@code fallback}'s for the conditions these leave out. */
    public Escalation over(Escalation fallback) {
        EnumMap<Condition, List<Step>> merged = new EnumMap<>(Condition.class);
        merged.putAll(fallback.ladders);
        merged.putAll(ladders);
        return new Escalation(merged);
    }

    public boolean isEmpty() {
        return ladders.values().stream().allMatch(List::isEmpty);
    }
}

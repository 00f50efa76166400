package dev.showcall.discord.commands;

import dev.showcall.backstage.Lineup;
import dev.showcall.backstage.LookState;
import dev.showcall.show.Closest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Autocomplete for a look: "7 · Anya Petrova · Black wool coat", sending the number. */
final class LookChoices {

    private LookChoices() {
    }

    /** The looks closest to what was typed, those still to walk first; at most {@code limit}. */
    static List<Suggestion> rank(Lineup lineup, String typed, int limit) {
        Map<String, LookState> byLabel = new LinkedHashMap<>();
        lineup.toWalk().forEach(l -> byLabel.put(label(l), l));
        lineup.looks().stream().filter(LookState::walked).forEach(l -> byLabel.put(label(l), l));
        List<String> ranked = typed.isBlank()
                ? new ArrayList<>(byLabel.keySet())
                : Closest.ranked(typed, byLabel.keySet(), byLabel.size());
        return ranked.stream().limit(limit)
                .map(label -> Suggestion.of(label, byLabel.get(label).number()))
                .toList();
    }

    /** In full: {@link Choices} cuts it to what Discord shows. */
    private static String label(LookState look) {
        return look.label() + (look.walked() ? " (walked)" : look.withoutModel() ? " (no model)" : "");
    }
}

package dev.showcall.discord.commands;

import dev.showcall.backstage.Lineup;
import dev.showcall.backstage.LookState;
import dev.showcall.show.Closest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.interactions.commands.Command;

/** Autocomplete for a look: "7 · Anya Petrova · Black wool coat", sending the number. */
final class LookChoices {

    /** Discord's limit on a choice's name. */
    private static final int MAX_NAME = 100;

    private LookChoices() {
    }

    /** The looks closest to what was typed, those still to walk first; at most {@code limit}. */
    static List<Command.Choice> rank(Lineup lineup, String typed, int limit) {
        Map<String, LookState> byLabel = new LinkedHashMap<>();
        lineup.toWalk().forEach(l -> byLabel.put(label(l), l));
        lineup.looks().stream().filter(LookState::walked).forEach(l -> byLabel.put(label(l), l));
        List<String> ranked = typed.isBlank()
                ? new ArrayList<>(byLabel.keySet())
                : Closest.ranked(typed, byLabel.keySet(), byLabel.size());
        return ranked.stream().limit(limit)
                .map(label -> new Command.Choice(label, byLabel.get(label).number()))
                .toList();
    }

    private static String label(LookState look) {
        String label = look.label() + (look.walked() ? " (walked)" : look.withoutModel() ? " (no model)" : "");
        return label.length() <= MAX_NAME ? label : label.substring(0, MAX_NAME - 1) + "…";
    }
}

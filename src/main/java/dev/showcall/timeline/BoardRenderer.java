package dev.showcall.timeline;

import dev.showcall.show.LookNumbers;
import dev.showcall.text.UserText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a {@link BoardState} as the board's embed. Pure: the same state gives the same board,
 * which lets the feed skip an edit that would change nothing. Long lists are summarised ("and 12
 * more") so that the board stays inside Discord's embed limits whatever the size of the show.
 */
public final class BoardRenderer {

    public static final String MODELS = "Models";
    static final String CREW = "Crew";
    static final String LOOKS = "Looks";
    static final String OUT = "Out now";
    static final String NEXT = "Next look";

    /** Room kept for names shown as typed in the show file: a title or a milestone never takes the board over. */
    private static final int MAX_NAME = 200;

    private BoardRenderer() {
    }

    public static Board render(BoardState state) {
        List<Board.Field> fields = new ArrayList<>();
        fields.add(new Board.Field(MODELS, models(state.arrivals()), false));
        if (!state.crew().isEmpty()) {
            fields.add(new Board.Field(CREW, crew(state.crew()), false));
        }
        fields.add(new Board.Field(LOOKS, looks(state.looks()), false));
        state.looks().out().ifPresent(look -> fields.add(new Board.Field(OUT, look(look, false), true)));
        state.looks().next().ifPresent(look -> fields.add(new Board.Field(NEXT, look(look, true), true)));
        return new Board(cut("📋 " + UserText.inline(state.showName(), MAX_NAME), Board.MAX_TITLE), clock(state), fields);
    }

    static String clock(BoardState state) {
        StringBuilder text = new StringBuilder("🕒 Starts ").append(time(state.start()))
                .append(" (").append(relative(state.start())).append(")");
        if (!state.delay().isZero()) {
            text.append(" · ").append(delay(state.delay()));
        }
        state.nextMilestone().ifPresentOrElse(
                m -> text.append("\n⏭️ Next: **").append(UserText.inline(m.name(), MAX_NAME)).append("** ")
                        .append(time(m.at())).append(" (").append(relative(m.at())).append(")"),
                () -> text.append("\n⏭️ No milestone left"));
        text.append(namedLine("⏫ Escalated", state.escalated(), Board.MAX_FIELD_VALUE));
        return text.toString();
    }

    private static String delay(Duration delay) {
        long minutes = Math.abs(delay.toMinutes());
        return delay.isNegative() ? "brought forward " + minutes + " min" : "⏳ delayed " + minutes + " min";
    }

    static String models(BoardState.Arrivals arrivals) {
        StringBuilder text = new StringBuilder("**").append(arrivals.arrived()).append(" / ")
                .append(arrivals.expected()).append("** arrived");
        int left = Board.MAX_FIELD_VALUE - text.length();
        String late = namedLine("⚠️ Late", arrivals.late(), arrivals.noShows().isEmpty() ? left : left / 2);
        text.append(late);
        text.append(namedLine("🚫 No-show", arrivals.noShows(), Board.MAX_FIELD_VALUE - text.length()));
        return text.toString();
    }

    /** "\n⚠️ Late (3): Anya, Bea and 1 more", within {@code budget} characters; empty for nobody. */
    private static String namedLine(String label, List<String> names, int budget) {
        if (names.isEmpty()) {
            return "";
        }
        String head = "\n" + label + " (" + names.size() + "): ";
        return head + summarise(names.stream().map(UserText::inline).toList(), ", ", budget - head.length());
    }

    static String crew(List<BoardState.DepartmentConfirmations> departments) {
        List<String> lines = departments.stream()
                .map(d -> "**" + UserText.inline(d.name(), MAX_NAME) + "** " + d.confirmed() + "/" + d.total() + " confirmed"
                        + (d.here() > 0 ? ", " + d.here() + " here" : ""))
                .toList();
        return summarise(lines, "\n", Board.MAX_FIELD_VALUE);
    }

    static String looks(LooksSection looks) {
        if (looks.total() == 0) {
            return "No looks planned";
        }
        StringBuilder text = new StringBuilder("**").append(looks.ready()).append(" / ").append(looks.total())
                .append("** ready");
        if (!looks.missingByStep().isEmpty()) {
            text.append("\nMissing: ").append(looks.missingByStep().entrySet().stream()
                    .map(BoardRenderer::missingCount).collect(Collectors.joining(" · ")));
        }
        if (!looks.withoutModel().isEmpty()) {
            int count = looks.withoutModel().size();
            text.append("\n⚠️ ").append(count).append(count == 1 ? " look has" : " looks have").append(" no model: ")
                    .append(LookNumbers.ranges(looks.withoutModel()));
        }
        return cut(text.toString(), Board.MAX_FIELD_VALUE);
    }

    private static String missingCount(Map.Entry<String, Integer> step) {
        return step.getKey() + " " + step.getValue();
    }

    static String look(LooksSection.LookLine look, boolean withReadiness) {
        String line = "**" + look.number() + "** · " + UserText.inline(look.model(), MAX_NAME)
                + (look.description().isBlank() ? "" : " — " + UserText.inline(look.description(), MAX_NAME));
        if (withReadiness) {
            line += look.ready() ? "\n✅ ready" : "\n❌ missing " + String.join(", ", look.missing());
        }
        return cut(line, Board.MAX_FIELD_VALUE);
    }

    /**
     * As many items as fit in {@code budget} characters, joined, then "and N more" for the rest.
     * The budget holds the whole result.
     */
    static String summarise(List<String> items, String separator, int budget) {
        // "Anya, Bea and 2 more" on one line; "and 2 more" on a line of its own in a list of lines
        String and = separator.startsWith("\n") ? separator : " ";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            String item = (i == 0 ? "" : separator) + items.get(i);
            int rest = items.size() - i - 1;
            String more = rest == 0 ? "" : and + "and " + rest + " more";
            if (text.length() + item.length() + more.length() > budget) {
                String cutOff = (i == 0 ? "" : and) + "and " + (items.size() - i) + " more";
                return text.length() + cutOff.length() <= budget ? text + cutOff : cut(text.toString(), budget);
            }
            text.append(item);
        }
        return text.toString();
    }

    static String cut(String text, int max) {
        return UserText.cut(text, max);
    }

    static String time(Instant at) {
        return "<t:" + at.getEpochSecond() + ":t>";
    }

    static String relative(Instant at) {
        return "<t:" + at.getEpochSecond() + ":R>";
    }
}

package dev.showcall.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The board renderer")
class BoardRendererTest {

    private static final Instant START = Instant.parse("2027-02-21T19:00:00Z");
    private static final BoardState.Arrivals NOBODY = new BoardState.Arrivals(0, 24, List.of(), List.of());

    private static BoardState state(Duration delay, Optional<BoardState.NextMilestone> next, BoardState.Arrivals arrivals,
                                    List<BoardState.DepartmentConfirmations> crew, LooksSection looks) {
        return new BoardState("Maison Verre AW27", START.plus(delay), delay, next, arrivals, crew, looks);
    }

    private static BoardState plain() {
        return state(Duration.ZERO, Optional.empty(), NOBODY, List.of(), LooksSection.none());
    }

    private static String field(Board board, String name) {
        return board.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().value();
    }

    private static boolean hasField(Board board, String name) {
        return board.fields().stream().anyMatch(f -> f.name().equals(name));
    }

    @Test
    @DisplayName("titles the board with the show's name")
    void title() {
        // given a show; when rendered
        Board board = BoardRenderer.render(plain());

        // then
        assertThat(board.title()).isEqualTo("📋 Maison Verre AW27");
    }

    @Test
    @DisplayName("shows the start as a local time and a countdown, every reader in their own zone")
    void clock() {
        Board board = BoardRenderer.render(plain());

        assertThat(board.description()).startsWith("🕒 Starts <t:" + START.getEpochSecond() + ":t> (<t:"
                + START.getEpochSecond() + ":R>)").doesNotContain("delayed");
    }

    @Test
    @DisplayName("lists who is escalated under the clock, and nobody when no ladder is climbing")
    void escalated() {
        // given two people a ladder is climbing for
        BoardState state = new BoardState("Maison Verre AW27", START, Duration.ZERO, Optional.empty(), NOBODY,
                List.of(), LooksSection.none(), List.of("Siobhan Kelly", "Anya Petrova"));

        // when rendered
        Board board = BoardRenderer.render(state);

        // then they are counted and named; a plain board says nothing of it
        assertThat(board.description()).endsWith("\n⏫ Escalated (2): Siobhan Kelly, Anya Petrova");
        assertThat(BoardRenderer.render(plain()).description()).doesNotContain("Escalated");
    }

    @Test
    @DisplayName("shows the delay and the start it gives")
    void delay() {
        BoardState delayed = state(Duration.ofMinutes(25), Optional.empty(), NOBODY, List.of(), LooksSection.none());

        Board board = BoardRenderer.render(delayed);

        long start = START.plus(Duration.ofMinutes(25)).getEpochSecond();
        assertThat(board.description()).contains("<t:" + start + ":t>").contains("delayed 25 min");
    }

    @Test
    @DisplayName("shows the next milestone with its time")
    void nextMilestone() {
        Instant at = START.minus(Duration.ofMinutes(90));
        BoardState state = state(Duration.ZERO, Optional.of(new BoardState.NextMilestone("Rehearsal", at)), NOBODY,
                List.of(), LooksSection.none());

        Board board = BoardRenderer.render(state);

        assertThat(board.description()).contains("Next: **Rehearsal** <t:" + at.getEpochSecond() + ":t>");
    }

    @Test
    @DisplayName("shows arrivals out of those expected, with the late and the no-show names")
    void arrivals() {
        BoardState.Arrivals arrivals = new BoardState.Arrivals(12, 23, List.of("Anya Petrova", "Bea_Moss"),
                List.of("Cleo Ray"));
        BoardState state = state(Duration.ZERO, Optional.empty(), arrivals, List.of(), LooksSection.none());

        String models = field(BoardRenderer.render(state), BoardRenderer.MODELS);

        assertThat(models).isEqualTo("**12 / 23** arrived\n⚠️ Late (2): Anya Petrova, Bea\\_Moss\n🚫 No-show (1): Cleo Ray");
    }

    @Test
    @DisplayName("shows mention and timestamp syntax in names as text, not as a mention")
    void mentionsInNames() {
        BoardState.Arrivals arrivals = new BoardState.Arrivals(0, 2, List.of("<@&1190000000000000005> Ava", "@here Bo"),
                List.of("<t:1800000000:R>"));
        BoardState state = state(Duration.ZERO, Optional.empty(), arrivals, List.of(), LooksSection.none());

        String models = field(BoardRenderer.render(state), BoardRenderer.MODELS);

        assertThat(models).isEqualTo("**0 / 2** arrived\n⚠️ Late (2): \\<@&1190000000000000005> Ava, \\@here Bo"
                + "\n🚫 No-show (1): \\<t:1800000000:R>");
    }

    @Test
    @DisplayName("shows each department's confirmations")
    void crew() {
        List<BoardState.DepartmentConfirmations> crew = List.of(
                new BoardState.DepartmentConfirmations("Hair", 4, 2, 6),
                new BoardState.DepartmentConfirmations("Dressers", 0, 0, 3));
        BoardState state = state(Duration.ZERO, Optional.empty(), NOBODY, crew, LooksSection.none());

        String value = field(BoardRenderer.render(state), BoardRenderer.CREW);

        assertThat(value).isEqualTo("**Hair** 4/6 confirmed, 2 here\n**Dressers** 0/3 confirmed");
    }

    @Test
    @DisplayName("shows looks ready out of the total and how many looks miss each step")
    void looks() {
        Map<String, Integer> missing = new LinkedHashMap<>();
        missing.put("hair", 12);
        missing.put("dressed", 30);
        LooksSection looks = new LooksSection(10, 40, missing, Optional.empty(), Optional.empty());

        String value = field(BoardRenderer.render(state(Duration.ZERO, Optional.empty(), NOBODY, List.of(), looks)),
                BoardRenderer.LOOKS);

        assertThat(value).isEqualTo("**10 / 40** ready\nMissing: hair 12 · dressed 30");
    }

    @Test
    @DisplayName("warns of the looks that have no model, naming them")
    void looksWithoutModel() {
        List<Integer> stranded = IntStream.rangeClosed(1, 20).boxed().toList();
        LooksSection looks = new LooksSection(0, 40, Map.of(), Optional.empty(),
                Optional.of(new LooksSection.LookLine(21, "Zoe Hart", "Red trench", false, List.of("hair"))), stranded);

        Board board = BoardRenderer.render(state(Duration.ZERO, Optional.empty(), NOBODY, List.of(), looks));

        assertThat(field(board, BoardRenderer.LOOKS)).isEqualTo("**0 / 40** ready\n⚠️ 20 looks have no model: 1–20");
        assertThat(field(board, BoardRenderer.NEXT)).startsWith("**21** · Zoe Hart");
    }

    @Test
    @DisplayName("with one look without a model, says so in the singular")
    void oneLookWithoutModel() {
        LooksSection looks = new LooksSection(3, 4, Map.of(), Optional.empty(), Optional.empty(), List.of(4));

        String value = field(BoardRenderer.render(state(Duration.ZERO, Optional.empty(), NOBODY, List.of(), looks)),
                BoardRenderer.LOOKS);

        assertThat(value).endsWith("\n⚠️ 1 look has no model: 4");
    }

    @Test
    @DisplayName("during the show, shows the look that is out and the next one with what it still misses")
    void outAndNext() {
        LooksSection looks = new LooksSection(1, 2, Map.of("hair", 1),
                Optional.of(new LooksSection.LookLine(7, "Anya Petrova", "Black wool coat", true, List.of())),
                Optional.of(new LooksSection.LookLine(8, "Bea Moss", "Silk dress", false, List.of("hair", "makeup"))));

        Board board = BoardRenderer.render(state(Duration.ZERO, Optional.empty(), NOBODY, List.of(), looks));

        assertThat(field(board, BoardRenderer.OUT)).isEqualTo("**7** · Anya Petrova — Black wool coat");
        assertThat(field(board, BoardRenderer.NEXT)).isEqualTo("**8** · Bea Moss — Silk dress\n❌ missing hair, makeup");
    }

    @Test
    @DisplayName("leaves out the look that is out before the first has walked")
    void noLookOutBeforeTheShow() {
        Board board = BoardRenderer.render(plain());

        assertThat(hasField(board, BoardRenderer.OUT)).isFalse();
        assertThat(field(board, BoardRenderer.LOOKS)).isEqualTo("No looks planned");
    }

    @Test
    @DisplayName("with 60 models and 80 looks, all late and no-show, half the looks without a model, and 30 departments, stays inside every embed limit")
    void largeShowFits() {
        List<String> late = IntStream.rangeClosed(1, 40).mapToObj(i -> "Model with a long agency name " + i).toList();
        List<String> noShows = IntStream.rangeClosed(41, 60).mapToObj(i -> "Model with a long agency name " + i).toList();
        List<BoardState.DepartmentConfirmations> crew = new ArrayList<>();
        IntStream.rangeClosed(1, 30).forEach(i -> crew.add(
                new BoardState.DepartmentConfirmations("Department number " + i + " of the show", i, 0, 40)));
        Map<String, Integer> missing = new LinkedHashMap<>();
        List.of("hair", "makeup", "nails", "dressed", "accessories").forEach(s -> missing.put(s, 80));
        LooksSection looks = new LooksSection(0, 80, missing,
                Optional.of(new LooksSection.LookLine(79, "x".repeat(300), "y".repeat(2000), true, List.of())),
                Optional.of(new LooksSection.LookLine(80, "x".repeat(300), "y".repeat(2000), false,
                        List.of("hair", "makeup", "nails", "dressed", "accessories"))),
                IntStream.rangeClosed(1, 79).filter(i -> i % 2 == 1).boxed().toList());
        BoardState state = new BoardState("S".repeat(400), START, Duration.ofMinutes(-30),
                Optional.of(new BoardState.NextMilestone("M".repeat(5000), START)),
                new BoardState.Arrivals(0, 40, late, noShows), crew, looks);

        Board board = BoardRenderer.render(state);

        assertThat(board.title()).hasSizeLessThanOrEqualTo(Board.MAX_TITLE);
        assertThat(board.description()).hasSizeLessThanOrEqualTo(Board.MAX_DESCRIPTION);
        assertThat(board.fields()).hasSizeLessThanOrEqualTo(Board.MAX_FIELDS)
                .allSatisfy(f -> assertThat(f.value()).hasSizeLessThanOrEqualTo(Board.MAX_FIELD_VALUE));
        assertThat(board.totalLength()).isLessThanOrEqualTo(Board.MAX_TOTAL);
        assertThat(field(board, BoardRenderer.MODELS)).contains("⚠️ Late (40)").contains("more")
                .contains("🚫 No-show (20)");
        assertThat(field(board, BoardRenderer.CREW)).endsWith("more");
        assertThat(field(board, BoardRenderer.LOOKS)).contains("⚠️ 40 looks have no model: 1, 3, 5");
    }

    @Test
    @DisplayName("summarises a list that does not fit as the names that do and a count of the rest")
    void summarise() {
        String text = BoardRenderer.summarise(List.of("Anya", "Bea", "Cleo", "Dana"), ", ", 20);

        assertThat(text).isEqualTo("Anya, Bea and 2 more");
    }

    @Test
    @DisplayName("renders the same state to the same board, so an unchanged board is not edited")
    void pure() {
        assertThat(BoardRenderer.render(plain())).isEqualTo(BoardRenderer.render(plain()));
    }
}

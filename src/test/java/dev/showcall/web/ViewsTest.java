package dev.showcall.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Show;
import dev.showcall.show.ShowReader;
import dev.showcall.timeline.Board;
import dev.showcall.timeline.BoardRenderer;
import dev.showcall.timeline.BoardState;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.LooksSection;
import dev.showcall.timeline.TimelineEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What the screen shows")
class ViewsTest {

    private static final Instant NOW = Instant.parse("2027-02-21T18:20:00Z");
    private static final long PR = 1190000000000000111L;
    private static final LongFunction<String> NAMES = id -> id == PR ? "Charlotte Ashby" : "not found on Discord";

    private static PlannedShow show;

    @BeforeAll
    static void readExampleShow() throws IOException {
        Show read = ShowReader.read("maison-verre-aw27.yaml",
                Files.readString(Path.of("config/shows/maison-verre-aw27.yaml"))).show().orElseThrow();
        show = new PlannedShow(read, CallPlanner.plan(read));
    }

    /** The afternoon as the board would read it: ten minutes' delay, most models in, the first looks under way. */
    private static BoardState afternoon() {
        Map<String, Integer> missing = new LinkedHashMap<>();
        missing.put("dressed", 37);
        missing.put("accessories", 40);
        LooksSection looks = new LooksSection(2, 40, missing, Optional.empty(),
                Optional.of(new LooksSection.LookLine(1, "Anya Petrova", "Black coat", false, List.of("accessories"))),
                List.of(17));
        return new BoardState(show.show().name(), Instant.parse("2027-02-21T19:10:00Z"), Duration.ofMinutes(10),
                Optional.of(new BoardState.NextMilestone("Phones-away lockdown", Instant.parse("2027-02-21T18:50:00Z"))),
                new BoardState.Arrivals(19, 23, List.of("Jade Nguyen"), List.of("Rafael Mendes")),
                List.of(new BoardState.DepartmentConfirmations("Hair", 4, 3, 6),
                        new BoardState.DepartmentConfirmations("Dressers", 8, 8, 8)),
                looks);
    }

    @Test
    @DisplayName("the same figures as the board, from the same state")
    void sameAsTheBoard() {
        BoardState state = afternoon();

        JsonNode view = Views.screen(show, state, List.of(), NAMES, NOW);
        Board board = BoardRenderer.render(state);

        String models = board.fields().stream().filter(f -> f.name().equals(BoardRenderer.MODELS)).findFirst()
                .orElseThrow().value();
        assertThat(models).contains("**19 / 23** arrived", "Jade Nguyen", "Rafael Mendes");
        assertThat(view.path("models").path("arrived").asInt()).isEqualTo(19);
        assertThat(view.path("models").path("expected").asInt()).isEqualTo(23);
        assertThat(view.path("models").path("late").toString()).isEqualTo("[\"Jade Nguyen\"]");
        assertThat(view.path("models").path("noShows").toString()).isEqualTo("[\"Rafael Mendes\"]");
        assertThat(view.path("looks").path("ready").asInt()).isEqualTo(2);
        assertThat(view.path("looks").path("total").asInt()).isEqualTo(40);
        assertThat(view.path("looks").path("withoutModel").toString()).isEqualTo("[17]");
        assertThat(view.path("looks").path("missingByStep").path("accessories").asInt()).isEqualTo(40);
    }

    @Test
    @DisplayName("the start with the delay, the next milestone and the show's clock, in the show's zone")
    void clock() {
        JsonNode view = Views.screen(show, afternoon(), List.of(), NAMES, NOW);

        assertThat(view.path("start").asLong()).isEqualTo(Instant.parse("2027-02-21T19:10:00Z").toEpochMilli());
        assertThat(view.path("delayMinutes").asInt()).isEqualTo(10);
        assertThat(view.path("nextMilestone").path("name").asText()).isEqualTo("Phones-away lockdown");
        assertThat(view.path("now").asLong()).as("the show's clock, not the browser's").isEqualTo(NOW.toEpochMilli());
        assertThat(view.path("zone").asText()).isEqualTo("Europe/London");
        assertThat(view.path("show").asText()).isEqualTo(show.show().name());
    }

    @Test
    @DisplayName("the next look with what it still misses, and each department's confirmations")
    void nextLookAndCrew() {
        JsonNode view = Views.screen(show, afternoon(), List.of(), NAMES, NOW);

        assertThat(view.path("looks").path("next").path("number").asInt()).isEqualTo(1);
        assertThat(view.path("looks").path("next").path("missing").toString()).isEqualTo("[\"accessories\"]");
        assertThat(view.path("looks").has("out")).as("nothing is out before the show").isFalse();
        assertThat(view.path("crew").get(0).path("name").asText()).isEqualTo("Hair");
        assertThat(view.path("crew").get(0).path("confirmed").asInt()).isEqualTo(4);
        assertThat(view.path("crew").get(0).path("total").asInt()).isEqualTo(6);
    }

    @Test
    @DisplayName("the log as plain text: names for mentions, the show's local time for timestamps, who did it")
    void log() {
        TimelineEvent event = new TimelineEvent(41, show.id(), NOW, EventKind.ARRIVAL, OptionalLong.of(PR),
                Optional.of("model:Anya Petrova"), "✅ **Anya Petrova** arrived <t:" + NOW.getEpochSecond()
                + ":t> (marked by <@" + PR + ">)", Optional.empty());

        JsonNode line = Views.screen(show, afternoon(), List.of(event), NAMES, NOW).path("log").get(0);

        assertThat(line.path("id").asLong()).isEqualTo(41);
        assertThat(line.path("text").asText()).isEqualTo("✅ Anya Petrova arrived 18:20 (marked by @Charlotte Ashby)");
        assertThat(line.path("by").asText()).isEqualTo("Charlotte Ashby");
    }
}

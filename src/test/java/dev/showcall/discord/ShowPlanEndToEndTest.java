package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.CREW;
import static dev.showcall.discord.ShowcallOnStub.GUILD;
import static dev.showcall.discord.ShowcallOnStub.PR;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER;
import static dev.showcall.discord.ShowcallOnStub.SHOW_ID;
import static dev.showcall.discord.ShowcallOnStub.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.showcall.discord.commands.ShowCommand;
import dev.showcall.discord.commands.ShowPlanCommand;
import dev.showcall.discord.stub.InteractionResponse;
import dev.showcall.discord.stub.RegisteredCommand;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.CallSheetFormat;
import dev.showcall.show.ShowReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("/show plan, end to end with the real JDA client against the Discord stub")
class ShowPlanEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Instant NOW = Instant.parse("2027-02-21T10:00:00Z");

    @TempDir
    Path dir;

    private ShowcallOnStub bot;

    @BeforeEach
    void startShowcall() {
        bot = ShowcallOnStub.start(dir, NOW);
    }

    @AfterEach
    void everyRequestKeptDiscordsRules() {
        try {
            assertThat(bot.stub.violations()).as("requests that break Discord's limits or schemas").isEmpty();
        } finally {
            bot.close();
        }
    }

    private InteractionResponse plan(long by) {
        return bot.stub.slash(SlashCommandInvocation.of(ShowCommand.NAME + " " + ShowPlanCommand.NAME)
                .by(by).in(TIMELINE)).awaitResponse(WAIT);
    }

    @Test
    @DisplayName("is registered as the plan subcommand of /show, with the show option on it")
    void registered() {
        RegisteredCommand show = bot.stub.commands(GUILD).stream()
                .filter(c -> c.name().equals(ShowCommand.NAME)).findFirst().orElseThrow();

        JsonNode plan = show.json().path("options").get(0);
        assertThat(plan.path("name").asText()).isEqualTo(ShowPlanCommand.NAME);
        assertThat(plan.path("options").get(0).path("name").asText()).isEqualTo("show");
    }

    @Test
    @DisplayName("gives a producer the call sheet as a CSV file, ephemerally, with its first lines in the answer")
    void producerGetsTheSheet() {
        String expected = CallSheetFormat.CSV.render(CallPlanner.plan(
                ShowReader.read("show.yaml", ShowcallOnStub.showYaml()).show().orElseThrow()));

        InteractionResponse reply = plan(PRODUCER);

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.message().content()).contains("```csv\nlocal_time,utc_time,offset,department,who")
                .contains(SHOW_ID + "-calls.csv");
        assertThat(reply.message().fileText(SHOW_ID + "-calls.csv")).contains(expected);
    }

    @Test
    @DisplayName("refuses anyone who is not a producer, with no file")
    void othersRefused() {
        InteractionResponse byPr = plan(PR);
        InteractionResponse byCrew = plan(CREW);

        assertThat(byPr.message().content()).contains("Only producers");
        assertThat(byCrew.message().content()).contains("Only producers");
        assertThat(byPr.message().json().path("attachments")).isEmpty();
        assertThat(byCrew.message().json().path("attachments")).isEmpty();
    }
}

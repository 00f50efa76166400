package dev.showcall.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.discord.AfterShowReports;
import dev.showcall.store.FreshDatabase;
import dev.showcall.store.ReportReader;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The report as a Discord message")
class ReportMessageTest {

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    private PlayedOutDay day;
    private ReportInput input;

    @BeforeEach
    void playTheDay() throws Exception {
        day = PlayedOutDay.load().playInto(db.database());
        input = db.inTransaction(c -> new ReportReader().read(c, day.id())).orElseThrow();
    }

    @Test
    @DisplayName("carries the Markdown, the CSV and the four pictures, within Discord's file and size limits")
    void withinLimits() {
        // when the played-out day's report is made a message
        ReportMessage message = ReportMessage.of(ReportBuilder.build(input));

        // then it has six files, under ten and under 10 MiB together, and a summary under 2000 characters
        assertThat(message.files()).extracting(ReportCharts.Picture::fileName).hasSize(6)
                .startsWith(day.id() + "-report.md", day.id() + "-report.csv");
        assertThat(message.files()).hasSizeLessThanOrEqualTo(ReportMessage.MAX_FILES);
        assertThat(ReportMessage.size(message.files())).isLessThanOrEqualTo(ReportMessage.MAX_BYTES);
        assertThat(message.content()).hasSizeLessThanOrEqualTo(2000)
                .contains(PlayedOutDay.LATE_MODEL + " 18 min")
                .contains(PlayedOutDay.NO_SHOW + " → " + PlayedOutDay.STANDBY)
                .contains("Looks walked unready: " + PlayedOutDay.UNREADY_LOOK + ".");
    }

    @Test
    @DisplayName("posted by itself, says so in its first line, which a report asked for does not start with")
    void automaticHeadline() {
        ShowReport report = ReportBuilder.build(input);

        String automatic = ReportMessage.automatic(report).content();
        String asked = ReportMessage.of(report).content();

        assertThat(automatic).startsWith(ReportMessage.headline(report.showName(), true) + "\n");
        assertThat(asked).startsWith(ReportMessage.headline(report.showName(), false) + "\n")
                .doesNotStartWith(ReportMessage.headline(report.showName(), true));
    }

    @Test
    @DisplayName("is due at the debrief milestone, moved by the day's delay")
    void dueAtTheDebrief() {
        // given the example's debrief milestone
        var debrief = day.show.milestones().stream()
                .filter(m -> m.name().toLowerCase(Locale.ROOT).contains("debrief")).findFirst().orElseThrow();

        // then the automatic report is due then, plus the delay
        assertThat(AfterShowReports.dueAt(input)).hasValue(day.show.resolve(debrief.at())
                .plus(Duration.ofMinutes(PlayedOutDay.DELAY_MINUTES)));
    }
}

package dev.showcall.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.store.FreshDatabase;
import dev.showcall.store.ReportReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The report's pictures")
class ReportChartsTest {

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    private PlayedOutDay day;
    private ShowReport report;

    @BeforeEach
    void playTheDay() throws Exception {
        day = PlayedOutDay.load().playInto(db.database());
        report = db.inTransaction(c -> new ReportReader().read(c, day.id())).map(ReportBuilder::build).orElseThrow();
    }

    @Test
    @DisplayName("are four PNGs at Discord's preview width, each as tall as its rows need")
    void decodeAtPreviewWidth() throws Exception {
        // when the pictures of the played-out day are drawn
        List<ReportCharts.Picture> pictures = ReportCharts.of(report);

        // then each decodes as a PNG 800 pixels wide, the timelines one row per person or walked look
        assertThat(pictures).extracting(ReportCharts.Picture::fileName).containsExactly(
                day.id() + "-people.png", day.id() + "-looks.png", day.id() + "-lateness-departments.png",
                day.id() + "-lateness-agencies.png");
        int[] rows = {report.people().size(), report.looks().size(), report.byDepartment().size() * 2,
                report.byAgency().size() * 2};
        for (int i = 0; i < pictures.size(); i++) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(pictures.get(i).png()));
            assertThat(image).as(pictures.get(i).fileName()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(ReportCharts.WIDTH);
            assertThat(image.getHeight()).as(pictures.get(i).fileName()).isEqualTo(ReportCharts.height(rows[i]));
        }
    }

    @Test
    @DisplayName("draw the planned call sheet one row per call, 800 pixels wide")
    void planPicture() throws Exception {
        // when the example's call sheet is drawn
        byte[] png = ReportCharts.plan(day.sheet);

        // then it decodes at the preview width, one row per call
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(ReportCharts.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ReportCharts.height(day.sheet.calls().size()));
    }
}

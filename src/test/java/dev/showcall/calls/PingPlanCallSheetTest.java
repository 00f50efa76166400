package dev.showcall.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Show;
import dev.showcall.show.ShowReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The ping plan of a show whose call sheet goes out by itself")
class PingPlanCallSheetTest {

    private static PlannedShow example(String extraLine) throws Exception {
        String yaml = Files.readString(Path.of("config/shows/maison-verre-aw27.yaml"));
        Show show = ShowReader.read("example.yaml", yaml.replaceFirst("(?m)^start:", extraLine + "start:"))
                .show().orElseThrow();
        return new PlannedShow(show, CallPlanner.plan(show));
    }

    @Test
    @DisplayName("plans one ping for everyone's call sheet at the show file's time, first of all")
    void onePingAtItsTime() throws Exception {
        PlannedShow show = example("call-sheet: T-24h\n");

        PlannedPing first = PingPlan.of(show).get(0);

        assertThat(first.isCallSheet()).isTrue();
        assertThat(first.due()).isEqualTo(show.show().startInstant().minus(Duration.ofHours(24)));
        assertThat(PingPlan.of(show)).filteredOn(PlannedPing::isCallSheet).hasSize(1);
    }

    @Test
    @DisplayName("plans none when the call sheet goes out only on a producer's command")
    void noneWithoutTheField() throws Exception {
        assertThat(PingPlan.of(example(""))).noneMatch(PlannedPing::isCallSheet);
    }
}

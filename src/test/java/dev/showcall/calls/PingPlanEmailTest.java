package dev.showcall.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Show;
import dev.showcall.show.ShowFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The pings of someone only email reaches")
class PingPlanEmailTest {

    private static final Path EXAMPLE = Path.of("config/shows/maison-verre-aw27.yaml");

    @Test
    @DisplayName("are a call, its reminders and both ladders, as for someone on Discord; without an email, none of those")
    void callRemindersAndLadders() throws Exception {
        // given the example show, where Lena Hoffmann has an email and no Discord
        Show example = ShowFiles.load(EXAMPLE).show();
        PlannedShow show = new PlannedShow(example, CallPlanner.plan(example));
        Call lena = show.call(CallPlanner.modelKey("Lena Hoffmann")).orElseThrow();
        Call withoutEmail = show.sheet().calls().stream().filter(c -> c.kind() == Call.Kind.MODEL
                && c.userId().isEmpty() && !c.notLinked() && !RoutedNotifier.byEmail(show, c)).findFirst().orElseThrow();

        // when the pings are planned
        List<PlannedPing> pings = PingPlan.of(show);

        // then she is called and reminded, and a model without Discord or email only checked on
        List<String> hers = pings.stream().filter(p -> p.subjectKey().equals(lena.key())).map(PlannedPing::ping).toList();
        assertThat(hers).contains(PlannedPing.CALL);
        assertThat(hers).filteredOn(p -> p.startsWith("reminder")).hasSize(lena.reminders().size());
        assertThat(pings).filteredOn(p -> p.subjectKey().equals(withoutEmail.key())).extracting(PlannedPing::ping)
                .doesNotContain(PlannedPing.CALL).noneMatch(p -> p.startsWith("reminder"));
    }
}

package dev.showcall.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Show;
import dev.showcall.show.ShowFiles;
import dev.showcall.store.ArrivalRepository;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.ConfirmationRepository;
import dev.showcall.store.DelayRepository;
import dev.showcall.store.FreshDatabase;
import dev.showcall.store.NoShowRepository;
import dev.showcall.store.ShowRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Call statuses: when a model counts as late")
class CallStatusesTest {

    private static final Path EXAMPLE = Path.of("config/shows/maison-verre-aw27.yaml");

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    private final CallPingRepository pings = new CallPingRepository();
    private PlannedShow show;

    @BeforeEach
    void saveShow() throws Exception {
        Show example = ShowFiles.load(EXAMPLE).show();
        show = new PlannedShow(example, CallPlanner.plan(example));
        db.inTransaction(c -> new ShowRepository().save(c, example, show.sheet(), EXAMPLE.toString(), "",
                example.startInstant().minus(Duration.ofDays(1))));
    }

    private Call call(String model) {
        return show.call(CallPlanner.modelKey(model)).orElseThrow();
    }

    private void sent(Call call, Instant at) {
        db.inTransaction(c -> {
            pings.claim(c, show.id(), call.key(), CallPing.CALL, call.at(), at);
            pings.complete(c, show.id(), call.key(), CallPing.CALL, at, Duration.between(call.at(), at),
                    PingOutcome.DM, Optional.empty());
            return null;
        });
    }

    private CallStatuses.State stateAt(Instant now, Call call) {
        CallStatuses statuses = new CallStatuses(db.database(), pings, new ConfirmationRepository(),
                new ArrivalRepository(), new DelayRepository(), new NoShowRepository(), Clock.fixed(now, ZoneOffset.UTC));
        return statuses.of(show).stream().filter(s -> s.call().key().equals(call.key())).findFirst().orElseThrow()
                .state();
    }

    @Test
    @DisplayName("a model whose call went out late is late at her planned call plus the grace, as her alert says")
    void callSentLate() {
        // given Adut Garang's call went out 15 minutes late, showcall having been down
        Call adut = call("Adut Garang");
        sent(adut, adut.at().plus(Duration.ofMinutes(15)));

        // when it is a minute past her planned call plus the grace
        CallStatuses.State state = stateAt(adut.at().plus(show.show().noShowGrace()).plusSeconds(60), adut);

        // then she shows as late
        assertThat(state).isEqualTo(CallStatuses.State.LATE);
    }

    @Test
    @DisplayName("a standby called early to replace someone is not late before her planned call plus the grace")
    void calledEarly() {
        // given Jade Nguyen was called 80 minutes before her call, to replace a no-show
        Call jade = call("Jade Nguyen");
        Instant calledAt = jade.at().minus(Duration.ofMinutes(80));
        sent(jade, calledAt);

        // when twenty minutes have passed since
        CallStatuses.State state = stateAt(calledAt.plus(Duration.ofMinutes(20)), jade);

        // then she is called, not late
        assertThat(state).isEqualTo(CallStatuses.State.CALLED);
    }
}

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

@DisplayName("Call statuses: when a model counts as late, and how each person is reached")
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

    private CallStatuses.Status statusAt(Instant now, Call call, java.util.function.BiPredicate<PlannedShow, Call> byEmail) {
        CallStatuses statuses = new CallStatuses(db.database(), pings, new ConfirmationRepository(),
                new ArrivalRepository(), new DelayRepository(), new NoShowRepository(), Clock.fixed(now, ZoneOffset.UTC),
                byEmail);
        return statuses.of(show).stream().filter(s -> s.call().key().equals(call.key())).findFirst().orElseThrow();
    }

    private Call modelWithoutDiscord() {
        return show.sheet().calls().stream().filter(c -> c.kind() == Call.Kind.MODEL && c.userId().isEmpty()
                && !c.notLinked()).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("says a model without Discord whose call goes by email is reached by email, before and after it went")
    void reachedByEmail() {
        // given a model without Discord, with an email
        Call model = modelWithoutDiscord();
        java.util.function.BiPredicate<PlannedShow, Call> byEmail = (s, c) -> c.key().equals(model.key());

        // when her call has not gone yet, then once it went by email
        CallStatuses.Reach before = statusAt(model.at().minusSeconds(60), model, byEmail).reach();
        db.inTransaction(c -> {
            pings.claim(c, show.id(), model.key(), CallPing.CALL, model.at(), model.at());
            pings.complete(c, show.id(), model.key(), CallPing.CALL, model.at(), Duration.ZERO, PingOutcome.EMAIL,
                    Optional.empty());
            return null;
        });
        CallStatuses.Status after = statusAt(model.at().plusSeconds(1), model, byEmail);

        // then both say email, and she is called
        assertThat(before).isEqualTo(CallStatuses.Reach.EMAIL);
        assertThat(after.reach()).isEqualTo(CallStatuses.Reach.EMAIL);
        assertThat(after.state()).isEqualTo(CallStatuses.State.CALLED);
    }

    @Test
    @DisplayName("says a model without Discord or email is reached by nobody: PR marks her in")
    void reachedByNobody() {
        // given a model without Discord and no email
        Call model = modelWithoutDiscord();

        // when producers look
        CallStatuses.Status status = statusAt(model.at().minusSeconds(60), model, (s, c) -> false);

        // then nobody reaches her
        assertThat(status.reach()).isEqualTo(CallStatuses.Reach.NOBODY);
        assertThat(status.state()).isEqualTo(CallStatuses.State.PR_MARKS_IN);
    }

    @Test
    @DisplayName("shows someone whose call could not be delivered after every retry as unreachable")
    void undeliveredIsUnreachable() {
        // given a model reached by email whose call was given up on
        Call model = modelWithoutDiscord();
        db.inTransaction(c -> new dev.showcall.store.AlertRepository().raiseOnce(c, show.id(),
                CallStatuses.undelivered(model.key()), model.at()));

        // when producers look
        CallStatuses.Status status = statusAt(model.at().plusSeconds(60), model, (s, c) -> c.key().equals(model.key()));

        // then she is unreachable, by email
        assertThat(status.state()).isEqualTo(CallStatuses.State.UNREACHABLE);
        assertThat(status.reach()).isEqualTo(CallStatuses.Reach.EMAIL);
    }
}

package dev.showcall.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Show;
import dev.showcall.show.ShowReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A ping sent again within minutes, as after a crash between Discord taking it and showcall recording it: the
 * messages carry nonces derived from the ping, so that Discord keeps one.
 */
@DisplayName("Calls sent again are delivered once, against the Discord stub")
class CallNonceTest {

    private static final long GUILD = ShowcallOnStub.GUILD;
    private static final long CALLS = ShowcallOnStub.CALLS;
    private static final long AISHA = 1190000000000000201L;

    private DiscordStub stub;
    private JDA jda;
    private DiscordCallNotifier notifier;
    private PlannedShow show;
    private Call aisha;

    @BeforeEach
    void connect() throws InterruptedException {
        stub = DiscordStub.start(StubGuild.builder(GUILD, "Backstage")
                .textChannel(ShowcallOnStub.TIMELINE, "timeline")
                .textChannel(CALLS, "calls")
                .member(AISHA, "aisha")
                .build());
        jda = DiscordConnection.connect(stub.botToken(), new DiscordConnection.Endpoints(
                Optional.of(stub.apiBaseUrl()), Optional.of(stub.gatewayUrl())), List.of());
        jda.awaitReady();
        notifier = new DiscordCallNotifier(() -> jda);
        ShowReader.Reading reading = ShowReader.read("show.yaml", """
                id: nonce-show
                name: Nonce Show
                time-zone: UTC
                start: 2027-02-21T19:00
                discord:
                  guild: "%d"
                  timeline-channel: "%d"
                  calls-channel: "%d"
                  producer-role: "%d"
                  pr-role: "%d"
                departments:
                  - id: hair
                    name: Hair
                    call: 5h
                    members: [{ user: "%d", name: Aisha }]
                    reminders: [1h, 10m]
                models:
                  - name: Anya Petrova
                model-calls:
                  chairs: 6
                  prep: 45m
                looks:
                  - { number: 1, model: Anya Petrova, description: Coat }
                """.formatted(GUILD, ShowcallOnStub.TIMELINE, CALLS, ShowcallOnStub.PRODUCER_ROLE,
                ShowcallOnStub.PR_ROLE, AISHA));
        Show planned = reading.show().orElseThrow(() -> new AssertionError(reading.problems()));
        show = new PlannedShow(planned, CallPlanner.plan(planned));
        aisha = show.sheet().calls().stream().filter(c -> c.userId().isPresent()).findFirst().orElseThrow();
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        try {
            assertThat(stub.violations()).as("requests that break Discord's limits or schemas").isEmpty();
        } finally {
            jda.shutdown();
            if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
                jda.shutdownNow();
            }
            stub.close();
        }
    }

    @Test
    @DisplayName("a call, a reminder, a notice and an announcement sent twice are each one message")
    void sentTwiceDeliveredOnce() {
        Instant callAt = aisha.at();
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(notifier.call(show, aisha, callAt, Optional.empty())).isEqualTo(PingOutcome.DM);
            notifier.remind(show, aisha, callAt, Duration.ofHours(1), Optional.empty());
            notifier.tell(show, AISHA, "Look 3 is now worn by Zoe Hart.");
            notifier.announce(show, "Hair", List.of(aisha), callAt, Optional.empty());
        }

        assertThat(stub.dms(AISHA)).hasSize(3);
        assertThat(stub.messages(CALLS)).hasSize(1);
    }

    @Test
    @DisplayName("two reminders of one call, and the call itself, are messages of their own")
    void distinctPingsDistinctMessages() {
        Instant callAt = aisha.at();

        notifier.remind(show, aisha, callAt, Duration.ofHours(1), Optional.empty());
        notifier.remind(show, aisha, callAt, Duration.ofMinutes(10), Optional.empty());
        notifier.call(show, aisha, callAt, Optional.empty());

        assertThat(stub.dms(AISHA)).hasSize(3);
    }
}

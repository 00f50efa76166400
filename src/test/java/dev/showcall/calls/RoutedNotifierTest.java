package dev.showcall.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Escalation;
import dev.showcall.show.Show;
import dev.showcall.show.ShowFiles;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Routing each message the way that reaches its person")
class RoutedNotifierTest {

    private static final Path EXAMPLE = Path.of("config/shows/maison-verre-aw27.yaml");

    private final CallNotifier discord = mock(CallNotifier.class);
    private final CallSheetNotifier discordSheets = mock(CallSheetNotifier.class);
    private final RoutedNotifier.ByEmail email = mock(RoutedNotifier.ByEmail.class);
    private PlannedShow show;
    private Call lena;
    private Call onDiscord;

    @BeforeEach
    void loadTheExample() throws Exception {
        Show example = ShowFiles.load(EXAMPLE).show();
        show = new PlannedShow(example, CallPlanner.plan(example));
        lena = show.call(CallPlanner.modelKey("Lena Hoffmann")).orElseThrow();
        onDiscord = show.sheet().calls().stream().filter(c -> c.userId().isPresent()).findFirst().orElseThrow();
        when(email.call(anyString(), any(), any(), any(), any())).thenReturn(CompletableFuture.completedFuture(PingOutcome.EMAIL));
        when(discord.call(anyString(), any(), any(), any(), any())).thenReturn(CompletableFuture.completedFuture(PingOutcome.DM));
    }

    private static Lateness late(Call call) {
        return new Lateness(call.at(), Lateness.BUSY, java.time.Clock.systemUTC());
    }

    @Test
    @DisplayName("calls by email a model with an email and no Discord, and by DM someone on Discord")
    void emailForThoseWithoutDiscord() {
        // given both ways
        RoutedNotifier routed = new RoutedNotifier(discord, discordSheets, Optional.of(email));

        // when each is called
        PingOutcome toLena = routed.call("k1", show, lena, lena.at(), late(lena)).join();
        PingOutcome toCrew = routed.call("k2", show, onDiscord, onDiscord.at(), late(onDiscord)).join();

        // then Lena's went by email and the other by Discord
        assertThat(RoutedNotifier.byEmail(show, lena)).isTrue();
        assertThat(RoutedNotifier.byEmail(show, onDiscord)).isFalse();
        assertThat(toLena).isEqualTo(PingOutcome.EMAIL);
        assertThat(toCrew).isEqualTo(PingOutcome.DM);
    }

    @Test
    @DisplayName("sends a ladder's step to her lead or the producers through Discord, and only its second ask by email")
    void laddersAboutHerGoToDiscord() {
        // given both ways
        RoutedNotifier routed = new RoutedNotifier(discord, discordSheets, Optional.of(email));
        Escalated again = new Escalated(Escalation.Condition.NOT_ARRIVED, 1, 2, Escalation.Action.DM_AGAIN, lena.at());
        Escalated producers = new Escalated(Escalation.Condition.NOT_ARRIVED, 2, 2, Escalation.Action.PRODUCERS,
                lena.at());

        // when both steps are taken
        routed.escalate("a", show, lena, again, late(lena));
        routed.escalate("p", show, lena, producers, late(lena));

        // then the second ask went to her by email and the producers' step through Discord
        verify(email).escalate(eq("a"), eq(show), eq(lena), eq(again), any());
        verify(discord).escalate(eq("p"), eq(show), eq(lena), eq(producers), any());
        verify(discord, never()).escalate(eq("a"), any(), any(), any(), any());
    }

    @Test
    @DisplayName("refuses to call someone only email reaches when no SMTP server is set, so the tries run out")
    void noServerNoCall() {
        // given no email
        RoutedNotifier routed = new RoutedNotifier(discord, discordSheets, Optional.empty());

        // when Lena's call falls due, then it fails, and Discord was not asked to reach her
        assertThatThrownBy(() -> routed.call("k", show, lena, lena.at(), late(lena)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no SMTP server");
        verify(discord, never()).call(anyString(), any(), any(), any(), any());
    }

    @Test
    @DisplayName("mails someone on Discord with an email when their DMs turn out closed, and counts that as reaching them")
    void emailWhenDmsClosed() throws Exception {
        // given a crew member on Discord with an email, whose DMs are closed: Discord mentions them in the calls channel
        String text = java.nio.file.Files.readString(EXAMPLE).replace("name: \"Deepak Malhotra\" }",
                "name: \"Deepak Malhotra\", email: \"deepak@example.com\" }");
        Show withEmail = dev.showcall.show.ShowReader.read(EXAMPLE.toString(), text).show().orElseThrow();
        PlannedShow crewShow = new PlannedShow(withEmail, CallPlanner.plan(withEmail));
        Call deepak = crewShow.call(CallPlanner.crewKey("set-up", 1190000000000000102L))
                .orElseThrow();
        when(discord.call(anyString(), any(), eq(deepak), any(), any()))
                .thenReturn(CompletableFuture.completedFuture(PingOutcome.CHANNEL));
        RoutedNotifier routed = new RoutedNotifier(discord, discordSheets, Optional.of(email));

        // when he is called
        PingOutcome outcome = routed.call("k", crewShow, deepak, deepak.at(), late(deepak)).join();

        // then the mail went too, under the same key, and reached him
        assertThat(RoutedNotifier.byEmail(crewShow, deepak)).isFalse();
        verify(email).call(eq("k"), eq(crewShow), eq(deepak), any(), any());
        assertThat(outcome).isEqualTo(PingOutcome.EMAIL);
    }
}

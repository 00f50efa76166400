package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.CALLS;
import static dev.showcall.discord.ShowcallOnStub.GUILD;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER_ROLE;
import static dev.showcall.discord.ShowcallOnStub.PR_ROLE;
import static dev.showcall.discord.ShowcallOnStub.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.showcall.discord.stub.StubGuild;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@DisplayName("On start-up in a show's guild")
class StartupChecksEndToEndTest {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger guildSetupLog = (Logger) LoggerFactory.getLogger(GuildSetup.class);

    @TempDir
    Path dir;

    @BeforeEach
    void captureLog() {
        log.start();
        guildSetupLog.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        guildSetupLog.detachAppender(log);
    }

    private List<String> messages() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** A guild whose timeline everyone can read, and a bot that may not pin there. */
    private static StubGuild carelessGuild() {
        long withoutPinning = Permission.getRaw(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
                Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_HISTORY);
        return StubGuild.builder(GUILD, "Careless backstage")
                .botRole(1190000000000000099L, "showcall", withoutPinning)
                .everyonePermissions(Permission.getRaw(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
                        Permission.MESSAGE_HISTORY))
                .role(PRODUCER_ROLE, "Producers", 0)
                .role(PR_ROLE, "PR", 0)
                .textChannel(TIMELINE, "timeline")
                .textChannel(CALLS, "calls")
                .build();
    }

    @Test
    @DisplayName("warns that everyone can read the timeline and names the permission the bot lacks")
    void warnsAboutChannels() {
        try (ShowcallOnStub ignored = ShowcallOnStub.start(dir, Instant.parse("2027-02-21T12:00:00Z"), carelessGuild())) {
            assertThat(messages()).anySatisfy(m -> assertThat(m).contains("everyone in").contains("#timeline"));
            assertThat(messages()).anySatisfy(m -> assertThat(m).contains("timeline channel #timeline")
                    .contains("missing").contains(Permission.PIN_MESSAGES.getName()));
            assertThat(messages()).noneSatisfy(m -> assertThat(m).contains("calls channel #calls").contains("missing"));
        }
    }

    @Test
    @DisplayName("logs an invite link that asks for exactly the permissions it needs")
    void logsInviteLink() {
        try (ShowcallOnStub ignored = ShowcallOnStub.start(dir, Instant.parse("2027-02-21T12:00:00Z"))) {
            long expected = Permission.getRaw(GuildSetup.invitePermissions());
            assertThat(messages()).anySatisfy(m -> assertThat(m).contains("Invite link")
                    .contains("permissions=" + expected)
                    .contains("applications.commands"));
            assertThat(messages()).noneSatisfy(m -> assertThat(m).contains("everyone in"));
        }
    }
}

package dev.showcall.discord.stub;

import static dev.showcall.discord.stub.TestGuilds.BACKSTAGE;
import static dev.showcall.discord.stub.TestGuilds.GUILD;
import static dev.showcall.discord.stub.TestGuilds.PRODUCER_ROLE;
import static dev.showcall.discord.stub.TestGuilds.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.utils.Compression;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Connecting JDA to the Discord stub")
class StubConnectionTest {

    @Test
    @DisplayName("JDA with zlib-stream becomes READY and sees the guild, its channels, roles and itself as a member")
    void readyWithZlibStream() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub, Compression.ZLIB)) {
            JDA jda = bot.jda();
            stub.awaitGuildsSent(Duration.ofSeconds(1));

            Guild guild = jda.getGuildById(GUILD);
            assertThat(jda.getResponseTotal()).as("sequence of READY, then GUILD_CREATE").isEqualTo(2);
            assertThat(jda.getStatus()).isEqualTo(JDA.Status.CONNECTED);
            assertThat(stub.gatewayConnectQueries()).singleElement().asString().contains("compress=zlib-stream");
            assertThat(guild).isNotNull();
            assertThat(guild.getName()).isEqualTo("Spring show");
            assertThat(guild.getTextChannels()).extracting(c -> c.getIdLong()).containsExactly(BACKSTAGE, TIMELINE);
            assertThat(guild.getRoleById(PRODUCER_ROLE).getName()).isEqualTo("Producer");
            assertThat(guild.getPublicRole().getIdLong()).isEqualTo(GUILD);
            assertThat(guild.getSelfMember().getIdLong()).isEqualTo(stub.botUserId());
            assertThat(jda.getSelfUser().getApplicationIdLong()).isEqualTo(stub.applicationId());
        }
    }

    @Test
    @DisplayName("the gateway acknowledges JDA's heartbeats")
    void heartbeatsAreAcknowledged() throws Exception {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            stub.awaitIdentified(Duration.ofSeconds(1));
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (bot.jda().getGatewayPing() < 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            assertThat(bot.jda().getGatewayPing()).isNotNegative();
        }
    }

    @Test
    @DisplayName("JDA without compression becomes READY and reads the channel overwrites as Discord means them")
    void readyWithoutCompression() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub, Compression.NONE)) {
            Guild guild = bot.jda().getGuildById(GUILD);

            assertThat(stub.gatewayConnectQueries()).singleElement().asString().doesNotContain("compress");
            assertThat(guild.getSelfMember().hasPermission(guild.getTextChannelById(TIMELINE),
                    Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND)).isTrue();
            assertThat(guild.getPublicRole().hasAccess(guild.getTextChannelById(TIMELINE))).isFalse();
            assertThat(stub.unroutedRequests()).isEmpty();
        }
    }

    @Test
    @DisplayName("a dropped gateway connection is resumed and an interaction sent meanwhile still arrives")
    void resumesAfterDisconnect() {
        ListenerAdapter listener = new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                event.reply("Here").setEphemeral(true).setAllowedMentions(EnumSet.noneOf(MentionType.class)).queue();
            }
        };
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub, listener)) {
            bot.jda().getGuildById(GUILD).updateCommands().addCommands(Commands.slash("status", "Show status")).complete();

            // when the stub drops the connection and a producer runs /status before the bot is back
            stub.disconnectClient();
            InteractionHandle status = stub.slash(SlashCommandInvocation.of("status").by(TestGuilds.PRODUCER).in(BACKSTAGE));

            // then JDA resumes the same session, gets the missed interaction replayed and answers it
            stub.awaitReconnected(Duration.ofSeconds(5));
            assertThat(status.awaitResponse(Duration.ofSeconds(3)).message().content()).isEqualTo("Here");
            assertThat(stub.resumeCount()).isEqualTo(1);
            assertThat(stub.identifyCount()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("an invalidated session makes JDA identify again; it has no guild until the stub sends it again")
    void identifiesAgainAfterInvalidSession() throws InterruptedException {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            stub.awaitGuildsSent(Duration.ofSeconds(1));

            // when Discord ends the session and sends the guilds a second after the new READY
            stub.invalidateSession(Duration.ofSeconds(1));
            stub.awaitReconnected(Duration.ofSeconds(10));

            // then JDA identified a second time, without the guild until it came
            assertThat(stub.identifyCount()).isEqualTo(2);
            assertThat(stub.resumeCount()).isZero();
            assertThat(stub.guildCreatesSent()).hasSize(1);
            assertThat(bot.jda().getTextChannelById(TIMELINE)).isNull();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (bot.jda().getTextChannelById(TIMELINE) == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(stub.guildCreatesSent()).hasSize(2);
            assertThat(bot.jda().getTextChannelById(TIMELINE)).isNotNull();
        }
    }
}

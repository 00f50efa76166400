package dev.showcall.discord.stub;

import static dev.showcall.discord.stub.TestGuilds.BACKSTAGE;
import static dev.showcall.discord.stub.TestGuilds.CREW_ROLE;
import static dev.showcall.discord.stub.TestGuilds.CROWD;
import static dev.showcall.discord.stub.TestGuilds.CROWD_CREW_ROLE;
import static dev.showcall.discord.stub.TestGuilds.DRESSER;
import static dev.showcall.discord.stub.TestGuilds.GUILD;
import static dev.showcall.discord.stub.TestGuilds.PRODUCER;
import static dev.showcall.discord.stub.TestGuilds.PRODUCER_ROLE;
import static dev.showcall.discord.stub.TestGuilds.crowdMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberJoinEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRemoveEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRoleAddEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRoleRemoveEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.events.user.update.UserUpdateGlobalNameEvent;
import net.dv8tion.jda.api.events.user.update.UserUpdateNameEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.CloseCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JDA and the member list through the Server Members intent")
class MemberListTest {

    private static final long ZOE = 1_190_000_000_000_000_041L;

    @Test
    @DisplayName("JDA with the intent, caching and chunking all, is ready knowing every member of a 300-member guild"
            + " and their roles")
    void everyMemberOfALargeGuild() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage(), TestGuilds.crowd(300));
             JdaUnderTest bot = JdaUnderTest.connectWithMembers(stub)) {
            Guild crowd = bot.jda().getGuildById(CROWD);
            Guild backstage = bot.jda().getGuildById(GUILD);

            assertThat(crowd.getMemberCount()).isEqualTo(301);
            assertThat(crowd.getMembers()).hasSize(301);
            assertThat(crowd.getMembersWithRoles(crowd.getRoleById(CROWD_CREW_ROLE))).hasSize(100)
                    .extracting(Member::getIdLong).contains(crowdMember(0), crowdMember(297))
                    .doesNotContain(crowdMember(1));
            assertThat(crowd.getMemberById(crowdMember(299)).getUser().getName()).isEqualTo("crew-0299");
            assertThat(backstage.getMembers()).extracting(Member::getIdLong)
                    .containsExactlyInAnyOrder(stub.botUserId(), PRODUCER, DRESSER);
            assertThat(backstage.getMemberById(PRODUCER).getRoles()).extracting(r -> r.getIdLong())
                    .containsExactly(PRODUCER_ROLE);
            assertThat(backstage.getMemberById(PRODUCER).getUser().getGlobalName()).isEqualTo("Mara");
            // both guilds came with the bot alone (no Presence intent), so JDA asked for each one's members
            assertThat(stub.dispatchesSent()).filteredOn("GUILD_MEMBERS_CHUNK"::equals).hasSize(2);
            assertThat(stub.identifyIntents()).singleElement()
                    .satisfies(intents -> assertThat(intents & Intents.GUILD_MEMBERS).isNotZero());
            assertThat(stub.violations()).isEmpty();
        }
    }

    @Test
    @DisplayName("JDA asking for the intent when the application lacks it is closed with 4014, shuts down"
            + " and awaitReady throws")
    void disallowedIntentShutsJdaDown() throws InterruptedException {
        try (DiscordStub stub = DiscordStub.builder(TestGuilds.backstage()).serverMembersIntent(false).start()) {
            BlockingQueue<ShutdownEvent> shutdowns = new LinkedBlockingQueue<>();
            JDA jda = JdaUnderTest.builderWithMembers(stub)
                    .addEventListeners((EventListener) event -> {
                        if (event instanceof ShutdownEvent shutdown) {
                            shutdowns.add(shutdown);
                        }
                    })
                    .build();

            assertThatThrownBy(jda::awaitReady).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Was shutdown trying to await status")
                    .hasMessageContaining("intent you aren't allowed to use");
            ShutdownEvent shutdown = shutdowns.poll(5, TimeUnit.SECONDS);
            assertThat(shutdown).isNotNull();
            assertThat(shutdown.getCloseCode()).isEqualTo(CloseCode.DISALLOWED_INTENTS);
            assertThat(shutdown.getCode()).isEqualTo(4014);
            assertThat(jda.getStatus()).isEqualTo(JDA.Status.SHUTDOWN);
            assertThat(stub.gatewayCloseCodes()).containsExactly(4014);
            assertThat(stub.identifyCount()).isZero();
            assertThat(stub.gatewayConnectQueries()).as("JDA does not try again").hasSize(1);

            // the same application is fine for a bot that does not ask for the intent
            try (JdaUnderTest light = JdaUnderTest.connect(stub)) {
                assertThat(light.jda().getGuildById(GUILD)).isNotNull();
            }
        }
    }

    @Test
    @DisplayName("a member joining, changing roles and name, and leaving reaches JDA's cache as JDA's events")
    void memberEventsReachJda() {
        Events events = new Events();
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connectWithMembers(stub, events)) {
            Guild guild = bot.jda().getGuildById(GUILD);

            assertThat(stub.addMember(GUILD, ZOE, "zoe", "Zoe", CREW_ROLE)).isTrue();
            GuildMemberJoinEvent joined = events.next(GuildMemberJoinEvent.class);
            assertThat(joined.getMember().getUser().getName()).isEqualTo("zoe");
            assertThat(guild.getMemberById(ZOE).getRoles()).extracting(r -> r.getIdLong()).containsExactly(CREW_ROLE);
            assertThat(guild.getMemberCount()).isEqualTo(4);

            stub.setRoles(GUILD, ZOE, PRODUCER_ROLE);
            assertThat(events.next(GuildMemberRoleAddEvent.class).getRoles())
                    .extracting(r -> r.getIdLong()).containsExactly(PRODUCER_ROLE);
            assertThat(events.next(GuildMemberRoleRemoveEvent.class).getRoles())
                    .extracting(r -> r.getIdLong()).containsExactly(CREW_ROLE);
            assertThat(guild.getMembersWithRoles(guild.getRoleById(PRODUCER_ROLE))).extracting(Member::getIdLong)
                    .containsExactlyInAnyOrder(PRODUCER, ZOE);

            stub.renameUser(ZOE, "zoe.k", "Zoe K");
            assertThat(events.next(UserUpdateNameEvent.class).getNewName()).isEqualTo("zoe.k");
            assertThat(events.next(UserUpdateGlobalNameEvent.class).getNewGlobalName()).isEqualTo("Zoe K");
            assertThat(guild.getMembersByName("zoe.k", false)).extracting(Member::getIdLong).containsExactly(ZOE);

            stub.removeMember(GUILD, ZOE);
            assertThat(events.next(GuildMemberRemoveEvent.class).getUser().getIdLong()).isEqualTo(ZOE);
            assertThat(guild.getMemberById(ZOE)).isNull();
            assertThat(guild.getMemberCount()).isEqualTo(3);
            assertThat(stub.members(GUILD)).extracting(StubGuild.Member::userId).containsExactly(PRODUCER, DRESSER);
        }
    }

    @Test
    @DisplayName("a bot without the intent gets no member events, yet the next interaction shows the member as changed")
    void noMemberEventsWithoutTheIntent() {
        ListenerAdapter whoAmI = new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                event.reply(event.getUser().getName() + " " + event.getMember().getRoles().size())
                        .setEphemeral(true).setAllowedMentions(EnumSet.noneOf(MentionType.class)).queue();
            }
        };
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub, whoAmI)) {
            bot.jda().getGuildById(GUILD).updateCommands().addCommands(Commands.slash("whoami", "Who am I")).complete();

            boolean sent = stub.addMember(GUILD, ZOE, "zoe", "Zoe");
            sent |= stub.setRoles(GUILD, ZOE, CREW_ROLE, PRODUCER_ROLE);
            sent |= stub.renameUser(ZOE, "zoe.k", null);

            assertThat(sent).isFalse();
            assertThat(stub.dispatchesSent()).noneMatch(type -> type.startsWith("GUILD_MEMBER"));
            InteractionHandle whoami = stub.slash(SlashCommandInvocation.of("whoami").by(ZOE).in(BACKSTAGE));
            assertThat(whoami.awaitResponse(Duration.ofSeconds(3)).message().content()).isEqualTo("zoe.k 2");

            stub.removeMember(GUILD, ZOE);
            assertThatThrownBy(() -> stub.slash(SlashCommandInvocation.of("whoami").by(ZOE).in(BACKSTAGE)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a member");
            assertThat(stub.dispatchesSent()).noneMatch(type -> type.startsWith("GUILD_MEMBER"));
        }
    }

    @Test
    @DisplayName("the stub refuses member changes Discord would not make, and a refused change changes nothing")
    void impossibleChangesAreRefused() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage(), TestGuilds.crowd(1))) {
            long botRole = stub.guilds().get(0).botRole().id();

            assertThatThrownBy(() -> stub.addMember(GUILD, PRODUCER, "mara", "Mara"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already a member");
            assertThatThrownBy(() -> stub.addMember(CROWD, PRODUCER, "someone-else", null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rename it first");
            assertThatThrownBy(() -> stub.setRoles(GUILD, DRESSER, CREW_ROLE, botRole))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be given");
            assertThatThrownBy(() -> stub.setRoles(GUILD, DRESSER, GUILD))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be given");
            assertThatThrownBy(() -> stub.setRoles(GUILD, DRESSER, CROWD_CREW_ROLE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No role");
            assertThatThrownBy(() -> stub.removeMember(GUILD, stub.botUserId()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> stub.removeMember(CROWD, PRODUCER))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a member");

            assertThat(stub.members(GUILD)).containsExactlyElementsOf(stub.guilds().get(0).members());
            stub.addMember(CROWD, PRODUCER, "mara", "Mara", CROWD_CREW_ROLE);
            assertThat(stub.members(CROWD)).extracting(StubGuild.Member::userId)
                    .containsExactly(crowdMember(0), PRODUCER);
        }
    }

    /** Every event JDA fires, to wait for one of a kind whatever came before or after it. */
    private static final class Events implements EventListener {

        private final List<GenericEvent> fired = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(GenericEvent event) {
            fired.add(event);
        }

        /** The first event of this type JDA fired, waiting for it up to 5 s. */
        <T extends GenericEvent> T next(Class<T> type) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                for (GenericEvent event : fired) {
                    if (type.isInstance(event)) {
                        return type.cast(event);
                    }
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new AssertionError("JDA fired no " + type.getSimpleName() + " within 5 s");
        }
    }
}

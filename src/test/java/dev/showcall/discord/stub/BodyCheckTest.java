package dev.showcall.discord.stub;

import static dev.showcall.discord.stub.TestGuilds.BACKSTAGE;
import static dev.showcall.discord.stub.TestGuilds.DRESSER;
import static dev.showcall.discord.stub.TestGuilds.GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Checks on what the bot sends to the Discord stub")
class BodyCheckTest {

    private static final String CHANNEL_MESSAGES = "channels/" + BACKSTAGE + "/messages";

    @Test
    @DisplayName("content over 2000 characters, built by hand, is refused like Discord does and reported")
    void contentTooLong() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage())) {
            String body = "{\"content\":\"" + "a".repeat(2001) + "\",\"allowed_mentions\":{\"parse\":[]}}";

            var response = new RawDiscordClient(stub).post(CHANNEL_MESSAGES, body);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(stub.violations()).singleElement().satisfies(v -> {
                assertThat(v.rule()).isEqualTo(Rule.CONTENT_TOO_LONG);
                assertThat(v.path()).isEqualTo(CHANNEL_MESSAGES);
                assertThat(v.detail()).contains("2001");
            });
            assertThat(stub.messages(BACKSTAGE)).isEmpty();
        }
    }

    @Test
    @DisplayName("a message created without allowed_mentions is reported, though Discord accepts it")
    void createWithoutAllowedMentions() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage())) {
            var response = new RawDiscordClient(stub).post(CHANNEL_MESSAGES, "{\"content\":\"@everyone doors open\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(stub.violations()).extracting(Violation::rule).containsExactly(Rule.ALLOWED_MENTIONS_MISSING);
            assertThat(stub.messages(BACKSTAGE)).singleElement()
                    .satisfies(m -> assertThat(m.mentionsEveryone()).isTrue());
        }
    }

    @Test
    @DisplayName("a JDA edit that does not set allowed mentions is reported")
    void editWithoutAllowedMentions() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            Message board = bot.jda().getTextChannelById(BACKSTAGE).sendMessage("Board")
                    .setAllowedMentions(EnumSet.noneOf(MentionType.class)).complete();

            board.editMessage("Board, updated").complete();

            assertThat(stub.violations()).singleElement().satisfies(v -> {
                assertThat(v.rule()).isEqualTo(Rule.ALLOWED_MENTIONS_MISSING);
                assertThat(v.method()).isEqualTo("PATCH");
            });
        }
    }

    @Test
    @DisplayName("a body that breaks Discord's OpenAPI schema is reported with the operation and the place")
    void schemaViolation() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage())) {
            new RawDiscordClient(stub).post(CHANNEL_MESSAGES,
                    "{\"content\":\"hi\",\"tts\":\"yes\",\"allowed_mentions\":{\"parse\":[]}}");

            assertThat(stub.violations()).singleElement().satisfies(v -> {
                assertThat(v.rule()).isEqualTo(Rule.SCHEMA);
                assertThat(v.detail()).contains("POST /channels/{channel_id}/messages").contains("tts");
            });
        }
    }

    @Test
    @DisplayName("JDA's openPrivateChannelById sends recipient_id as a number, which Discord reads and the check tolerates")
    void numericRecipientIdIsTolerated() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            bot.jda().openPrivateChannelById(DRESSER).complete();

            assertThat(stub.dmChannelOf(DRESSER)).isPresent();
            assertThat(stub.violations()).isEmpty();
        }
    }

    @Test
    @DisplayName("a recipient_id that is no snowflake at all is still reported")
    void malformedRecipientIdIsReported() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage())) {
            new RawDiscordClient(stub).post("users/@me/channels", "{\"recipient_id\":\"not-an-id\"}");

            assertThat(stub.violations()).anySatisfy(v -> {
                assertThat(v.rule()).isEqualTo(Rule.SCHEMA);
                assertThat(v.detail()).contains("/recipient_id");
            });
        }
    }

    @Test
    @DisplayName("a DM opened through the user sends recipient_id as a string and passes the schema")
    void stringRecipientIdPasses() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            bot.jda().retrieveUserById(DRESSER).flatMap(User::openPrivateChannel).complete();

            assertThat(stub.dmChannelOf(DRESSER)).isPresent();
            assertThat(stub.violations()).isEmpty();
        }
    }

    @Test
    @DisplayName("an upper-case command name, registered by hand, is refused and reported")
    void invalidCommandName() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage())) {
            var response = new RawDiscordClient(stub).send("PUT",
                    "applications/" + stub.applicationId() + "/guilds/" + GUILD + "/commands",
                    "[{\"name\":\"Arrived\",\"description\":\"Mark a model as arrived\",\"type\":1}]");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(stub.violations()).extracting(Violation::rule).containsExactly(Rule.INVALID_COMMAND_NAME);
            assertThat(stub.commands(GUILD)).isEmpty();
        }
    }

    @Test
    @DisplayName("more than 25 autocomplete choices, sent by hand, are refused and reported")
    void tooManyChoices() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            bot.jda().getGuildById(GUILD).updateCommands().addCommands(Commands.slash("arrived", "Mark arrived")
                    .addOption(OptionType.STRING, "model", "Who", true, true)).complete();
            InteractionHandle typing = stub.autocomplete(AutocompleteInvocation.of("arrived").typing("model", "a")
                    .by(DRESSER).in(BACKSTAGE));
            StringBuilder choices = new StringBuilder();
            for (int i = 0; i < 26; i++) {
                choices.append(i == 0 ? "" : ",").append("{\"name\":\"m").append(i).append("\",\"value\":\"m").append(i)
                        .append("\"}");
            }

            var response = new RawDiscordClient(stub).post("interactions/" + typing.id() + "/" + typing.token()
                    + "/callback", "{\"type\":8,\"data\":{\"choices\":[" + choices + "]}}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(stub.violations()).extracting(Violation::rule).contains(Rule.TOO_MANY_CHOICES);
        }
    }
}

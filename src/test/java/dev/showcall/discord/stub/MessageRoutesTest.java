package dev.showcall.discord.stub;

import static dev.showcall.discord.stub.TestGuilds.BACKSTAGE;
import static dev.showcall.discord.stub.TestGuilds.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.utils.FileUpload;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Messages on the Discord stub")
class MessageRoutesTest {

    private static Message post(TextChannel channel, String text) {
        return channel.sendMessage(text).setAllowedMentions(EnumSet.noneOf(MentionType.class)).complete();
    }

    @Test
    @DisplayName("a message with an embed comes back to JDA as Discord returns it, authored by the bot")
    void messageWithEmbed() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            Message sent = bot.jda().getTextChannelById(TIMELINE).sendMessageEmbeds(
                            new EmbedBuilder().setTitle("Running order").addField("Look 1", "Anya", false).build())
                    .setAllowedMentions(EnumSet.noneOf(MentionType.class)).complete();

            assertThat(sent.getAuthor().getIdLong()).isEqualTo(stub.botUserId());
            assertThat(sent.getEmbeds()).singleElement().satisfies(e -> assertThat(e.getTitle()).isEqualTo("Running order"));
            assertThat(stub.messages(TIMELINE)).singleElement().satisfies(m -> {
                assertThat(m.embed(0)).hasValueSatisfying(e -> assertThat(e.path("type").asText()).isEqualTo("rich"));
                assertThat(m.json().path("type").asInt()).isZero();
            });
        }
    }

    @Test
    @DisplayName("edits, deletes and history read back as the channel now holds them")
    void editDeleteHistory() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            TextChannel channel = bot.jda().getTextChannelById(BACKSTAGE);
            Message board = post(channel, "Board v1");
            Message scratch = post(channel, "scratch");

            board.editMessage("Board v2").setAllowedMentions(EnumSet.noneOf(MentionType.class)).complete();
            scratch.delete().complete();
            List<Message> history = channel.getHistory().retrievePast(10).complete();

            assertThat(history).extracting(Message::getContentRaw).containsExactly("Board v2");
            assertThat(history.get(0).isEdited()).isTrue();
            assertThat(stub.messages(BACKSTAGE)).extracting(StubMessage::content).containsExactly("Board v2");
        }
    }

    @Test
    @DisplayName("a pinned board is pinned on both the new and the old pin routes")
    void pins() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            TextChannel channel = bot.jda().getTextChannelById(TIMELINE);
            Message board = post(channel, "Board");
            post(channel, "log line");

            board.pin().complete();

            assertThat(channel.retrievePinnedMessages().complete())
                    .extracting(pinned -> pinned.getMessage().getIdLong()).containsExactly(board.getIdLong());
            var oldRoute = new RawDiscordClient(stub).send("GET", "channels/" + TIMELINE + "/pins", "");
            assertThat(oldRoute.body()).contains(board.getId());
            assertThat(stub.messages(TIMELINE)).extracting(StubMessage::pinned).containsExactly(true, false);
        }
    }

    @Test
    @DisplayName("a message with a file is read from its payload_json part and its file part; JDA's numbered"
            + " attachment ids are read, as Discord reads them")
    void multipartMessage() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            bot.jda().getTextChannelById(BACKSTAGE).sendMessage("Call sheet")
                    .setAllowedMentions(EnumSet.noneOf(MentionType.class))
                    .addFiles(FileUpload.fromData("look;model\n1;Anya\n".getBytes(StandardCharsets.UTF_8), "calls.csv"))
                    .complete();

            assertThat(stub.messages(BACKSTAGE)).extracting(StubMessage::content).containsExactly("Call sheet");
            assertThat(stub.messages(BACKSTAGE).get(0).fileText("calls.csv")).contains("look;model\n1;Anya\n");
            assertThat(stub.messages(BACKSTAGE).get(0).json().path("attachments").get(0).path("filename").asText())
                    .isEqualTo("calls.csv");
            // JDA refers to the upload by its index, a number; the schema wants a snowflake string, Discord reads both
            assertThat(stub.violations()).isEmpty();
        }
    }

    @Test
    @DisplayName("a second message with a nonce the bot used in the channel minutes ago gets the first one back, as "
            + "Discord does under enforce_nonce, and nothing new is stored")
    void enforcedNonce() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            TextChannel channel = bot.jda().getTextChannelById(BACKSTAGE);
            Message first = channel.sendMessage("Anya arrived").setNonce("log-17-18")
                    .setAllowedMentions(EnumSet.noneOf(MentionType.class)).complete();

            Message again = channel.sendMessage("Anya arrived (retried)").setNonce("log-17-18")
                    .setAllowedMentions(EnumSet.noneOf(MentionType.class)).complete();

            assertThat(again.getIdLong()).isEqualTo(first.getIdLong());
            assertThat(stub.messages(BACKSTAGE)).extracting(StubMessage::content).containsExactly("Anya arrived");
            assertThat(stub.requestsTo("POST", "channels/" + BACKSTAGE + "/messages"))
                    .allSatisfy(r -> assertThat(r.body().path("enforce_nonce").asBoolean()).isTrue());
        }
    }

    @Test
    @DisplayName("a nonce is remembered per channel, and only where enforce_nonce asks for it")
    void nonceScope() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            bot.jda().getTextChannelById(BACKSTAGE).sendMessage("in backstage").setNonce("same")
                    .setAllowedMentions(EnumSet.noneOf(MentionType.class)).complete();
            bot.jda().getTextChannelById(TIMELINE).sendMessage("in the timeline").setNonce("same")
                    .setAllowedMentions(EnumSet.noneOf(MentionType.class)).complete();
            RawDiscordClient raw = new RawDiscordClient(stub);

            var unenforced = raw.post("channels/" + BACKSTAGE + "/messages",
                    "{\"content\":\"not enforced\",\"nonce\":\"same\",\"allowed_mentions\":{\"parse\":[]}}");

            assertThat(unenforced.statusCode()).isEqualTo(200);
            assertThat(stub.messages(BACKSTAGE)).extracting(StubMessage::content)
                    .containsExactly("in backstage", "not enforced");
            assertThat(stub.messages(TIMELINE)).extracting(StubMessage::content).containsExactly("in the timeline");
        }
    }

    @Test
    @DisplayName("a route the stub does not know answers 404 with a Discord error body and is recorded")
    void unknownRoute() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage())) {
            var response = new RawDiscordClient(stub).send("GET", "guilds/" + TestGuilds.GUILD + "/audit-logs", "");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("\"message\"").contains("\"code\"");
            assertThat(stub.unroutedRequests()).singleElement()
                    .extracting(RecordedRequest::path).isEqualTo("guilds/" + TestGuilds.GUILD + "/audit-logs");
        }
    }

    @Test
    @DisplayName("the bot cannot post where its roles and overwrites deny it")
    void missingPermissions() {
        StubGuild locked = StubGuild.builder(TestGuilds.GUILD, "Spring show")
                .textChannel(BACKSTAGE, "backstage",
                        StubGuild.Overwrite.role(TestGuilds.GUILD, 0, Permissions.SEND_MESSAGES))
                .build();
        try (DiscordStub stub = DiscordStub.start(locked)) {
            var response = new RawDiscordClient(stub).post("channels/" + BACKSTAGE + "/messages",
                    "{\"content\":\"hi\",\"allowed_mentions\":{\"parse\":[]}}");

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("50013");
        }
    }
}

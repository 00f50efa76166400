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
    @DisplayName("a message with files keeps them as its attachments, where JDA numbers the attachment ids by part")
    void multipartMessage() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            byte[] csv = "look;model\n1;Anya\n".getBytes(StandardCharsets.UTF_8);
            Message sent = bot.jda().getTextChannelById(BACKSTAGE).sendMessage("Call sheet")
                    .setAllowedMentions(EnumSet.noneOf(MentionType.class))
                    .addFiles(FileUpload.fromData(csv, "calls.csv"), FileUpload.fromData(new byte[] {1, 2, 3}, "a.png"))
                    .complete();

            assertThat(sent.getAttachments()).extracting(Message.Attachment::getFileName)
                    .containsExactly("calls.csv", "a.png");
            assertThat(stub.messages(BACKSTAGE)).singleElement().satisfies(m -> {
                assertThat(m.content()).isEqualTo("Call sheet");
                assertThat(m.attachments()).extracting(StubAttachment::filename).containsExactly("calls.csv", "a.png");
                assertThat(m.attachment("calls.csv")).hasValueSatisfying(a -> assertThat(a.data()).isEqualTo(csv));
            });
            assertThat(stub.messages(BACKSTAGE).get(0).fileText("calls.csv")).contains("look;model\n1;Anya\n");
            // JDA refers to each upload by its part number, which Discord reads as an id: tolerated
            assertThat(stub.violations()).isEmpty();
        }
    }

    @Test
    @DisplayName("a message with more than 10 files is refused, and so is one whose files hold more than 10 MiB")
    void fileLimits() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage())) {
            RawDiscordClient raw = new RawDiscordClient(stub);
            String json = "{\"content\":\"x\",\"allowed_mentions\":{\"parse\":[]}}";
            java.util.Map<String, byte[]> eleven = new java.util.LinkedHashMap<>();
            for (int i = 0; i < 11; i++) {
                eleven.put(i + ".txt", new byte[] {(byte) i});
            }
            java.util.Map<String, byte[]> large = new java.util.LinkedHashMap<>();
            large.put("a.bin", new byte[6 * 1024 * 1024]);
            large.put("b.bin", new byte[6 * 1024 * 1024]);

            var tooMany = raw.postFiles("channels/" + BACKSTAGE + "/messages", json, eleven);
            var tooLarge = raw.postFiles("channels/" + BACKSTAGE + "/messages", json, large);

            assertThat(tooMany.statusCode()).isEqualTo(400);
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(stub.messages(BACKSTAGE)).isEmpty();
            assertThat(stub.violations()).extracting(Violation::rule)
                    .containsExactly(Rule.TOO_MANY_FILES, Rule.FILES_TOO_LARGE);
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
            Message other = channel.sendMessage("Report").setNonce("report-42")
                    .setAllowedMentions(EnumSet.noneOf(MentionType.class)).complete();

            assertThat(again.getIdLong()).isEqualTo(first.getIdLong());
            assertThat(other.getIdLong()).isNotEqualTo(first.getIdLong());
            assertThat(stub.messages(BACKSTAGE)).extracting(StubMessage::content).containsExactly("Anya arrived", "Report");
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

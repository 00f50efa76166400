package dev.showcall.discord.stub;

import static dev.showcall.discord.stub.TestGuilds.CROWD;
import static dev.showcall.discord.stub.TestGuilds.GUILD;
import static dev.showcall.discord.stub.TestGuilds.crowdMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The gateway's member list, asked for by hand")
class MemberRequestTest {

    private static final long GUILDS = Intents.GUILDS;
    private static final long WITH_MEMBERS = Intents.GUILDS | Intents.GUILD_MEMBERS;

    @Test
    @DisplayName("the whole member list comes in chunks of at most 1000 members, each with the request's nonce")
    void wholeListInChunks() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.crowd(2_345));
             RawGatewayClient bot = RawGatewayClient.connect(stub).identify(WITH_MEMBERS)) {
            bot.awaitDispatch("GUILD_CREATE");

            bot.send(8, request(CROWD).put("query", "").put("limit", 0).put("nonce", "all-of-them"));

            List<JsonNode> chunks = List.of(bot.awaitDispatch("GUILD_MEMBERS_CHUNK"),
                    bot.awaitDispatch("GUILD_MEMBERS_CHUNK"), bot.awaitDispatch("GUILD_MEMBERS_CHUNK"));
            assertThat(chunks).extracting(c -> c.path("chunk_index").asInt()).containsExactly(0, 1, 2);
            assertThat(chunks).extracting(c -> c.path("chunk_count").asInt()).containsOnly(3);
            assertThat(chunks).extracting(c -> c.path("members").size()).containsExactly(1000, 1000, 346);
            assertThat(chunks).extracting(c -> c.path("nonce").asText()).containsOnly("all-of-them");
            assertThat(chunks).allSatisfy(c -> assertThat(c.has("not_found")).isFalse());
            List<String> ids = new ArrayList<>();
            chunks.forEach(c -> c.path("members").forEach(m -> ids.add(m.path("user").path("id").asText())));
            assertThat(ids).doesNotHaveDuplicates().hasSize(2_346)
                    .contains(Long.toString(stub.botUserId()), Long.toString(crowdMember(2_344)));
            assertThat(stub.violations()).isEmpty();
        }
    }

    @Test
    @DisplayName("without the GUILD_MEMBERS intent the whole list is not answered, as by Discord, and is a violation")
    void wholeListNeedsTheIntent() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             RawGatewayClient bot = RawGatewayClient.connect(stub).identify(GUILDS)) {
            bot.awaitDispatch("GUILD_CREATE");

            // when the bot asks for everyone, then for one member by id (which needs no intent)
            bot.send(8, request(GUILD).put("query", "").put("limit", 0).put("nonce", "everyone"));
            ObjectNode byId = request(GUILD).put("nonce", "one");
            byId.putArray("user_ids").add(Long.toString(TestGuilds.PRODUCER));
            bot.send(8, byId);

            // then the stub answered the second request only: it handles them in order
            JsonNode chunk = bot.awaitDispatch("GUILD_MEMBERS_CHUNK");
            assertThat(chunk.path("nonce").asText()).isEqualTo("one");
            assertThat(bot.received("GUILD_MEMBERS_CHUNK")).hasSize(1);
            assertThat(stub.violations()).singleElement().satisfies(v -> {
                assertThat(v.rule()).isEqualTo(Rule.MEMBER_LIST_WITHOUT_INTENT);
                assertThat(v.method()).isEqualTo("GATEWAY");
            });
        }
    }

    @Test
    @DisplayName("a username prefix finds at most the limit, user_ids name the missing ones, presences need"
            + " their intent")
    void prefixAndIds() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.crowd(300));
             RawGatewayClient bot = RawGatewayClient.connect(stub).identify(GUILDS)) {
            bot.awaitDispatch("GUILD_CREATE");

            bot.send(8, request(CROWD).put("query", "CREW-001").put("limit", 5).put("presences", true));
            JsonNode prefix = bot.awaitDispatch("GUILD_MEMBERS_CHUNK");
            ObjectNode byIds = request(CROWD).put("nonce", "ids");
            byIds.putArray("user_ids").add(Long.toString(crowdMember(7))).add(Long.toString(42L)).add(crowdMember(9));
            bot.send(8, byIds);
            JsonNode ids = bot.awaitDispatch("GUILD_MEMBERS_CHUNK");

            assertThat(prefix.path("members")).hasSize(5)
                    .allSatisfy(m -> assertThat(m.path("user").path("username").asText()).startsWith("crew-001"));
            assertThat(prefix.has("presences")).as("no presences without GUILD_PRESENCES").isFalse();
            assertThat(prefix.has("nonce")).isFalse();
            assertThat(ids.path("members")).extracting(m -> m.path("user").path("id").asLong())
                    .containsExactly(crowdMember(7), crowdMember(9));
            assertThat(ids.path("not_found")).extracting(JsonNode::asText).containsExactly("42");
            assertThat(ids.path("chunk_count").asInt()).isEqualTo(1);
            assertThat(stub.violations()).isEmpty();
        }
    }

    @Test
    @DisplayName("a request naming several guilds is answered for the first one only, and is a violation")
    void oneGuildPerRequest() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage(), TestGuilds.crowd(3));
             RawGatewayClient bot = RawGatewayClient.connect(stub).identify(WITH_MEMBERS)) {
            bot.awaitDispatch("GUILD_CREATE");
            bot.awaitDispatch("GUILD_CREATE");

            ObjectNode both = Json.object().put("query", "").put("limit", 0).put("nonce", "both");
            both.putArray("guild_id").add(GUILD).add(CROWD);
            bot.send(8, both);
            bot.send(8, request(CROWD).put("query", "").put("limit", 0).put("nonce", "crowd"));

            assertThat(bot.awaitDispatch("GUILD_MEMBERS_CHUNK").path("guild_id").asLong()).isEqualTo(GUILD);
            assertThat(bot.awaitDispatch("GUILD_MEMBERS_CHUNK").path("nonce").asText()).isEqualTo("crowd");
            assertThat(stub.violations()).extracting(Violation::rule)
                    .containsExactly(Rule.MEMBER_REQUEST_FOR_SEVERAL_GUILDS);
        }
    }

    @Test
    @DisplayName("GUILD_CREATE holds only the bot without the Presence intent; with it a small guild's every member")
    void guildCreateMembersFollowThePresenceIntent() {
        try (DiscordStub withoutPresences = DiscordStub.start(TestGuilds.backstage(), TestGuilds.crowd(300));
             RawGatewayClient bot = RawGatewayClient.connect(withoutPresences).identify(WITH_MEMBERS)) {
            JsonNode small = bot.awaitDispatch("GUILD_CREATE");
            JsonNode large = bot.awaitDispatch("GUILD_CREATE");

            assertThat(small.path("members")).singleElement()
                    .satisfies(m -> assertThat(m.path("user").path("bot").asBoolean()).isTrue());
            assertThat(small.path("member_count").asInt()).isEqualTo(3);
            assertThat(small.path("large").asBoolean()).isFalse();
            assertThat(large.path("members")).hasSize(1);
            assertThat(large.path("member_count").asInt()).isEqualTo(301);
            assertThat(large.path("large").asBoolean()).isTrue();
        }
        try (DiscordStub withPresences = DiscordStub.builder(TestGuilds.backstage(), TestGuilds.crowd(300))
                .presenceIntent(true).start();
             RawGatewayClient bot = RawGatewayClient.connect(withPresences)
                     .identify(WITH_MEMBERS | Intents.GUILD_PRESENCES)) {
            JsonNode small = bot.awaitDispatch("GUILD_CREATE");
            JsonNode large = bot.awaitDispatch("GUILD_CREATE");

            assertThat(small.path("members")).hasSize(3);
            // of a large guild, Discord sends those online, with a role, a nickname or in voice: here the roles
            assertThat(large.path("members")).hasSize(1 + 100);
        }
    }

    @Test
    @DisplayName("an IDENTIFY without intents is closed with 4013, one with a privileged intent switched off with 4014")
    void identifyIntentsAreChecked() {
        try (DiscordStub stub = DiscordStub.builder(TestGuilds.backstage()).serverMembersIntent(false).start()) {
            try (RawGatewayClient bot = RawGatewayClient.connect(stub)) {
                bot.send(2, Json.object().put("token", stub.botToken()));
                assertThat(bot.awaitClosed()).isEqualTo(4013);
            }
            try (RawGatewayClient bot = RawGatewayClient.connect(stub)) {
                bot.send(2, Json.object().put("token", stub.botToken()).put("intents", WITH_MEMBERS));
                assertThat(bot.awaitClosed()).isEqualTo(4014);
            }
            try (RawGatewayClient bot = RawGatewayClient.connect(stub).identify(GUILDS)) {
                assertThat(bot.awaitDispatch("GUILD_CREATE").path("id").asLong()).isEqualTo(GUILD);
            }
            assertThat(stub.gatewayCloseCodes()).containsExactly(4013, 4014);
            assertThat(stub.identifyIntents()).containsExactly(WITH_MEMBERS, GUILDS);
            assertThat(stub.identifyCount()).isEqualTo(1);
        }
    }

    private static ObjectNode request(long guildId) {
        return Json.object().put("guild_id", Long.toString(guildId));
    }
}

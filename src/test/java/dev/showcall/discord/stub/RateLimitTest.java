package dev.showcall.discord.stub;

import static dev.showcall.discord.stub.TestGuilds.BACKSTAGE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Rate limits on the Discord stub")
class RateLimitTest {

    private static final String CHANNEL_MESSAGES = "channels/" + BACKSTAGE + "/messages";
    private static final String SAFE_MESSAGE = "{\"content\":\"x\",\"allowed_mentions\":{\"parse\":[]}}";

    @Test
    @DisplayName("every answer carries Discord's rate-limit headers")
    void headersOnEveryAnswer() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage())) {
            stub.limitChannelMessageWrites(5, Duration.ofSeconds(5));

            var response = new RawDiscordClient(stub).post(CHANNEL_MESSAGES, SAFE_MESSAGE);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-RateLimit-Limit")).contains("5");
            assertThat(response.headers().firstValue("X-RateLimit-Remaining")).contains("4");
            assertThat(response.headers().firstValue("X-RateLimit-Reset-After")).hasValueSatisfying(
                    after -> assertThat(Double.parseDouble(after)).isBetween(4.0, 5.0));
            assertThat(response.headers().firstValue("X-RateLimit-Reset")).isPresent();
            assertThat(response.headers().firstValue("X-RateLimit-Bucket")).isPresent();
            assertThat(response.headers().firstValue("Via")).isPresent();
        }
    }

    @Test
    @DisplayName("a request over the channel's limit gets a 429 that JDA waits out and retries, and it is counted")
    void tooManyRequestsIsRetried() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            // given another client already used up the channel's bucket
            stub.limitChannelMessageWrites(2, Duration.ofSeconds(1));
            RawDiscordClient other = new RawDiscordClient(stub);
            other.post(CHANNEL_MESSAGES, SAFE_MESSAGE);
            other.post(CHANNEL_MESSAGES, SAFE_MESSAGE);

            // when the bot posts in that channel
            Message posted = bot.jda().getTextChannelById(BACKSTAGE).sendMessage("Doors open")
                    .setAllowedMentions(EnumSet.noneOf(MentionType.class)).complete();

            // then it got a 429 first, waited and succeeded
            assertThat(stub.tooManyRequestsSent()).isEqualTo(1);
            assertThat(stub.requestsTo("POST", CHANNEL_MESSAGES)).extracting(RecordedRequest::status)
                    .containsExactly(200, 200, 429, 200);
            assertThat(stub.messages(BACKSTAGE)).last().extracting(StubMessage::id).isEqualTo(posted.getIdLong());
        }
    }

    @Test
    @DisplayName("JDA reading the headers never exceeds the channel's limit")
    void sensibleClientStaysUnderTheLimit() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            stub.limitChannelMessageWrites(3, Duration.ofMillis(700));
            TextChannel channel = bot.jda().getTextChannelById(BACKSTAGE);

            // when the bot queues seven messages at once
            List<CompletableFuture<Message>> sent = IntStream.range(0, 7)
                    .mapToObj(i -> channel.sendMessage("update " + i)
                            .setAllowedMentions(EnumSet.noneOf(MentionType.class)).submit())
                    .toList();
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();

            // then all arrive in order and none was refused
            assertThat(stub.tooManyRequestsSent()).isZero();
            assertThat(stub.messages(BACKSTAGE)).extracting(StubMessage::content)
                    .containsExactly("update 0", "update 1", "update 2", "update 3", "update 4", "update 5", "update 6");
        }
    }

    @Test
    @DisplayName("the global limit counts every route together and answers Discord's global 429 over it")
    void globalLimit() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage())) {
            stub.limitGlobal(3, Duration.ofSeconds(10));
            RawDiscordClient client = new RawDiscordClient(stub);

            List<Integer> statuses = IntStream.range(0, 4)
                    .mapToObj(i -> client.post(i % 2 == 0 ? CHANNEL_MESSAGES : "users/@me/channels",
                            i % 2 == 0 ? SAFE_MESSAGE : "{\"recipient_id\":\"" + TestGuilds.DRESSER + "\"}").statusCode())
                    .toList();
            var refused = client.post(CHANNEL_MESSAGES, SAFE_MESSAGE);

            assertThat(statuses).containsExactly(200, 200, 200, 429);
            assertThat(refused.headers().firstValue("X-RateLimit-Global")).contains("true");
            assertThat(stub.globalTooManyRequestsSent()).isEqualTo(2);
        }
    }
}

package dev.showcall.discord.stub;

import static dev.showcall.discord.stub.TestGuilds.BACKSTAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Failures injected into the Discord stub")
class FailureInjectionTest {

    private static final String CHANNEL_MESSAGES = "channels/" + BACKSTAGE + "/messages";

    private static MessageCreateAction post(JdaUnderTest bot, String text) {
        return bot.jda().getTextChannelById(BACKSTAGE).sendMessage(text)
                .setAllowedMentions(EnumSet.noneOf(MentionType.class));
    }

    @Test
    @DisplayName("injected 503s are recorded and JDA retries until the message goes through")
    void serviceUnavailableIsRetried() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            stub.failNext("POST", "channels/\\d+/messages", 503, 2);

            post(bot, "Doors open").complete();

            assertThat(stub.requestsTo("POST", CHANNEL_MESSAGES)).extracting(RecordedRequest::status, RecordedRequest::injected)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(503, true),
                            org.assertj.core.groups.Tuple.tuple(503, true),
                            org.assertj.core.groups.Tuple.tuple(200, false));
            assertThat(stub.messages(BACKSTAGE)).extracting(StubMessage::content).containsExactly("Doors open");
        }
    }

    @Test
    @DisplayName("an injected 500 is recorded and surfaces to the caller: JDA retries only 502-504 and 52x")
    void internalServerErrorIsNotRetried() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            stub.failNext("POST", "channels/\\d+/messages", 500, 1);

            assertThatThrownBy(() -> post(bot, "Doors open").complete())
                    .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.isServerError()).isTrue());
            assertThat(stub.requestsTo("POST", CHANNEL_MESSAGES)).singleElement()
                    .satisfies(r -> assertThat(r.injected()).isTrue())
                    .extracting(RecordedRequest::status).isEqualTo(500);
            assertThat(stub.messages(BACKSTAGE)).isEmpty();
        }
    }

    @Test
    @DisplayName("an injected delay holds the answer back")
    void delayedAnswer() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            stub.delayNext("POST", "channels/\\d+/messages", Duration.ofMillis(300), 1);

            long started = System.nanoTime();
            post(bot, "Doors open").complete();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    @DisplayName("held posts are stored once released, although the bot gave up waiting for them; once the test stops "
            + "holding, posts go through at once")
    void heldPostsStoredAfterRelease() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            HeldRequests held = stub.hold("POST", "channels/\\d+/messages",
                    body -> body.path("content").asText().startsWith("Log"));
            post(bot, "Board").complete();
            CompletableFuture<Message> log = post(bot, "Log: Anya arrived").submit();
            held.awaitArrived(Duration.ofSeconds(5));
            assertThat(stub.messages(BACKSTAGE)).extracting(StubMessage::content).containsExactly("Board");

            log.cancel(true);
            held.stopHolding();
            new RawDiscordClient(stub).post(CHANNEL_MESSAGES,
                    "{\"content\":\"Log: Anja arrived\",\"allowed_mentions\":{\"parse\":[]}}");
            held.release();
            held.awaitHandled(Duration.ofSeconds(5));

            assertThat(held.held()).isEqualTo(1);
            assertThat(stub.messages(BACKSTAGE)).extracting(StubMessage::content)
                    .containsExactly("Board", "Log: Anja arrived", "Log: Anya arrived");
        }
    }

    @Test
    @DisplayName("an action asked for before the next matching request runs when it comes in, before it is handled")
    void actionBeforeRequest() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            List<Integer> storedWhenItCame = new CopyOnWriteArrayList<>();
            stub.beforeNext("POST", "channels/\\d+/messages", () -> storedWhenItCame.add(stub.messages(BACKSTAGE).size()));

            post(bot, "Doors open").complete();
            post(bot, "Doors closed").complete();

            assertThat(storedWhenItCame).as("run once, before the first post was stored").containsExactly(0);
            assertThat(stub.messages(BACKSTAGE)).hasSize(2);
        }
    }
}

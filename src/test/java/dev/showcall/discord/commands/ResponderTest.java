package dev.showcall.discord.commands;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.showcall.discord.Replies;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Answering an interaction")
class ResponderTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final IReplyCallback interaction = mock(IReplyCallback.class, RETURNS_DEEP_STUBS);
    private final InteractionHook hook = mock(InteractionHook.class, RETURNS_DEEP_STUBS);

    @BeforeEach
    void hook() {
        when(interaction.getHook()).thenReturn(hook);
    }

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    @DisplayName("replies directly when the work is quicker than the acknowledgement deadline")
    void quickWork() throws InterruptedException {
        Responder responder = new Responder(interaction);
        responder.acknowledgeIfSlow(timer, Duration.ofMillis(200));

        responder.reply(Replies.info("done"));
        Thread.sleep(300);

        verify(interaction).reply(any(MessageCreateData.class));
        verify(interaction, never()).deferReply(anyBoolean());
    }

    @Test
    @DisplayName("acknowledges first and then edits in the answer when the work is slow")
    void slowWork() {
        Responder responder = new Responder(interaction);
        responder.acknowledgeIfSlow(timer, Duration.ofMillis(20));
        verify(interaction, timeout(2000)).deferReply(true);

        responder.reply(Replies.info("done"));

        verify(interaction, never()).reply(any(MessageCreateData.class));
        verify(hook).editOriginal(any(MessageEditData.class));
    }
}

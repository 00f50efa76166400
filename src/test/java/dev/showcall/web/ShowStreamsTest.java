package dev.showcall.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import dev.showcall.screen.Grant;
import io.javalin.http.sse.SseClient;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The pages' streams")
class ShowStreamsTest {

    private static final String SHOW = "maison-verre-aw27";

    /** A standby instance: every page is told it stands by, which needs no show. */
    private final ShowStreams streams = new ShowStreams(Optional::empty);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        streams.close();
    }

    /** A page whose network takes nothing: each write waits until the test ends. */
    private SseClient stuck() {
        SseClient client = mock(SseClient.class);
        doAnswer(call -> release.await(30, TimeUnit.SECONDS)).when(client).sendEvent(anyString(), any());
        return client;
    }

    @Test
    @DisplayName("a page whose network is stuck holds up no other page")
    void stuckPage() {
        for (int i = 0; i < ShowStreams.WRITERS - 1; i++) {
            streams.open(Grant.screen(SHOW, 0), stuck());
        }
        SseClient healthy = mock(SseClient.class);

        streams.open(Grant.lineup(SHOW, 0), healthy);

        verify(healthy, timeout(2_000)).sendEvent(eq(ShowStreams.STANDBY), any());
    }

    @Test
    @DisplayName("a stuck page takes one writer, however many changes wait for it")
    void oneWriterEach() throws InterruptedException {
        SseClient slow = stuck();
        streams.open(Grant.screen(SHOW, 0), slow);
        for (int i = 0; i < 50; i++) {
            streams.changed(SHOW);
        }
        Thread.sleep(200);
        SseClient healthy = mock(SseClient.class);

        streams.open(Grant.lineup(SHOW, 0), healthy);

        verify(healthy, timeout(2_000)).sendEvent(eq(ShowStreams.STANDBY), any());
        assertThat(streams.openPages()).isEqualTo(2);
    }
}

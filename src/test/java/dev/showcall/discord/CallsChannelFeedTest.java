package dev.showcall.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The calls channel's merging of posts")
class CallsChannelFeedTest {

    private static final Instant T = Instant.parse("2027-02-21T14:00:00Z");

    private static CallsChannelFeed.Post post(int secondsAfter, String key, String text, Set<Long> users,
                                              Set<Long> roles, long order) {
        return new CallsChannelFeed.Post(T.plusSeconds(secondsAfter), key, order, 0, text, Optional.empty(), users,
                roles, new CompletableFuture<>());
    }

    @Test
    @DisplayName("puts posts due together in one message, a line each, in the order they were due, with all their mentions")
    void merges() {
        List<CallsChannelFeed.Post> pending = new ArrayList<>(List.of(
                post(0, "department:b", "Dressers", Set.of(), Set.of(7L), 0),
                post(0, "department:a", "Hair", Set.of(), Set.of(), 1),
                post(-5, "crew:x|call", "<@1> your call", Set.of(1L), Set.of(), 2)));
        pending.sort(CallsChannelFeed.ORDER);

        CallsChannelFeed.Batch batch = CallsChannelFeed.batch(pending);

        assertThat(batch.content()).isEqualTo("<@1> your call\nHair\nDressers");
        assertThat(batch.users()).containsExactly(1L);
        assertThat(batch.roles()).containsExactly(7L);
        assertThat(batch.posts()).hasSize(3);
    }

    @Test
    @DisplayName("stops a message before Discord's 2000 characters, leaving the rest for the next")
    void fitsDiscordsLimit() {
        List<CallsChannelFeed.Post> pending = IntStream.range(0, 5)
                .mapToObj(i -> post(i, "k" + i, "x".repeat(600), Set.of(), Set.of(), i)).toList();

        CallsChannelFeed.Batch batch = CallsChannelFeed.batch(pending);

        assertThat(batch.posts()).hasSize(3);
        assertThat(batch.content()).hasSizeLessThanOrEqualTo(CallsChannelFeed.MAX_CONTENT);
    }

    @Test
    @DisplayName("never names more than 100 users a message may ping")
    void fitsTheMentionLimit() {
        List<CallsChannelFeed.Post> pending = IntStream.range(0, 120)
                .mapToObj(i -> post(0, "k" + i, "<@" + i + ">", Set.of((long) i), Set.of(), i)).toList();

        CallsChannelFeed.Batch batch = CallsChannelFeed.batch(pending);

        assertThat(batch.users()).hasSize(CallsChannelFeed.MAX_MENTIONS);
        assertThat(batch.posts()).hasSize(CallsChannelFeed.MAX_MENTIONS);
    }
}

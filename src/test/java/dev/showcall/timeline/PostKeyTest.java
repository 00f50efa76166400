package dev.showcall.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The key of a post in the timeline channel")
class PostKeyTest {

    private static final long CHANNEL = 1190000000000000002L;
    private static final LogBatch BATCH = new LogBatch(List.of(17L, 18L), "<t:1771700520:t> ✅ Anya Petrova arrived", false);

    @Test
    @DisplayName("is the same for the same log message, every time it is made")
    void sameMessageSameKey() {
        LogBatch again = new LogBatch(List.of(17L, 18L), "<t:1771700520:t> ✅ Anya Petrova arrived", false);

        assertThat(PostKey.forLog("aw27", CHANNEL, again)).isEqualTo(PostKey.forLog("aw27", CHANNEL, BATCH));
    }

    @Test
    @DisplayName("fits Discord's nonce: 25 characters, digits and lower-case letters")
    void fitsDiscordsNonce() {
        assertThat(PostKey.forLog("a-show-id-much-longer-than-twenty-five-characters", CHANNEL, BATCH).value())
                .hasSize(25).matches("[0-9a-z]{25}");
        assertThat(PostKey.forBoard("aw27", CHANNEL, 0).value()).hasSize(25).matches("[0-9a-z]{25}");
    }

    @Test
    @DisplayName("differs with the show, the channel, the events and the text of the message")
    void differsWithWhatItCarries() {
        PostKey key = PostKey.forLog("aw27", CHANNEL, BATCH);

        assertThat(List.of(
                PostKey.forLog("ss28", CHANNEL, BATCH),
                PostKey.forLog("aw27", CHANNEL + 1, BATCH),
                PostKey.forLog("aw27", CHANNEL, new LogBatch(List.of(17L), BATCH.content(), false)),
                PostKey.forLog("aw27", CHANNEL, new LogBatch(BATCH.eventIds(), "<t:1771700580:t> ✅ Anya Petrova arrived",
                        false))))
                .doesNotContain(key)
                .doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("of a board differs with the board it replaces, and from any log message's")
    void boardKeys() {
        PostKey first = PostKey.forBoard("aw27", CHANNEL, 0);

        assertThat(PostKey.forBoard("aw27", CHANNEL, 0)).isEqualTo(first);
        assertThat(PostKey.forBoard("aw27", CHANNEL, 1190000000000000777L)).isNotEqualTo(first);
        assertThat(PostKey.forLog("aw27", CHANNEL, new LogBatch(List.of(0L), "x", false))).isNotEqualTo(first);
    }
}

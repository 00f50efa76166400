package dev.showcall.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DMs due together to one person")
class DmDigestsTest {

    @Test
    @DisplayName("go as one message while they fit")
    void oneMessageWhileTheyFit() {
        // given five people of one department, each with their button
        List<DmDigests.Part> parts = parts(5, 100, 1);

        // when they are gathered
        List<List<DmDigests.Part>> messages = DmDigests.messages(parts);

        // then the lead gets one message with all five
        assertThat(messages).singleElement().satisfies(m -> assertThat(m).hasSize(5));
    }

    @Test
    @DisplayName("start a second message past Discord's 25 buttons")
    void secondMessagePastTwentyFiveButtons() {
        // given thirty models, each with an Offer standby button
        List<DmDigests.Part> parts = parts(30, 60, 1);

        // when they are gathered
        List<List<DmDigests.Part>> messages = DmDigests.messages(parts);

        // then the first message holds 25 and the second the rest, in order
        assertThat(messages).extracting(List::size).containsExactly(25, 5);
        assertThat(messages.get(1).get(0).key()).isEqualTo("part-25");
    }

    @Test
    @DisplayName("start a second message past Discord's 2,000 characters")
    void secondMessagePastTheLengthLimit() {
        // given ten lines of 300 characters, without buttons
        List<DmDigests.Part> parts = parts(10, 300, 0);

        // when they are gathered
        List<List<DmDigests.Part>> messages = DmDigests.messages(parts);

        // then no message is longer than Discord takes, header included, and none is lost
        assertThat(messages).hasSizeGreaterThan(1).allSatisfy(m -> assertThat(HEADER.length() + 1
                + m.stream().mapToInt(p -> p.text().length() + 1).sum()).isLessThanOrEqualTo(Message.MAX_CONTENT_LENGTH));
        assertThat(messages.stream().mapToInt(List::size).sum()).isEqualTo(10);
    }

    private static final String HEADER = "⏫ **Show**: you lead their department. Can you reach them?";

    private static List<DmDigests.Part> parts(int count, int length, int buttons) {
        return IntStream.range(0, count).mapToObj(i -> new DmDigests.Part("part-" + i, HEADER, "x".repeat(length),
                IntStream.range(0, buttons).mapToObj(b -> Button.success("reached:" + i + ":" + b, "I reached " + i))
                        .toList(), new CompletableFuture<>())).toList();
    }
}

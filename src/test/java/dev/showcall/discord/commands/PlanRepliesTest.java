package dev.showcall.discord.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.show.Problem;
import dev.showcall.show.yaml.Location;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The answer to a show file that does not validate")
class PlanRepliesTest {

    private static Problem problem(int line) {
        return new Problem(Problem.Severity.ERROR, "show.yaml", new Location(line, 7), "looks[" + line + "].model",
                "no model named \"Nobody " + line + "\"", Optional.of("did you mean \"Anya Petrova\"?"));
    }

    @Test
    @DisplayName("lists every problem with its line and field when they fit in one message")
    void allInTheMessage() {
        MessageCreateData reply = PlanReplies.invalid("show.yaml", List.of(problem(12), problem(40)));

        assertThat(reply.getContent()).contains("**show.yaml** does not validate: 2 problems. Nothing was changed.")
                .contains("show.yaml:12:7: looks[12].model: no model named \"Nobody 12\"")
                .contains("show.yaml:40:7: looks[40].model");
        assertThat(reply.getFiles()).isEmpty();
    }

    @Test
    @DisplayName("gives the first ones within Discord's 2000 characters and every one of them in a file beside it")
    void manyInAFile() throws Exception {
        List<Problem> problems = IntStream.rangeClosed(1, 80).mapToObj(PlanRepliesTest::problem).toList();

        MessageCreateData reply = PlanReplies.invalid("show.yaml", problems);

        assertThat(reply.getContent().length()).isLessThanOrEqualTo(Message.MAX_CONTENT_LENGTH);
        assertThat(reply.getContent()).contains("80 problems").contains("show.yaml:1:7:").doesNotContain("show.yaml:80:7:")
                .contains("all of them in show.yaml-problems.txt");
        assertThat(reply.getFiles()).singleElement().satisfies(file -> {
            assertThat(file.getName()).isEqualTo("show.yaml-problems.txt");
            String all = new String(((FileUpload) file).getData().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(all.lines()).hasSize(80).last().asString().startsWith("show.yaml:80:7: looks[80].model");
        });
    }
}

package dev.showcall.discord.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The slash commands registered before anything opens")
class SlashCommandsTest {

    @Test
    @DisplayName("are seventeen, each named once within Discord's rule, each ending with the show option")
    void namedOnce() {
        List<String> names = SlashCommands.ALL.stream().map(SlashCommandData::getName).toList();

        assertThat(names).hasSize(17).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z]{1,32}"));
        assertThat(SlashCommands.ALL).filteredOn(c -> c.getSubcommands().isEmpty())
                .allSatisfy(c -> assertThat(c.getOptions().get(c.getOptions().size() - 1).getName())
                        .isEqualTo(SlashCommand.SHOW_OPTION));
        assertThat(SlashCommands.ALL).flatMap(SlashCommandData::getSubcommands).hasSizeGreaterThan(3).allSatisfy(s ->
                assertThat(s.getOptions().get(s.getOptions().size() - 1).getName()).isEqualTo(SlashCommand.SHOW_OPTION));
    }

    @Test
    @DisplayName("pass when the listener handles exactly them, in any order")
    void handled() {
        List<SlashCommandData> handled = new ArrayList<>(SlashCommands.ALL);
        java.util.Collections.reverse(handled);

        SlashCommands.requireHandled(handled);
    }

    @Test
    @DisplayName("refuse a wiring that leaves one without a handler, naming what differs")
    void missingHandler() {
        List<SlashCommandData> handled = SlashCommands.ALL.stream()
                .filter(c -> !c.getName().equals(ArrivedCommand.NAME)).toList();

        assertThatThrownBy(() -> SlashCommands.requireHandled(handled))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("arrived");
    }

    @Test
    @DisplayName("refuse a handler whose data is not the one registered, though named alike")
    void otherData() {
        List<SlashCommandData> handled = new ArrayList<>(SlashCommands.ALL);
        handled.set(0, ShowSlashCommand.showCommand(ArrivedCommand.NAME, "Another arrived"));

        assertThatThrownBy(() -> SlashCommands.requireHandled(handled)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("/show refuses subcommands other than those its data registers")
    void showSubcommands() {
        assertThatThrownBy(() -> new ShowCommand(List.of(new ShowPlanCommand())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upload");
    }
}

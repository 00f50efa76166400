package dev.showcall.discord.stub;

import static dev.showcall.discord.stub.TestGuilds.GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Registering commands on the Discord stub")
class CommandRegistrationTest {

    @Test
    @DisplayName("guild commands registered by JDA are stored with ids and pass Discord's limits and schema")
    void registersGuildCommands() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            // when the bot overwrites its guild commands
            List<Command> registered = bot.jda().getGuildById(GUILD).updateCommands().addCommands(
                    Commands.slash("arrived", "Mark a model as arrived")
                            .addOption(OptionType.STRING, "model", "Who arrived", true, true),
                    Commands.slash("delay", "Delay the show")
                            .addOption(OptionType.INTEGER, "minutes", "How long", true)
                            .addOption(OptionType.STRING, "reason", "Why", false))
                    .complete();

            // then the stub keeps them under the ids JDA got back, and nothing broke a rule
            assertThat(stub.commands(GUILD)).extracting(RegisteredCommand::name).containsExactly("arrived", "delay");
            assertThat(registered).extracting(Command::getIdLong)
                    .containsExactlyElementsOf(stub.commands(GUILD).stream().map(RegisteredCommand::id).toList());
            RecordedRequest put = stub.requestsTo("PUT",
                    "applications/" + stub.applicationId() + "/guilds/" + GUILD + "/commands").get(0);
            assertThat(put.status()).isEqualTo(200);
            // JDA sends contexts as numeric strings, the one divergence from the schema the check tolerates
            assertThat(put.body().get(0).path("contexts").get(0).isTextual()).isTrue();
            assertThat(stub.violations()).isEmpty();
        }
    }

    @Test
    @DisplayName("registering again keeps the ids of commands that stay")
    void keepsIdsOnOverwrite() {
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub)) {
            var guild = bot.jda().getGuildById(GUILD);
            guild.updateCommands().addCommands(Commands.slash("calls", "Who is called when")).complete();
            long first = stub.commands(GUILD).get(0).id();

            guild.updateCommands().addCommands(Commands.slash("calls", "Who is called when"),
                    Commands.slash("lineup", "The running order")).complete();

            assertThat(stub.commands(GUILD)).extracting(RegisteredCommand::name).containsExactly("calls", "lineup");
            assertThat(stub.commands(GUILD).get(0).id()).isEqualTo(first);
        }
    }
}

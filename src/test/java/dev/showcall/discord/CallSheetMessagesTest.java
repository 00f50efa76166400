package dev.showcall.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.callsheet.SheetLine;
import dev.showcall.discord.commands.MyCallCommand;
import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Show;
import dev.showcall.show.ShowReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The call-sheet DM")
class CallSheetMessagesTest {

    private static final PlannedShow SHOW = planned();
    private static final Call PR = SHOW.sheet().calls().stream().filter(c -> c.userId().isPresent()).findFirst()
            .orElseThrow();

    private static PlannedShow planned() {
        Show show = ShowReader.read("stub.yaml", ShowcallOnStub.showYaml()).show().orElseThrow();
        return new PlannedShow(show, CallPlanner.plan(show));
    }

    private static List<String> fieldNames(MessageCreateData dm) {
        return dm.getEmbeds().get(0).getFields().stream().map(MessageEmbed.Field::getName).toList();
    }

    @Test
    @DisplayName("carries the call with its date, department, a calendar file of the call and Got it")
    void wholeSheet() {
        MessageCreateData dm = CallSheetMessages.dm(SHOW, PR, Duration.ZERO, Optional.empty(), CallPing.CALL_SHEET,
                Instant.now());

        assertThat(dm.getEmbeds().get(0).getDescription()).contains("<t:" + PR.at().getEpochSecond() + ":F>");
        assertThat(fieldNames(dm)).startsWith("Department", "Call");
        assertThat(dm.getFiles()).extracting(FileUpload::getName).containsExactly(MyCallCommand.fileName(SHOW));
        assertThat(dm.getComponents()).singleElement().satisfies(row -> assertThat(((ActionRow) row).getButtons())
                .extracting(Button::getLabel, Button::getCustomId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Got it",
                        "sheet:" + SHOW.id() + ":" + PR.ref())));
        assertThat(dm.getAllowedMentions()).isEmpty();
    }

    @Test
    @DisplayName("of an update, shows only what changed, each with what it was")
    void update() {
        SheetLine before = new SheetLine(PR.at().minusSeconds(1800), PR.meetingPoint(), PR.leadUserId(),
                Optional.of("Old notes"));
        String ping = SheetLine.of(PR).updateAfter(CallPing.CALL_SHEET);

        MessageCreateData dm = CallSheetMessages.dm(SHOW, PR, Duration.ZERO, Optional.of(before), ping, Instant.now());

        assertThat(dm.getContent()).contains("changed");
        assertThat(fieldNames(dm)).containsExactly("Call", "Notes");
        assertThat(dm.getEmbeds().get(0).getFields().get(0).getValue())
                .contains("(was <t:" + before.callAt().getEpochSecond() + ":F>");
        assertThat(dm.getEmbeds().get(0).getFields().get(1).getValue()).contains("none").contains("Old notes");
        assertThat(dm.getComponents().get(0).asActionRow().getButtons().get(0).getCustomId())
                .endsWith(":" + CallPing.callSheetVersion(ping).orElseThrow());
    }

    @Test
    @DisplayName("fits its Got it button in Discord's 100 characters with the longest show id, and reads it back")
    void buttonFits() {
        String longest = "s".repeat(64);
        String ping = CallPing.callSheetUpdate("0123456789ab");

        String id = CallSheetMessages.gotItId(longest, "model:Anya: Petrova", ping);
        List<String> parts = List.of(id.split(":", -1));

        assertThat(id).hasSizeLessThanOrEqualTo(100);
        assertThat(parts).hasSize(4);
        assertThat(CallSheetMessages.pingOf(parts.subList(3, 4))).isEqualTo(ping);
        assertThat(CallSheetMessages.pingOf(List.of())).isEqualTo(CallPing.CALL_SHEET);
    }

    @Test
    @DisplayName("names the lead as a mention that pings nobody")
    void lead() {
        Call withLead = new SheetLine(PR.at(), Optional.of("Stage door"), OptionalLong.of(42L), Optional.empty())
                .applyTo(PR);

        MessageCreateData dm = CallSheetMessages.dm(SHOW, withLead, Duration.ZERO, Optional.empty(),
                CallPing.CALL_SHEET, Instant.now());

        assertThat(dm.getEmbeds().get(0).getFields()).anySatisfy(f -> {
            assertThat(f.getName()).isEqualTo("Lead");
            assertThat(f.getValue()).isEqualTo("<@42>");
        });
        assertThat(dm.getAllowedMentions()).isEmpty();
    }
}

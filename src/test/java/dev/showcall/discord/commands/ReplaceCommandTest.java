package dev.showcall.discord.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.Replacement;
import dev.showcall.looks.Replacements.Delivery;
import dev.showcall.looks.Replacements.Notice;
import dev.showcall.looks.Replacements.Outcome;
import dev.showcall.looks.Replacements.Way;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The answer to /replace")
class ReplaceCommandTest {

    private static final long PR = 1190000000000000111L;
    private static final long SAM = 1190000000000000402L;
    private static final long ROSA = 1190000000000000401L;
    private static final long JADE = 1190000000000000207L;
    private static final Replacement REPLACEMENT = new Replacement(3, "show", "Mei Lin Zhou", "Jade Nguyen",
            List.of(6, 11), Instant.parse("2027-02-21T17:40:00Z"), PR);

    private static String answer(Outcome.Replaced replaced, List<Delivery> deliveries) {
        return ReplaceCommand.replied(replaced, deliveries).getContent();
    }

    @Test
    @DisplayName("says how each person is being told while the notices are on their way, claiming none delivered")
    void beingTold() {
        // given Jade's DMs are known to be closed
        Outcome.Replaced replaced = new Outcome.Replaced(REPLACEMENT, List.of(),
                List.of(new Notice(SAM, Way.DM), new Notice(ROSA, Way.DM), new Notice(JADE, Way.CALLS_CHANNEL)), false,
                false);

        // when nothing has gone out yet
        String text = answer(replaced, List.of());

        // then
        assertThat(text).isEqualTo("🔁 **Jade Nguyen** replaces **Mei Lin Zhou** in looks 6, 11."
                + "\n📨 Telling by DM: <@" + SAM + ">, <@" + ROSA + ">."
                + "\n📣 Telling in the calls channel (DMs closed): <@" + JADE + ">.");
    }

    @Test
    @DisplayName("says how each notice went once it has, and which are still on their way")
    void told() {
        // given every notice was to go by DM
        Outcome.Replaced replaced = new Outcome.Replaced(REPLACEMENT, List.of(),
                List.of(new Notice(SAM, Way.DM), new Notice(ROSA, Way.DM), new Notice(JADE, Way.DM)), false, false);

        // when Sam's went by DM, Jade's had to go to the calls channel and Rosa's is still on its way
        String text = answer(replaced, List.of(new Delivery(SAM, Optional.of(Way.DM)), new Delivery(ROSA, Optional.empty()),
                new Delivery(JADE, Optional.of(Way.CALLS_CHANNEL))));

        // then
        assertThat(text).contains("\n📨 Told by DM: <@" + SAM + ">.")
                .contains("\n📨 Telling by DM: <@" + ROSA + ">.")
                .contains("\n📣 Told in the calls channel (DMs closed): <@" + JADE + ">.");
    }

    @Test
    @DisplayName("says to tell in person whoever replaces with no Discord account, and never that she was called")
    void inPerson() {
        // given Jade has no Discord account, and the looks have no dresser to tell
        Outcome.Replaced replaced = new Outcome.Replaced(REPLACEMENT, List.of(), List.of(), true, false);

        // when answered
        String text = answer(replaced, List.of());

        // then
        assertThat(text).isEqualTo("🔁 **Jade Nguyen** replaces **Mei Lin Zhou** in looks 6, 11."
                + "\n🗣️ Jade Nguyen has no Discord account in the show file: tell her in person.");
    }
}

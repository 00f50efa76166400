package dev.showcall.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.roster.LinkClaim;
import dev.showcall.roster.Person;
import dev.showcall.show.Account;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What producers read of a claim of a roster line")
class ClaimMessagesTest {

    private static final Instant NOW = Instant.parse("2027-02-21T10:00:00Z");
    private static final long SIOBHAN = 1190000000000000141L;
    private static final long SOMEONE = 1190000000000000142L;
    private static final long PRODUCER = 1190000000000000121L;

    private static LinkClaim claim(String key, String label, LinkClaim.Status status) {
        boolean decided = status != LinkClaim.Status.PENDING;
        return new LinkClaim(7, "iam-show", key, label, SIOBHAN, NOW, status,
                decided ? OptionalLong.of(PRODUCER) : OptionalLong.empty(),
                decided ? Optional.of(NOW) : Optional.empty(), OptionalLong.empty());
    }

    private static LinkClaim siobhan(LinkClaim.Status status) {
        return claim("@siobhan.kelly", "Siobhan Kelly (Hair)", status);
    }

    private static Person line(OptionalLong userId, boolean linked) {
        return new Person("@siobhan.kelly", "Siobhan Kelly", List.of("Hair"),
                Optional.of(new Account.Username("siobhan.kelly")), userId, linked);
    }

    private static List<String> buttons(MessageCreateData message) {
        return message.getComponentTree().findAll(Button.class).stream().map(Button::getCustomId).toList();
    }

    @Test
    @DisplayName("asks with Approve and Refuse, mentioning the claimant and pinging nobody")
    void ask() {
        MessageCreateData ask = ClaimMessages.ask(siobhan(LinkClaim.Status.PENDING), Optional.of(line(
                OptionalLong.empty(), false)));

        assertThat(ask.getContent()).isEqualTo("🙋 <@" + SIOBHAN + "> says they are **Siobhan Kelly (Hair)**. Approve"
                + " to link them to this line: they get its calls by DM, and its department's rights on /look. Nobody is"
                + " linked to this line yet.");
        assertThat(buttons(ask)).containsExactly("iam-approve:7", "iam-refuse:7");
        assertThat(ask.getAllowedMentions()).isEmpty();
        assertThat(ask.getMentionedUsers()).isEmpty();
    }

    @Test
    @DisplayName("tells producers who the line is on now, and how")
    void current() {
        LinkClaim claim = siobhan(LinkClaim.Status.PENDING);

        assertThat(ClaimMessages.ask(claim, Optional.of(line(OptionalLong.of(SOMEONE), true))).getContent())
                .endsWith("This line is now <@" + SOMEONE + ">, as a producer linked it.");
        assertThat(ClaimMessages.ask(claim, Optional.of(line(OptionalLong.of(SOMEONE), false))).getContent())
                .endsWith("This line is now <@" + SOMEONE + ">, as the show file gives it.");
        assertThat(ClaimMessages.ask(claim, Optional.of(line(OptionalLong.of(SIOBHAN), true))).getContent())
                .endsWith("This line is theirs already.");
        assertThat(ClaimMessages.ask(claim, Optional.empty()).getContent())
                .endsWith("This line is no longer on the roster.");
    }

    @Test
    @DisplayName("promises a model her calls, not rights on /look, and shows a line as it was written")
    void modelAndEscaping() {
        MessageCreateData ask = ClaimMessages.ask(claim("model:**Anya**", "**Anya** <@&1> (Model)",
                LinkClaim.Status.PENDING), Optional.empty());

        assertThat(ask.getContent()).contains("says they are **\\*\\*Anya\\*\\* \\<@&1> (Model)**")
                .contains("they get its calls by DM. ").doesNotContain("/look");
    }

    @Test
    @DisplayName("once decided says who decided, without buttons; a later click is told who did")
    void decided() {
        MessageCreateData approved = ClaimMessages.decided(siobhan(LinkClaim.Status.APPROVED));
        MessageCreateData refused = ClaimMessages.decided(siobhan(LinkClaim.Status.REFUSED));

        assertThat(approved.getContent()).isEqualTo("✅ Approved by <@" + PRODUCER + ">: <@" + SIOBHAN
                + "> is **Siobhan Kelly (Hair)**.");
        assertThat(refused.getContent()).isEqualTo("❌ Refused by <@" + PRODUCER + ">: <@" + SIOBHAN
                + "> said they are **Siobhan Kelly (Hair)**; nothing was linked.");
        assertThat(buttons(approved)).isEmpty();
        assertThat(refused.getAllowedMentions()).isEmpty();
        assertThat(ClaimMessages.alreadyDecided(siobhan(LinkClaim.Status.REFUSED)).getContent())
                .isEqualTo("This claim of **Siobhan Kelly (Hair)** was already refused by <@" + PRODUCER + "> <t:"
                        + NOW.getEpochSecond() + ":R>; nothing changed.");
    }

    @Test
    @DisplayName("names the claim in its buttons' ids by its id alone")
    void buttonIds() {
        assertThat(ClaimMessages.approveId(7)).isEqualTo("iam-approve:7");
        assertThat(ClaimMessages.refuseId(7)).isEqualTo("iam-refuse:7");
    }
}

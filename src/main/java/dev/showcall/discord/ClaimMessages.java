package dev.showcall.discord;

import dev.showcall.roster.LinkClaim;
import dev.showcall.roster.Person;
import dev.showcall.roster.Roster;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * What producers read of a claim of a roster line ({@code /iam}) in the timeline channel: who claims which line,
 * with Approve and Refuse, then who decided. The claimant is mentioned so that producers see who it is, and
 * pinged by none of it.
 */
public final class ClaimMessages {

    /** {@code iam-approve:<claim id>}. */
    public static final String APPROVE = "iam-approve";
    /** {@code iam-refuse:<claim id>}. */
    public static final String REFUSE = "iam-refuse";

    private ClaimMessages() {
    }

    public static String approveId(long claimId) {
        return APPROVE + ":" + claimId;
    }

    public static String refuseId(long claimId) {
        return REFUSE + ":" + claimId;
    }

    /**
     * The question to producers, with the buttons.
     *
     * @param now the line as the roster has it now, if it is still on it: who it is linked to is theirs to know
     */
    public static MessageCreateData ask(LinkClaim claim, Optional<Person> now) {
        boolean model = claim.personKey().startsWith(Roster.MODEL);
        String text = "🙋 " + Replies.user(claim.userId()) + " says they are " + Replies.bold(claim.personLabel())
                + ". Approve to link them to this line: they get its calls by DM"
                + (model ? "" : ", and its department's rights on /look") + ". " + current(claim, now);
        return Replies.builder(text)
                .setComponents(ActionRow.of(
                        Button.success(approveId(claim.id()), "Approve"),
                        Button.danger(refuseId(claim.id()), "Refuse")))
                .build();
    }

    private static String current(LinkClaim claim, Optional<Person> now) {
        if (now.isEmpty()) {
            return "This line is no longer on the roster.";
        }
        Person person = now.get();
        if (person.userId().isEmpty()) {
            return "Nobody is linked to this line yet.";
        }
        if (person.userId().getAsLong() == claim.userId()) {
            return "This line is theirs already.";
        }
        return "This line is now " + Replies.user(person.userId().getAsLong())
                + (person.linked() ? ", as a producer linked it." : ", as the show file gives it.");
    }

    /** The question once decided: who decided, and no buttons. */
    public static MessageCreateData decided(LinkClaim claim) {
        long by = claim.decidedBy().orElseThrow(() -> new IllegalArgumentException("claim " + claim.id()
                + " is not decided"));
        String line = Replies.bold(claim.personLabel());
        String text = claim.status() == LinkClaim.Status.APPROVED
                ? "✅ Approved by " + Replies.user(by) + ": " + Replies.user(claim.userId()) + " is " + line + "."
                : "❌ Refused by " + Replies.user(by) + ": " + Replies.user(claim.userId()) + " said they are " + line
                        + "; nothing was linked.";
        return Replies.info(text);
    }

    /** To a producer clicking a claim someone decided already. */
    public static MessageCreateData alreadyDecided(LinkClaim claim) {
        String what = claim.status() == LinkClaim.Status.APPROVED ? "approved" : "refused";
        return Replies.info("This claim of " + Replies.bold(claim.personLabel()) + " was already " + what + " by "
                + Replies.user(claim.decidedBy().orElseThrow()) + " "
                + claim.decidedAt().map(Replies::relative).orElse("") + "; nothing changed.");
    }

    /** Whether Discord's copy of a message is the question for this claim. */
    static boolean isAsk(Message message, long claimId) {
        String id = approveId(claimId);
        return message.getComponentTree().find(Button.class, b -> id.equals(b.getCustomId())).isPresent();
    }
}

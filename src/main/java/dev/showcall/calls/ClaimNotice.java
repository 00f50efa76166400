package dev.showcall.calls;

import dev.showcall.roster.LinkClaim;
import dev.showcall.text.UserText;
import java.util.Optional;

/** What someone who claimed a roster line with {@code /iam} is told once a producer has decided. Pure. */
public final class ClaimNotice {

    private ClaimNotice() {
    }

    /** The notice's subject in the ping table: the claimant, as for any notice to one person. */
    public static String subject(LinkClaim claim) {
        return ReplacementNotice.subject(claim.userId());
    }

    /** The answer to a decided claim; nothing while it waits. */
    public static Optional<String> text(String showName, LinkClaim claim) {
        String show = UserText.inline(showName);
        String line = "**" + UserText.inline(claim.personLabel()) + "**";
        return switch (claim.status()) {
            case PENDING -> Optional.empty();
            case APPROVED -> Optional.of("✅ " + show + ": a producer confirmed that you are " + line
                    + ". From now on your calls for this show come to you here, by DM.");
            case REFUSED -> Optional.of("❌ " + show + ": the producers did not confirm that you are " + line
                    + ", so that line is not linked to you. If it is yours, talk to a producer.");
        };
    }
}

package dev.showcall.discord.commands;

import dev.showcall.backstage.ShowDirectory;
import dev.showcall.discord.ClaimMessages;
import dev.showcall.discord.Replies;
import dev.showcall.links.Claims;
import dev.showcall.roster.LinkClaim;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/**
 * Approve and Refuse under a claim of a roster line: {@code iam-approve:<claim id>} and
 * {@code iam-refuse:<claim id>}. The claim is in the database, so the buttons work after a restart, and only one
 * click decides it; the message is then changed, through the click itself, to say who decided. Producers only,
 * checked at every click.
 */
public final class ClaimButtons implements ButtonHandler {

    private final String prefix;
    private final Claims claims;
    private final ShowDirectory shows;

    private ClaimButtons(String prefix, Claims claims, ShowDirectory shows) {
        this.prefix = prefix;
        this.claims = claims;
        this.shows = shows;
    }

    public static ClaimButtons approve(Claims claims, ShowDirectory shows) {
        return new ClaimButtons(ClaimMessages.APPROVE, claims, shows);
    }

    public static ClaimButtons refuse(Claims claims, ShowDirectory shows) {
        return new ClaimButtons(ClaimMessages.REFUSE, claims, shows);
    }

    @Override
    public String buttonPrefix() {
        return prefix;
    }

    @Override
    public void onButton(ButtonInteractionEvent event, String[] idParts, Responder responder) {
        Optional<LinkClaim> claim = Guards.buttonNumber(idParts).flatMap(claims::find);
        if (claim.isEmpty()) {
            responder.reply(Replies.error(Replies.RETIRED_BUTTON));
            return;
        }
        if (Guards.requireProducerOf(claim.get().showId(), shows, event.getMember(), responder).isEmpty()) {
            return;
        }
        long by = event.getUser().getIdLong();
        Claims.Decision decision = prefix.equals(ClaimMessages.APPROVE) ? claims.approve(claim.get().id(), by)
                : claims.refuse(claim.get().id(), by);
        if (decision instanceof Claims.Decision.Approved approved) {
            responder.update(ClaimMessages.decided(approved.claim()));
        } else if (decision instanceof Claims.Decision.Refused refused) {
            responder.update(ClaimMessages.decided(refused.claim()));
        } else if (decision instanceof Claims.Decision.AlreadyDecided already) {
            // a second click must not write over what the first one's change says
            responder.reply(ClaimMessages.alreadyDecided(already.claim()));
        } else {
            responder.reply(Replies.error(((Claims.Decision.Failed) decision).reason()));
        }
    }
}

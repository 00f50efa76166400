package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.discord.Replies;
import dev.showcall.show.DiscordBinding;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;

/**
 * Role checks at run time: Discord's default permissions only hide commands, and a server admin
 * can change them, so PR and producer actions are checked against the show's roles every time.
 * A guard that refuses has already answered, ephemerally.
 */
public final class Guards {

    private Guards() {
    }

    /** PR or producers, as the show file names their roles. */
    public static boolean requirePrOrProducer(Member member, PlannedShow show, Responder responder) {
        DiscordBinding discord = show.show().discord();
        if (member != null && (hasRole(member, discord.prRoleId()) || hasRole(member, discord.producerRoleId()))) {
            return true;
        }
        responder.reply(Replies.error("Only PR and producers can do this for " + show.show().name()
                + ": it needs the <@&" + discord.prRoleId() + "> or <@&" + discord.producerRoleId() + "> role."));
        return false;
    }

    /** Producers only: the show's clock and the whole call sheet are theirs. */
    public static boolean requireProducer(Member member, PlannedShow show, Responder responder) {
        long producers = show.show().discord().producerRoleId();
        if (member != null && hasRole(member, producers)) {
            return true;
        }
        responder.reply(Replies.error("Only producers can do this for " + show.show().name() + ": it needs the <@&"
                + producers + "> role."));
        return false;
    }

    static boolean hasRole(Member member, long roleId) {
        return member.getRoles().stream().mapToLong(Role::getIdLong).anyMatch(id -> id == roleId);
    }
}

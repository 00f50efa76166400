package dev.showcall.discord.commands;

import dev.showcall.text.UserText;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.discord.Replies;
import dev.showcall.show.DiscordBinding;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import java.util.Optional;
import java.util.OptionalLong;

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
        responder.reply(Replies.error("Only PR and producers can do this for " + UserText.inline(show.show().name())
                + ": it needs the <@&" + discord.prRoleId() + "> or <@&" + discord.producerRoleId() + "> role."));
        return false;
    }

    /** Producers only: the show's clock and the whole call sheet are theirs. */
    public static boolean requireProducer(Member member, PlannedShow show, Responder responder) {
        long producers = show.show().discord().producerRoleId();
        if (member != null && hasRole(member, producers)) {
            return true;
        }
        responder.reply(Replies.error("Only producers can do this for " + UserText.inline(show.show().name()) + ": it needs the <@&"
                + producers + "> role."));
        return false;
    }

    /**
     * Anyone working the show: producers, PR, a member or role of one of its departments, or the
     * dresser of one of its looks.
     */
    public static boolean requireCrew(Member member, PlannedShow show, Responder responder) {
        if (member != null && isCrew(member, show)) {
            return true;
        }
        responder.reply(Replies.error("Only the crew of " + UserText.inline(show.show().name()) + " can do this: producers, PR, "
                + "and the people or roles the show file names in its departments and looks."));
        return false;
    }

    static boolean isCrew(Member member, PlannedShow show) {
        DiscordBinding discord = show.show().discord();
        long user = member.getIdLong();
        return hasRole(member, discord.producerRoleId()) || hasRole(member, discord.prRoleId())
                || show.show().departments().stream().anyMatch(d ->
                        d.roleId().isPresent() && hasRole(member, d.roleId().getAsLong())
                                || d.members().stream().anyMatch(m -> m.userId().equals(OptionalLong.of(user))))
                || show.show().looks().stream().anyMatch(l -> l.dresserUserId().equals(OptionalLong.of(user)));
    }

    public static boolean isProducer(Member member, PlannedShow show) {
        return member != null && hasRole(member, show.show().discord().producerRoleId());
    }

    static boolean hasRole(Member member, long roleId) {
        return member.getRoles().stream().mapToLong(Role::getIdLong).anyMatch(id -> id == roleId);
    }

    /** The number a button's id carries after its name ({@code name:<number>}), if it carries one. */
    static Optional<Long> buttonNumber(String[] idParts) {
        if (idParts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(idParts[1]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The running show a producer's decision is about, when it still runs and the member is one of its
     * producers; otherwise says why, ephemerally, and gives nothing.
     */
    static Optional<PlannedShow> requireProducerOf(String showId, ShowDirectory shows,
                                                             Member member, Responder responder) {
        Optional<PlannedShow> show = shows.byId(showId);
        if (show.isEmpty()) {
            responder.reply(Replies.error("This show is no longer running; nothing was changed."));
            return Optional.empty();
        }
        return requireProducer(member, show.get(), responder) ? show : Optional.empty();
    }
}

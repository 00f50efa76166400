package dev.showcall.discord;

import dev.showcall.roster.MemberList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;

/** The member lists JDA keeps with the Server Members intent; read from its cache, never over the network. */
public final class DiscordMembers implements MemberList {

    private final Supplier<DiscordBot> bot;

    public DiscordMembers(Supplier<DiscordBot> bot) {
        this.bot = bot;
    }

    @Override
    public boolean known(long guildId) {
        return guild(guildId).isPresent();
    }

    @Override
    public Optional<Long> userNamed(long guildId, String username) {
        return guild(guildId).flatMap(g -> g.getMemberCache().stream()
                .filter(m -> !m.getUser().isBot() && m.getUser().getName().equalsIgnoreCase(username))
                .map(Member::getIdLong)
                .findFirst());
    }

    @Override
    public List<Holder> holders(long guildId, long roleId) {
        return guild(guildId).flatMap(g -> Optional.ofNullable(g.getRoleById(roleId)).map(role -> holders(g, role)))
                .orElse(List.of());
    }

    private static List<Holder> holders(Guild guild, Role role) {
        return guild.getMembersWithRoles(role).stream()
                .filter(m -> !m.getUser().isBot())
                .map(m -> new Holder(m.getIdLong(), m.getEffectiveName()))
                .toList();
    }

    /** The guild, once its member list is loaded whole: before that, nobody is looked for in it. */
    private Optional<Guild> guild(long guildId) {
        DiscordBot current = bot.get();
        if (current == null || !current.hasMemberList()) {
            return Optional.empty();
        }
        return Optional.ofNullable(current.jda().getGuildById(guildId)).filter(Guild::isLoaded);
    }
}

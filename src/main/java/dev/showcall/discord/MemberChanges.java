package dev.showcall.discord;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import net.dv8tion.jda.api.events.guild.member.GenericGuildMemberEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRemoveEvent;
import net.dv8tion.jda.api.events.user.update.UserUpdateNameEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells showcall that a server's member list changed (someone joined, left, got or lost a role, changed their
 * username), so that its shows find their people again. Changes that come together (a role given to ten people)
 * are handled once, a moment later, off JDA's event thread.
 */
public final class MemberChanges extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(MemberChanges.class);
    static final long SETTLE_MILLIS = 1_000;

    private final LongConsumer changed;
    private final ScheduledExecutorService timer;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();

    /** @param changed told a server's id once its member list has settled */
    public MemberChanges(LongConsumer changed, ScheduledExecutorService timer) {
        this.changed = changed;
        this.timer = timer;
    }

    @Override
    public void onGenericGuildMember(GenericGuildMemberEvent event) {
        changed(event.getGuild().getIdLong());
    }

    @Override
    public void onGuildMemberRemove(GuildMemberRemoveEvent event) {
        changed(event.getGuild().getIdLong());
    }

    @Override
    public void onUserUpdateName(UserUpdateNameEvent event) {
        event.getUser().getMutualGuilds().forEach(g -> changed(g.getIdLong()));
    }

    private void changed(long guildId) {
        if (!pending.add(guildId)) {
            return;
        }
        try {
            timer.schedule(() -> settle(guildId), SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pending.remove(guildId);
            log.debug("Showcall is stopping: the member change in guild {} is found at the next start", guildId);
        }
    }

    private void settle(long guildId) {
        pending.remove(guildId);
        try {
            changed.accept(guildId);
        } catch (RuntimeException e) {
            log.error("Could not find the people of guild {}'s shows again after its member list changed", guildId, e);
        }
    }
}

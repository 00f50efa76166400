package dev.showcall.discord;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes each show's guild ready: registers the slash commands there (guild commands appear at
 * once) and says clearly, in the log, what the bot may not do in the show's channels.
 */
public final class GuildSetup extends ListenerAdapter {

    /**
     * What the bot does in the timeline channel: post, edit its board, pin it, read back its
     * messages, and post the after-show report with its files.
     */
    static final Set<Permission> TIMELINE_PERMISSIONS = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_HISTORY, Permission.PIN_MESSAGES,
            Permission.MESSAGE_ATTACH_FILES);
    /** What it does in the calls channel: post calls that mention people. */
    static final Set<Permission> CALLS_PERMISSIONS = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_HISTORY);

    private static final Logger log = LoggerFactory.getLogger(GuildSetup.class);

    private final ShowDirectory shows;
    private final List<SlashCommandData> commands;

    public GuildSetup(ShowDirectory shows, List<SlashCommandData> commands) {
        this.shows = shows;
        this.commands = List.copyOf(commands);
    }

    /** Exactly the permissions the invite link asks for. */
    public static Set<Permission> invitePermissions() {
        EnumSet<Permission> all = EnumSet.copyOf(TIMELINE_PERMISSIONS);
        all.addAll(CALLS_PERMISSIONS);
        return all;
    }

    @Override
    public void onReady(ReadyEvent event) {
        JDA jda = event.getJDA();
        jda.setRequiredScopes("applications.commands");
        log.info("Connected to Discord as {}. Invite link with the permissions showcall needs: {}",
                jda.getSelfUser().getName(), jda.getInviteUrl(invitePermissions()));
        for (PlannedShow show : shows.all()) {
            if (jda.getGuildById(show.show().discord().guildId()) == null) {
                log.warn("Show {}: the bot is not in guild {}; invite it with the link above",
                        show.id(), show.show().discord().guildId());
            }
        }
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        Guild guild = event.getGuild();
        List<PlannedShow> here = shows.inGuild(guild.getIdLong());
        if (here.isEmpty()) {
            return;
        }
        registerCommands(guild);
        for (PlannedShow show : here) {
            checkChannel(guild, show, "timeline", show.show().discord().timelineChannelId(), TIMELINE_PERMISSIONS, true);
            checkChannel(guild, show, "calls", show.show().discord().callsChannelId(), CALLS_PERMISSIONS, false);
        }
    }

    private void registerCommands(Guild guild) {
        guild.updateCommands().addCommands(commands).queue(
                registered -> log.info("Registered {} slash commands in {}", registered.size(), guild.getName()),
                e -> log.error("Could not register the slash commands in {} ({})", guild.getName(), guild.getId(), e));
    }

    private static void checkChannel(Guild guild, PlannedShow show, String role, long channelId,
                                     Set<Permission> needed, boolean mustBePrivate) {
        GuildChannel channel = guild.getGuildChannelById(channelId);
        if (channel == null) {
            log.warn("Show {}: the {} channel {} is not in {} or the bot cannot see it", show.id(), role, channelId,
                    guild.getName());
            return;
        }
        Member self = guild.getSelfMember();
        Set<Permission> missing = needed.stream().filter(p -> !self.hasPermission(channel, p))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
        if (!missing.isEmpty()) {
            log.warn("Show {}: in the {} channel #{} the bot is missing: {}", show.id(), role, channel.getName(),
                    missing.stream().map(Permission::getName).collect(Collectors.joining(", ")));
        }
        if (mustBePrivate && guild.getPublicRole().hasPermission(channel, Permission.VIEW_CHANNEL)) {
            log.warn("Show {}: everyone in {} can read the timeline channel #{}; backstage is secret, so make it "
                    + "private to the crew", show.id(), guild.getName(), channel.getName());
        }
    }
}

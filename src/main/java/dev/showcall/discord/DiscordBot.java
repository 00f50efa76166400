package dev.showcall.discord;

import dev.showcall.backstage.ShowDirectory;
import dev.showcall.discord.commands.SlashCommands;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.CloseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** showcall on Discord: the JDA client from login to a clean shutdown. */
public final class DiscordBot implements AutoCloseable {

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    /** Discord sends a list in chunks of 1000 members, at its own pace for a very large server. */
    private static final Duration MEMBER_LIST_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

    /** Replaced once, if Discord refuses the Server Members intent: then showcall runs without the member list. */
    private volatile JDA jda;
    private volatile boolean memberList;
    /** The member list of each server, asked for as soon as the server is ready. */
    private final MemberLists memberLists;
    /** The guilds' set-up alone: attached as soon as the shows are read, before everything else. */
    private final LateListeners setup;
    private final java.util.concurrent.atomic.AtomicBoolean setUp = new java.util.concurrent.atomic.AtomicBoolean();
    private final LateListeners listeners;
    private final ChannelRateLimits channelLimits;
    private final Supplier<JDA> withoutMembers;
    /** Why the first connection was shut down, if it was. */
    private final CompletableFuture<CloseCode> closedWith;

    private DiscordBot(JDA jda, MemberLists memberLists, LateListeners setup, LateListeners listeners,
                       ChannelRateLimits channelLimits, Supplier<JDA> withoutMembers,
                       CompletableFuture<CloseCode> closedWith) {
        this.jda = jda;
        this.memberLists = memberLists;
        this.setup = setup;
        this.closedWith = closedWith;
        this.memberList = true;
        this.listeners = listeners;
        this.channelLimits = channelLimits;
        this.withoutMembers = withoutMembers;
    }

    /**
     * Logs in; the gateway connects in the background. Every request goes through one budget under
     * Discord's global limit. What happens before {@link #attach} is kept for the listeners.
     *
     * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when the token is refused
     */
    public static DiscordBot connect(String token, DiscordConnection.Endpoints endpoints) {
        return connect(token, endpoints, () -> true);
    }

    /**
     * {@link #connect(String, DiscordConnection.Endpoints)}, sending nothing that changes anything
     * on Discord once {@code active} says this instance is no longer the active one.
     */
    public static DiscordBot connect(String token, DiscordConnection.Endpoints endpoints,
                                     java.util.function.BooleanSupplier active) {
        return connect(token, endpoints, active, new io.micrometer.core.instrument.composite.CompositeMeterRegistry());
    }

    /** {@link #connect(String, DiscordConnection.Endpoints, java.util.function.BooleanSupplier)}, counting 429s. */
    public static DiscordBot connect(String token, DiscordConnection.Endpoints endpoints,
                                     java.util.function.BooleanSupplier active,
                                     io.micrometer.core.instrument.MeterRegistry metrics) {
        LateListeners setup = new LateListeners();
        LateListeners late = new LateListeners();
        ChannelRateLimits channelLimits = new ChannelRateLimits();
        // the gate last: a request that waited for the budget is checked as it leaves
        List<okhttp3.Interceptor> interceptors =
                List.of(GlobalBudgetInterceptor.discord(), new RateLimitMeter(metrics), channelLimits,
                        new ActiveGateInterceptor(active));
        CompletableFuture<CloseCode> closedWith = new CompletableFuture<>();
        EventListener shutdowns = event -> {
            if (event instanceof ShutdownEvent shutdown) {
                closedWith.complete(shutdown.getCloseCode());
            }
        };
        MemberLists memberLists = new MemberLists();
        JDA jda = DiscordConnection.connect(token, endpoints, List.of(memberLists, setup, late, shutdowns), interceptors,
                true);
        return new DiscordBot(jda, memberLists, setup, late, channelLimits,
                () -> DiscordConnection.connect(token, endpoints, List.of(setup, late), interceptors, false), closedWith);
    }

    /**
     * Registers the slash commands in each show's server as soon as it is ready, and checks the bot's permissions
     * there: needs only the shows as filed, so it goes before the database, the member list or anything else
     * that can wait. The first call counts; a later one (the wiring, when the start did it already) does nothing.
     */
    public void setUpGuilds(ShowDirectory shows) {
        if (setUp.compareAndSet(false, true)) {
            setup.attach(List.of(new GuildSetup(shows, SlashCommands.ALL)));
        }
    }

    /** Hands every event to these listeners from now on, the ones that came before first. */
    public void attach(List<net.dv8tion.jda.api.hooks.EventListener> attached) {
        listeners.attach(attached);
    }

    /** What Discord said about posting in each channel. */
    public ChannelRateLimits channelLimits() {
        return channelLimits;
    }

    public JDA jda() {
        return jda;
    }

    /** Whether showcall has the servers' member lists (the Server Members intent is on). */
    public boolean hasMemberList() {
        return memberList;
    }

    /**
     * Waits until the gateway is ready and, with the Server Members intent, every server's member list is loaded.
     * When Discord refuses the intent (close code 4014: it is off in the developer portal), connects again
     * without it: people given by username are then called by name until linked, and role holders through the
     * role's mention only.
     */
    public void awaitReady() throws InterruptedException {
        try {
            jda.awaitReady();
        } catch (IllegalStateException e) {
            if (!memberList || !refusedMemberIntent()) {
                throw e;
            }
            log.warn("Discord refused the Server Members intent: switch it on in the developer portal (Bot, "
                    + "Privileged Gateway Intents) so that showcall finds people by username and calls each role "
                    + "holder in person. Going on without it.");
            memberList = false;
            jda = withoutMembers.get();
            jda.awaitReady();
            return;
        }
        loadMemberLists();
    }

    /** Waits for every server's member list, asked for by {@link MemberLists} as each server became ready. */
    private void loadMemberLists() throws InterruptedException {
        for (Guild guild : jda.getGuilds()) {
            try {
                int members = memberLists.of(guild).get(MEMBER_LIST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Member list of {} loaded: {} members", guild.getName(), members);
            } catch (ExecutionException | TimeoutException e) {
                log.warn("The member list of {} could not be loaded; people given there by username are called by "
                        + "name until a producer links them or the list changes", guild.getName(), e);
            }
        }
    }

    /**
     * Asks for each server's member list as soon as the server is ready, not before: with JDA's own chunking at
     * connection, each server, and the slash commands registered in it, would wait for its list (chunks of 1000
     * members). A server ready again after a new session has an empty member cache, so it is asked again. Asking
     * does not block JDA's event thread.
     */
    private static final class MemberLists implements EventListener {

        /** How many members each server's last list had, once it came. */
        private final java.util.Map<Long, CompletableFuture<Integer>> lists =
                new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void onEvent(net.dv8tion.jda.api.events.GenericEvent event) {
            if (event instanceof GuildReadyEvent ready) {
                lists.put(ready.getGuild().getIdLong(), ask(ready.getGuild()));
            }
        }

        CompletableFuture<Integer> of(Guild guild) {
            return lists.computeIfAbsent(guild.getIdLong(), id -> ask(guild));
        }

        private static CompletableFuture<Integer> ask(Guild guild) {
            CompletableFuture<Integer> loaded = new CompletableFuture<>();
            guild.loadMembers().setTimeout(MEMBER_LIST_TIMEOUT)
                    .onSuccess(members -> loaded.complete(members.size()))
                    .onError(loaded::completeExceptionally);
            return loaded;
        }
    }

    /** Whether Discord shut the first connection because the Server Members intent is off (close code 4014). */
    private boolean refusedMemberIntent() throws InterruptedException {
        try {
            // the shutdown event may still be on its way when the wait for ready gives up
            return closedWith.get(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS) == CloseCode.DISALLOWED_INTENTS;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Lets requests already queued finish, then disconnects. */
    @Override
    public void close() {
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(SHUTDOWN_GRACE)) {
                log.warn("Discord requests still pending after {}s; stopping them", SHUTDOWN_GRACE.toSeconds());
                jda.shutdownNow();
                jda.awaitShutdown(SHUTDOWN_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
    }
}

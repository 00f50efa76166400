package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A Discord-compatible server on loopback that the real JDA client connects to: a gateway (WebSocket, with or without
 * {@code zlib-stream}) and the REST API under {@code /api/v10/}. It serves the guilds it was started with, keeps what
 * the bot registers and posts, delivers slash commands, autocomplete and button clicks the way Discord does, and checks
 * every body the bot sends.
 *
 * <h2>Connecting JDA</h2>
 * <pre>{@code
 * try (DiscordStub stub = DiscordStub.start(guild)) {
 *     JDA jda = JDABuilder.createLight(stub.botToken(), EnumSet.noneOf(GatewayIntent.class)) // GUILDS is implied
 *             .setRestConfig(new RestConfig().setBaseUrl(stub.apiBaseUrl().toString()))
 *             .setSessionController(new ConcurrentSessionController() {
 *                 @Override
 *                 public String getGateway() {
 *                     return stub.gatewayUrl().toString();
 *                 }
 *             })
 *             .addEventListeners(listener)
 *             .build()
 *             .awaitReady();
 *     ...
 *     jda.shutdown();                                // finishes what JDA queued; shutdownNow() may interrupt
 *     if (!jda.awaitShutdown(Duration.ofSeconds(5))) { // it while it still reads an answer
 *         jda.shutdownNow();
 *     }
 * }
 * }</pre>
 * The bot must present {@link #botToken()}; JDA's default {@code zlib-stream} and {@code Compression.NONE} both work.
 * The application id ({@link #applicationId()}) differs from the bot's user id ({@link #botUserId()}).
 *
 * <h2>Intents and the member list</h2>
 * The stub reads the {@code intents} and {@code large_threshold} of IDENTIFY (none: 4013). The privileged ones
 * (Server Members, Presence, Message Content) must be switched on for the application, see {@link #builder}: by
 * default only Server Members is. Asking for one that is off closes the connection with 4014 "Disallowed intent(s)";
 * JDA does not reconnect then but shuts down: {@code awaitReady()} throws {@code IllegalStateException} ("Was shutdown
 * trying to await status. Reason: You tried turning on an intent you aren't allowed to use..."), its status is
 * {@code SHUTDOWN} and listeners get a {@code ShutdownEvent} with {@code CloseCode.DISALLOWED_INTENTS}.
 * <p>As Discord documents, a GUILD_CREATE holds only the bot's own member unless the session has the Presence intent;
 * the bot asks for the rest with REQUEST_GUILD_MEMBERS (gateway op 8), answered with GUILD_MEMBERS_CHUNK dispatches of
 * at most 1000 members: the whole list ({@code query ""}, which needs GUILD_MEMBERS, else Discord answers nothing and
 * the stub records a {@link Rule#MEMBER_LIST_WITHOUT_INTENT} violation), a username prefix (at most 100) or
 * {@code user_ids} (at most 100, the others in {@code not_found}). So JDA with {@code GatewayIntent.GUILD_MEMBERS},
 * {@code MemberCachePolicy.ALL} and {@code ChunkingFilter.ALL} knows every member once {@code awaitReady()} returns.
 * <pre>{@code
 * stub.addMember(GUILD, ZOE, "zoe", "Zoe", CREW_ROLE);   // GUILD_MEMBER_ADD
 * stub.setRoles(GUILD, ZOE, CREW_ROLE, PR_ROLE);         // GUILD_MEMBER_UPDATE
 * stub.renameUser(ZOE, "zoe.k", "Zoe K");                // GUILD_MEMBER_UPDATE in each of her guilds
 * stub.removeMember(GUILD, ZOE);                         // GUILD_MEMBER_REMOVE
 * }</pre>
 * These change the stub's member list at once (interactions, permissions, mentions and chunks read it), and only a
 * session with the GUILD_MEMBERS intent is sent the events; {@link #members(long)} is the list as it is now.
 *
 * <h2>Driving the bot as users do</h2>
 * <pre>{@code
 * InteractionResponse reply = stub.slash(SlashCommandInvocation.of("arrived").option("model", "Anya").by(PR).in(BACKSTAGE))
 *         .awaitResponse(Duration.ofSeconds(3));
 * assertThat(reply.ephemeral()).isTrue();
 * assertThat(reply.firstCallbackAfter()).isLessThan(Duration.ofSeconds(3));
 * }</pre>
 * A command must have been registered by the bot first (guild or global); its registration types the options.
 * {@link #autocomplete} and {@link #click} work the same way; {@link InteractionHandle#awaitResponse} waits through a
 * deferral until the bot edits {@code @original}.
 *
 * <h2>Looking at what the bot did</h2>
 * {@link #messages(long)} (a channel as people see it, ephemeral messages left out), {@link #dms(long)},
 * {@link #commands(long)}, {@link #requests()} and {@link #requestsTo(String, String)} (every request with the status
 * answered; the Authorization header is redacted from {@code toString}).
 *
 * <h2>Nonces</h2>
 * A message created with a {@code nonce} and {@code enforce_nonce: true} (JDA always sends the latter) whose nonce the
 * bot already used in that channel within {@link MessageRoutes#NONCE_WINDOW} gets that earlier message back, as from
 * Discord, and nothing new is stored: a retry with the same nonce cannot post twice.
 *
 * <h2>Checks</h2>
 * Every JSON body is checked against Discord's limits (content 2000, embeds, command names, 25 choices...) and the house
 * rule that every created or edited message sets {@code allowed_mentions}, and against the request schema of
 * Discord's OpenAPI description (a test resource, see {@link OpenApiSchemas}). Broken rules are collected in
 * {@link #violations()}, never thrown on the server's threads. Bodies that Discord itself would refuse get Discord's
 * 400 Invalid Form Body; a callback later than 3 s gets 404 Unknown interaction. The one tolerated divergence from the
 * schema is JDA's numeric-string command {@code contexts}/{@code integration_types}; besides, snowflakes JDA 6 sends
 * as numbers, which Discord reads, are read: {@code recipient_id} from {@code JDA#openPrivateChannelById}, and
 * {@code attachments[].id}, the index of an uploaded {@code files[n]} part, on a message with files.
 *
 * <h2>Files</h2>
 * A message with files (multipart, {@code payload_json} and {@code files[n]}) keeps them as its attachments
 * ({@link StubMessage#attachments()} with their bytes, {@link StubMessage#fileText}), on a channel, an interaction
 * answer, its edit or a follow-up; at most 10 files of 10 MiB together (over that, 400 or Discord's 413), and the bot
 * needs Attach Files in the channel.
 *
 * A slash command's ATTACHMENT option ({@link SlashCommandInvocation#attachment}) comes as Discord sends it: the
 * attachment's id as the value and the file in {@code resolved.attachments}, whose {@code url} the REST server
 * serves to a plain GET, as Discord's CDN does ({@link #attachmentDownloads()} counts them).
 *
 * <h2>Bad days</h2>
 * Every response carries Discord's {@code X-RateLimit-*} headers; {@link #limitChannelMessageWrites} and
 * {@link #limitRoute} set buckets, and a request over the limit gets a 429 with {@code Retry-After} (counted by
 * {@link #tooManyRequestsSent()}). {@link #failNext} and {@link #delayNext} inject failures and latency,
 * {@link #hold} keeps requests until the test releases them, {@link #beforeNext} and {@link #onNextAnswer} run the
 * test's code (killing the bot, say) at a precise moment;
 * {@link #disconnectClient()} drops the gateway connection (the bot should resume, see {@link #awaitReconnected});
 * {@link #invalidateSession} makes it identify again, its guilds unavailable for a while.
 * Mind that JDA itself retries only 502, 503, 504 and 52x answers; a 500 fails the RestAction at once.
 *
 * <h2>Not served</h2>
 * Gateway events other than READY, GUILD_CREATE, RESUMED, INTERACTION_CREATE, GUILD_MEMBERS_CHUNK and
 * GUILD_MEMBER_ADD/UPDATE/REMOVE (no message, presence, role or channel events; no nicknames, nobody online, nobody
 * in voice); the member routes of REST ({@code GET guilds/{id}/members...}); select menus and modal submissions;
 * threads, reactions, webhooks other than the interaction webhook.
 *
 * <p>Everything is thread-safe; {@link #close()} stops both servers.
 */
public final class DiscordStub implements AutoCloseable {

    private final Directory directory;
    private final GuildJson people;
    private final Recordings recordings = new Recordings();
    private final MessageStore messages = new MessageStore();
    private final DmChannels dms = new DmChannels();
    private final InteractionLedger ledger = new InteractionLedger();
    private final CommandRegistry commands;
    private final RateLimits rateLimits = new RateLimits();
    private final FailureInjection failures = new FailureInjection();
    private final OpenApiSchemas schemas;
    private final InteractionPayloads interactions;
    private final Uploads uploads;
    private final InteractionRoutes interactionRoutes;
    private final Gateway gateway;
    private final RestServer rest;
    private final URI apiBaseUrl;
    private final URI gatewayUrl;

    private DiscordStub(List<StubGuild> guilds, long privilegedIntentsEnabled) throws IOException {
        this.directory = new Directory(StubBot.generate(), guilds, Instant.now().minus(Duration.ofDays(30)));
        this.people = new GuildJson(directory);
        this.commands = new CommandRegistry(directory.bot().applicationId());
        this.schemas = OpenApiSchemas.load();
        this.uploads = new Uploads(directory.bot().applicationId());
        this.interactions = new InteractionPayloads(directory, commands, messages, dms, uploads);
        this.gateway = new Gateway(directory, recordings, privilegedIntentsEnabled);
        this.gatewayUrl = gateway.startAndAwait();
        RouteTable routes = new RouteTable();
        new ApplicationRoutes(directory, commands, () -> gatewayUrl).register(routes);
        new MessageRoutes(directory, messages, dms).register(routes);
        this.interactionRoutes = new InteractionRoutes(directory, messages, ledger, recordings);
        interactionRoutes.register(routes);
        this.rest = new RestServer(directory.bot().token(), routes, rateLimits, failures, schemas, recordings, uploads);
        this.apiBaseUrl = rest.start();
    }

    /**
     * Starts a gateway and a REST server on free loopback ports, serving these guilds, for an application with the
     * Server Members intent switched on (and the Presence and Message Content intents off).
     */
    public static DiscordStub start(StubGuild... guilds) {
        return builder(guilds).start();
    }

    /** A stub for an application whose privileged intents are set otherwise; {@link Builder#start()} starts it. */
    public static Builder builder(StubGuild... guilds) {
        return new Builder(Arrays.asList(guilds));
    }

    /**
     * The application's privileged intents as its developer portal page sets them. A bot that asks for one that is off
     * is refused on the gateway with close code 4014 "Disallowed intent(s)", as by Discord.
     */
    public static final class Builder {

        private final List<StubGuild> guilds;
        private long enabled = Intents.GUILD_MEMBERS;

        private Builder(List<StubGuild> guilds) {
            this.guilds = List.copyOf(guilds);
        }

        /** The Server Members intent ({@code GUILD_MEMBERS}); on unless said otherwise. */
        public Builder serverMembersIntent(boolean on) {
            return set(Intents.GUILD_MEMBERS, on);
        }

        /** The Presence intent ({@code GUILD_PRESENCES}); off unless said otherwise. */
        public Builder presenceIntent(boolean on) {
            return set(Intents.GUILD_PRESENCES, on);
        }

        /** The Message Content intent ({@code MESSAGE_CONTENT}); off unless said otherwise. */
        public Builder messageContentIntent(boolean on) {
            return set(Intents.MESSAGE_CONTENT, on);
        }

        private Builder set(long intent, boolean on) {
            enabled = on ? enabled | intent : enabled & ~intent;
            return this;
        }

        public DiscordStub start() {
            try {
                return new DiscordStub(guilds, enabled);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the Discord stub", e);
            }
        }
    }

    /** {@code http://127.0.0.1:PORT/api/v10/}, for {@code RestConfig#setBaseUrl}. */
    public URI apiBaseUrl() {
        return apiBaseUrl;
    }

    /** {@code ws://127.0.0.1:PORT/}, for {@code SessionController#getGateway}. */
    public URI gatewayUrl() {
        return gatewayUrl;
    }

    public StubBot bot() {
        return directory.bot();
    }

    /** The token the bot must present over REST and on the gateway. */
    public String botToken() {
        return directory.bot().token();
    }

    public long applicationId() {
        return directory.bot().applicationId();
    }

    public long botUserId() {
        return directory.bot().userId();
    }

    public List<StubGuild> guilds() {
        return directory.guilds();
    }

    // --- the gateway ---------------------------------------------------------------------------------------------

    /** Waits until the bot has identified (and been sent READY). */
    public void awaitIdentified(Duration timeout) {
        if (!gateway.awaitIdentified(timeout)) {
            throw new AssertionError("The bot did not identify on the gateway within " + timeout.toMillis() + " ms");
        }
    }

    /** Waits until the bot has been sent a GUILD_CREATE for every guild. */
    public void awaitGuildsSent(Duration timeout) {
        if (!gateway.awaitGuildsSent(timeout)) {
            throw new AssertionError("The guilds were not sent within " + timeout.toMillis() + " ms");
        }
    }

    /** Drops the bot's gateway connection (close code 1001, as Discord's load balancers do). */
    public void disconnectClient() {
        gateway.disconnectClient();
    }

    /** Waits until the bot is connected again after {@link #disconnectClient()}, by RESUME or a new IDENTIFY. */
    public void awaitReconnected(Duration timeout) {
        if (!gateway.awaitReconnected(timeout)) {
            throw new AssertionError("The bot did not reconnect within " + timeout.toMillis() + " ms");
        }
    }

    /**
     * Ends the bot's gateway session as Discord does now and then (INVALID_SESSION, not resumable): the bot forgets
     * its guilds and identifies again after a moment (JDA waits about 2 s); the stub sends the guilds
     * {@code guildsAfterReady} after that READY. {@link #awaitReconnected} waits for the new session,
     * {@link #guildCreatesSent()} says when the guilds came back.
     */
    public void invalidateSession(Duration guildsAfterReady) {
        gateway.invalidateSession(guildsAfterReady);
    }

    /** When the bot was sent its guilds (every GUILD_CREATE of one IDENTIFY), in order. */
    public List<Instant> guildCreatesSent() {
        return gateway.guildCreates();
    }

    public int identifyCount() {
        return gateway.identifies();
    }

    public int resumeCount() {
        return gateway.resumes();
    }

    /** The query string of every gateway connection, e.g. {@code encoding=json&v=10&compress=zlib-stream}. */
    public List<String> gatewayConnectQueries() {
        return gateway.connectQueries();
    }

    /**
     * The {@code intents} of every IDENTIFY that named them, oldest first, refused ones included; {@code 1 << 1} is
     * GUILD_MEMBERS.
     */
    public List<Long> identifyIntents() {
        return gateway.identifyIntents();
    }

    /**
     * The close code of every gateway connection the stub closed, oldest first: 4014 for disallowed intents, 4004 for a
     * wrong token, 1001 from {@link #disconnectClient()}...
     */
    public List<Integer> gatewayCloseCodes() {
        return gateway.closeCodes();
    }

    /**
     * The name of every dispatch sent to the bot, oldest first ({@code READY}, {@code GUILD_CREATE},
     * {@code GUILD_MEMBERS_CHUNK}, {@code GUILD_MEMBER_ADD}...); one kept for a RESUME counts once.
     */
    public List<String> dispatchesSent() {
        return gateway.dispatched();
    }

    // --- the member list -----------------------------------------------------------------------------------------

    /**
     * The members of the guild as they are now, without the bot, in the order they joined (those the guild was built
     * with first); {@link StubGuild#members()} stays as built.
     */
    public List<StubGuild.Member> members(long guildId) {
        return directory.members(knownGuild(guildId)).stream()
                .filter(m -> !m.bot())
                .map(Directory.Someone::asMember)
                .toList();
    }

    /**
     * A user joins the guild now, with these roles: GUILD_MEMBER_ADD to a bot connected with the GUILD_MEMBERS
     * intent (kept for its RESUME while it is away); {@code globalName} may be null. A user of another guild comes with
     * the name it has there ({@link #renameUser} changes it). Returns whether the bot was sent the event.
     *
     * @throws IllegalArgumentException for an unknown guild or role, the bot's managed role or @everyone, a member of
     *         the guild already, or another name for a user the stub knows
     */
    public boolean addMember(long guildId, long userId, String username, String globalName, long... roleIds) {
        StubGuild guild = knownGuild(guildId);
        return gateway.changeMembers(() -> {
            Directory.Someone joined = directory.join(guildId, userId, Objects.requireNonNull(username), globalName,
                    ids(roleIds), Instant.now());
            return List.of(new Gateway.Dispatch("GUILD_MEMBER_ADD", people.memberInGuild(guild, joined)));
        });
    }

    /**
     * The member now holds exactly these roles (besides @everyone), as when a moderator adds or takes one:
     * GUILD_MEMBER_UPDATE to a bot with the GUILD_MEMBERS intent. Returns whether the bot was sent the event.
     */
    public boolean setRoles(long guildId, long userId, long... roleIds) {
        StubGuild guild = knownGuild(guildId);
        return gateway.changeMembers(() -> {
            Directory.Someone updated = directory.setRoles(guildId, userId, ids(roleIds));
            return List.of(new Gateway.Dispatch("GUILD_MEMBER_UPDATE", people.memberInGuild(guild, updated)));
        });
    }

    /**
     * The user changes its username and display name ({@code globalName}, may be null): one GUILD_MEMBER_UPDATE per
     * guild it is in, to a bot with the GUILD_MEMBERS intent. Returns whether the bot was sent the events.
     */
    public boolean renameUser(long userId, String username, String globalName) {
        return gateway.changeMembers(() -> directory.rename(userId, Objects.requireNonNull(username), globalName)
                .stream()
                .map(m -> new Gateway.Dispatch("GUILD_MEMBER_UPDATE", people.memberInGuild(m.guild(), m.member())))
                .toList());
    }

    /**
     * The member leaves the guild, or is kicked: GUILD_MEMBER_REMOVE to a bot with the GUILD_MEMBERS intent. Returns
     * whether the bot was sent the event.
     */
    public boolean removeMember(long guildId, long userId) {
        StubGuild guild = knownGuild(guildId);
        return gateway.changeMembers(() -> {
            Directory.Someone left = directory.leave(guildId, userId);
            return List.of(new Gateway.Dispatch("GUILD_MEMBER_REMOVE", people.memberRemoved(guild, left)));
        });
    }

    private StubGuild knownGuild(long guildId) {
        return directory.guild(guildId)
                .orElseThrow(() -> new IllegalArgumentException("No guild " + guildId + " on the stub"));
    }

    private static List<Long> ids(long... ids) {
        return Arrays.stream(ids).boxed().toList();
    }

    // --- interactions --------------------------------------------------------------------------------------------

    /** Delivers a slash command (INTERACTION_CREATE type 2) to the bot. */
    public InteractionHandle slash(SlashCommandInvocation invocation) {
        return deliver(interactions.slash(invocation));
    }

    /** How many times the bot downloaded the files attached to its slash commands. */
    public int attachmentDownloads() {
        return uploads.downloads();
    }

    /** Delivers an autocomplete request (INTERACTION_CREATE type 4) to the bot. */
    public InteractionHandle autocomplete(AutocompleteInvocation invocation) {
        return deliver(interactions.autocomplete(invocation));
    }

    /** Delivers a button click (INTERACTION_CREATE type 3) on a message the stub holds. */
    public InteractionHandle click(ButtonClick click) {
        return deliver(interactions.click(click));
    }

    /**
     * Runs {@code action} once, on the stub's thread, when the bot's next answer to an interaction comes in: a reply or
     * an update, or the edit of {@code @original} that completes a deferred one (not the deferral itself, nor
     * autocomplete choices). It runs once the stub has taken the answer and before the bot hears back: the moment to
     * kill the bot, to see that what it answered survives.
     */
    public void onNextAnswer(Runnable action) {
        interactionRoutes.onNextAnswer(action);
    }

    private InteractionHandle deliver(InteractionPayloads.Built built) {
        ledger.add(built.pending());
        built.pending().delivered();
        gateway.dispatch("INTERACTION_CREATE", built.payload());
        return new InteractionHandle(built.pending());
    }

    // --- what the bot did ----------------------------------------------------------------------------------------

    /** Every REST request, oldest first. */
    public List<RecordedRequest> requests() {
        return recordings.requests();
    }

    /**
     * The requests with this method ({@code *} for any) whose path under {@code /api/v10/} matches the regex
     * entirely, e.g. {@code requestsTo("POST", "channels/\\d+/messages")}.
     */
    public List<RecordedRequest> requestsTo(String method, String pathRegex) {
        Pattern path = Pattern.compile(pathRegex);
        return recordings.requests().stream()
                .filter(r -> "*".equals(method) || r.method().equalsIgnoreCase(method))
                .filter(r -> path.matcher(r.path()).matches())
                .toList();
    }

    /** The requests to routes the stub does not know (answered 404). */
    public List<RecordedRequest> unroutedRequests() {
        return recordings.requests().stream().filter(r -> r.route().isEmpty()).toList();
    }

    /** Every rule the bot's requests broke, oldest first. */
    public List<Violation> violations() {
        return recordings.violations();
    }

    /** How many 429 responses the stub sent (rate limits and injected ones). */
    public int tooManyRequestsSent() {
        return recordings.tooManyRequests();
    }

    /** The messages in a channel as its members see them, oldest first (ephemeral responses left out). */
    public List<StubMessage> messages(long channelId) {
        return messages.inChannel(channelId).stream()
                .map(StoredMessage::view)
                .filter(m -> !m.ephemeral())
                .toList();
    }

    /** Any message the stub holds, ephemeral ones included. */
    public Optional<StubMessage> message(long messageId) {
        return messages.find(messageId).map(StoredMessage::view);
    }

    /**
     * A message with buttons that the bot posted before this showcall started (an older version's, say),
     * put straight into a guild channel or a DM channel the bot opened: no request is recorded for it.
     */
    public StubMessage postedEarlierByBot(long channelId, String content, String... buttonCustomIds) {
        long guildId = directory.channel(channelId).map(c -> c.guild().id())
                .or(() -> dms.recipientOf(channelId).map(user -> 0L))
                .orElseThrow(() -> new IllegalArgumentException("no channel " + channelId));
        com.fasterxml.jackson.databind.node.ObjectNode body = Json.object().put("content", content);
        com.fasterxml.jackson.databind.node.ArrayNode buttons = body.putArray("components").addObject()
                .put("type", 1).putArray("components");
        for (String id : buttonCustomIds) {
            buttons.addObject().put("type", 2).put("style", 2).put("label", id).put("custom_id", id);
        }
        StoredMessage message = StoredMessage.create(directory, channelId, guildId, body, false);
        messages.add(message);
        return message.view();
    }

    /**
     * A message the bot posted with this nonce a moment ago, as if showcall had stopped before it heard Discord's
     * answer: no request is recorded for it.
     */
    public StubMessage postedEarlierByBotWithNonce(long channelId, String content, String nonce) {
        long guildId = directory.channel(channelId).map(c -> c.guild().id())
                .orElseThrow(() -> new IllegalArgumentException("no guild channel " + channelId));
        com.fasterxml.jackson.databind.node.ObjectNode body = Json.object().put("content", content).put("nonce", nonce);
        StoredMessage message = StoredMessage.create(directory, channelId, guildId, body, false);
        messages.add(message);
        return message.view();
    }

    /** Someone deletes the message, as a moderator would; from now on Discord answers 10008 Unknown Message for it. */
    public boolean deleteMessage(long channelId, long messageId) {
        return messages.delete(channelId, messageId);
    }

    /** The DM channel the bot opened with this user, if it did. */
    public Optional<Long> dmChannelOf(long userId) {
        return dms.channelOf(userId);
    }

    /** Opens the bot's DM channel with this user as {@code POST users/@me/channels} would, unrecorded: one kept from an earlier day. */
    public long openDm(long userId) {
        return dms.open(userId);
    }

    /** From now on this user's DMs are closed: the bot's messages there get Discord's 403 (code 50007). */
    public void closeDmsOf(long userId) {
        dms.close(userId);
    }

    /** The messages the bot sent this user in DM, oldest first. */
    public List<StubMessage> dms(long userId) {
        return dms.channelOf(userId).map(this::messages).orElse(List.of());
    }

    /** The commands the bot registered in this guild. */
    public List<RegisteredCommand> commands(long guildId) {
        return commands.registered(guildId);
    }

    public List<RegisteredCommand> globalCommands() {
        return commands.registered(0L);
    }

    // --- bad days ------------------------------------------------------------------------------------------------

    /**
     * Answers the next {@code times} requests with this method ({@code *} for any) and a path under
     * {@code /api/v10/} matching the regex entirely with {@code status} (a 429 comes with {@code Retry-After: 1}).
     */
    public void failNext(String method, String pathRegex, int status, int times) {
        failures.failNext(method, pathRegex, status, times);
    }

    /** Forgets every failure planned with {@link #failNext}: from now on requests are answered as usual. */
    public void stopFailing() {
        failures.stopFailing();
    }

    /** Holds the next {@code times} matching requests for {@code delay} before answering them. */
    public void delayNext(String method, String pathRegex, Duration delay, int times) {
        failures.delayNext(method, pathRegex, delay, times);
    }

    /**
     * Holds every request with this method ({@code *} for any), a path under {@code /api/v10/} matching the regex
     * entirely and a JSON body that passes {@code body}, from now until the test {@linkplain HeldRequests#stopHolding()
     * stops holding} them: the bot may give up on them meanwhile, retry, or be killed. Once
     * {@linkplain HeldRequests#release() released} the stub handles each as if it had just come in: a message is
     * stored then, whoever still waits for the answer.
     */
    public HeldRequests hold(String method, String pathRegex, Predicate<JsonNode> body) {
        return failures.hold(method, pathRegex, body);
    }

    /** Runs {@code action} on the stub's thread when the next matching request comes in, before it is handled. */
    public void beforeNext(String method, String pathRegex, Runnable action) {
        failures.beforeNext(method, pathRegex, action);
    }

    /**
     * One bucket per channel for creating, editing and deleting its messages (Discord: about 5 per 5 s), shared by
     * {@code POST channels/{id}/messages} and {@code PATCH}/{@code DELETE channels/{id}/messages/{mid}}.
     */
    public void limitChannelMessageWrites(int limit, Duration window) {
        rateLimits.limit("channel-message-writes", Set.of("POST", "PATCH", "DELETE"),
                Set.of("channels/{channel_id}/messages", "channels/{channel_id}/messages/{message_id}"), limit, window);
    }

    /**
     * A bucket for one route, e.g. {@code limitRoute("PUT", "applications/{application_id}/guilds/{guild_id}/commands",
     * 2, Duration.ofSeconds(60))}; per channel, guild, webhook or interaction when the route has such a parameter.
     */
    public void limitRoute(String method, String routeTemplate, int limit, Duration window) {
        rateLimits.limit(method + " " + routeTemplate, Set.of(method.toUpperCase(Locale.ROOT)),
                Set.of(routeTemplate), limit, window);
    }

    /**
     * Discord's global limit: at most {@code limit} requests per {@code window} over all routes together,
     * interaction callbacks and webhooks excepted (Discord: 50 per second). Over it, a 429 with
     * {@code X-RateLimit-Global: true}, counted by {@link #globalTooManyRequestsSent()} too. None by default.
     */
    public void limitGlobal(int limit, Duration window) {
        rateLimits.global(limit, window);
    }

    /** How many of the 429 answers were for the global limit. */
    public int globalTooManyRequestsSent() {
        return recordings.globalTooManyRequestsSent();
    }

    /** Discord's unpublished limit on opening DM channels ({@code POST users/@me/channels}): assume 10 per 10 s. */
    public void limitDmOpens(int limit, Duration window) {
        limitRoute("POST", "users/@me/channels", limit, window);
    }

    /** The bucket of every route without its own limit (50 per second by default). */
    public void defaultRateLimit(int limit, Duration window) {
        rateLimits.defaults(limit, window);
    }

    @Override
    public void close() {
        rest.stop();
        gateway.shutdown();
    }

    @Override
    public String toString() {
        return "DiscordStub[api=" + apiBaseUrl + ", gateway=" + gatewayUrl + ", bot=" + directory.bot() + "]";
    }
}

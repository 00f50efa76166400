package dev.showcall.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.screen.Grant;
import dev.showcall.screen.LinkKind;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * showcall's web pages on the venue's network: the backstage screen, the lineup and the models' door, each behind
 * a link's token, with health and metrics for whoever runs it. Everything a page needs is served from here;
 * nothing comes from the internet. A wrong or revoked token is a plain 404 that names no show, and no token is
 * ever logged.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final String NOT_FOUND = "Not found";
    /** The page's own script and style only; SSE and the door's POST go to the same origin. */
    private static final String CONTENT_SECURITY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /** What the token of a stream's request grants, found before the stream opens. */
    private static final String GRANT = "showcall.grant";
    /** A personal page: no script at all, and its forms post to the page's own address. */
    private static final String PERSONAL_SECURITY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Set<String> ASSETS = Set.of("showcall.css", "personal.css", "screen.js", "lineup.js", "door.js",
            "common.js");
    private static final String FORM = "application/x-www-form-urlencoded";

    private final Javalin app;
    private final ShowStreams streams;

    private WebServer(Javalin app, ShowStreams streams) {
        this.app = app;
        this.streams = streams;
    }

    /**
     * Starts serving on {@code bind}:{@code port} (0 for any free port).
     *
     * @param links   what each token grants
     * @param pages   the services the pages read, once this instance is the active one; empty on a standby
     * @param ready   whether this instance takes the show: its shows stored, its calls scheduled, the lease held
     * @param origins the origins a door's POST may come from besides the address the request names itself
     */
    public static WebServer start(String bind, int port, Function<String, Optional<Grant>> links,
                                  Supplier<Optional<Pages>> pages,
                                  BooleanSupplier ready, PrometheusMeterRegistry metrics, Set<String> origins) {
        ShowStreams streams = new ShowStreams(pages);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = bind;
            config.jetty.port = port;
            config.routes.before(ctx -> {
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Cache-Control", "no-store");
            });
            config.routes.get("/health/live", ctx -> ctx.result("live"));
            config.routes.get("/health/ready", ctx -> {
                if (ready.getAsBoolean()) {
                    ctx.result("ready");
                } else {
                    ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("standing by");
                }
            });
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
            config.routes.get("/assets/{name}", WebServer::asset);
            for (LinkKind kind : LinkKind.values()) {
                if (kind == LinkKind.PERSONAL) {
                    continue;
                }
                config.routes.get("/" + kind.path() + "/{token}", ctx -> page(ctx, links, kind));
                // looked up before the stream opens: a browser gives up on a 404, where a stream that ends is reopened
                config.routes.before("/" + kind.path() + "/{token}/events", ctx -> ctx.attribute(GRANT,
                        grant(ctx, links, kind).orElseThrow(io.javalin.http.NotFoundResponse::new)));
                config.routes.sse("/" + kind.path() + "/{token}/events",
                        client -> streams.open(client.ctx().attribute(GRANT), client));
            }
            config.routes.post("/door/{token}/mark", ctx -> mark(ctx, links, pages, origins));
            // a GET of a personal page only shows it (mail scanners open every link); only its forms' POST answers
            config.routes.get("/me/{token}", ctx -> personal(ctx, links, pages).ifPresent(p ->
                    p.page(ctx)));
            config.routes.get("/me/{token}/call.ics", ctx -> personal(ctx, links, pages).ifPresent(p ->
                    p.calendar(ctx)));
            config.routes.post("/me/{token}/answer", ctx -> answer(ctx, links, pages, origins));
            config.routes.error(404, "*", ctx -> ctx.contentType("text/plain; charset=utf-8").result(NOT_FOUND));
            config.routes.exception(Exception.class, (e, ctx) -> {
                // the path holds a token: it is not logged
                log.error("A web request failed ({} {})", ctx.method(), ctx.endpoint() == null ? "?" : ctx.endpoint().path, e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType("text/plain; charset=utf-8")
                        .result("Something went wrong on showcall's side and it is in the log. Try again in a moment.");
            });
        }).start();
        log.info("Web pages on {}:{}", bind, app.port());
        return new WebServer(app, streams);
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** A change of the show was committed: the open pages follow. */
    public void changed(String showId) {
        streams.changed(showId);
    }

    /** The show's links were rotated to {@code epoch}: the pages open on an older link are closed now. */
    public void revokedBefore(String showId, int epoch) {
        streams.revokedBefore(showId, epoch);
    }

    public int openPages() {
        return streams.openPages();
    }

    private static Optional<Grant> grant(Context ctx, Function<String, Optional<Grant>> links, LinkKind kind) {
        return links.apply(ctx.pathParam("token")).filter(g -> g.kind() == kind);
    }

    private static void page(Context ctx, Function<String, Optional<Grant>> links, LinkKind kind) {
        if (grant(ctx, links, kind).isEmpty()) {
            notFound(ctx);
            return;
        }
        ctx.header("Content-Security-Policy", CONTENT_SECURITY);
        ctx.contentType("text/html; charset=utf-8").result(resource(kind.path() + ".html"));
    }

    private static void asset(Context ctx) {
        String name = ctx.pathParam("name");
        if (!ASSETS.contains(name)) {
            notFound(ctx);
            return;
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8")
                .result(resource(name));
    }

    /** A door's mark: a POST with the door's token, from the page's own origin, as JSON. */
    private static void mark(Context ctx, Function<String, Optional<Grant>> links, Supplier<Optional<Pages>> pages, Set<String> origins) {
        Optional<Grant> grant = grant(ctx, links, LinkKind.DOOR);
        if (grant.isEmpty()) {
            notFound(ctx);
            return;
        }
        if (!sameOrigin(ctx, origins)) {
            ctx.status(HttpStatus.FORBIDDEN).result("The door takes marks from its own page only.");
            return;
        }
        Optional<Pages> running = pages.get();
        if (running.isEmpty()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("This showcall is standing by; reload the page.");
            return;
        }
        JsonNode body;
        try {
            body = Views.JSON.readTree(ctx.body());
        } catch (IOException e) {
            ctx.status(HttpStatus.BAD_REQUEST).result("Send {\"model\": \"…\", \"action\": \"arrived\"}.");
            return;
        }
        String model = body.path("model").asText("").strip();
        Optional<Door.Action> action = action(body.path("action").asText(""));
        if (model.isEmpty() || model.length() > 100 || action.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST).result("Give a model's name and arrived, undo or noshow.");
            return;
        }
        Optional<PlannedShow> show = running.get().shows().byId(grant.get().showId());
        if (show.isEmpty()) {
            notFound(ctx);
            return;
        }
        Door.Answer answer = running.get().door().mark(show.get(), model, action.get(), grant.get().userId().getAsLong());
        ObjectNode json = Views.JSON.createObjectNode().put("done", answer.done()).put("text", answer.text());
        answer.suggestions().forEach(json.putArray("suggestions")::add);
        ctx.contentType("application/json").result(json.toString());
    }

    /** A personal page's show and call, found from its token; a 404 (or a 503 on a standby) when it is not to be had. */
    private record Personal(Context ctx, Pages pages, PlannedShow show, dev.showcall.show.Call call) {
        String path() {
            return "/" + LinkKind.PERSONAL.path() + "/" + ctx.pathParam("token");
        }

        void page(Context ctx) {
            ctx.header("Content-Security-Policy", PERSONAL_SECURITY);
            ctx.contentType("text/html; charset=utf-8").result(pages.personal().html(show, call, path()));
        }

        void calendar(Context ctx) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + PersonalPage.calendarName(show) + "\"");
            ctx.contentType("text/calendar; charset=utf-8").result(pages.personal().calendar(show, call));
        }
    }

    private static Optional<Personal> personal(Context ctx, Function<String, Optional<Grant>> links,
                                               Supplier<Optional<Pages>> pages) {
        Optional<Grant> grant = grant(ctx, links, LinkKind.PERSONAL);
        if (grant.isEmpty()) {
            notFound(ctx);
            return Optional.empty();
        }
        Optional<Pages> running = pages.get();
        if (running.isEmpty()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).contentType("text/plain; charset=utf-8")
                    .result("showcall is starting or standing by; try again in a minute.");
            return Optional.empty();
        }
        Optional<Personal> found = running.get().shows().byId(grant.get().showId()).flatMap(show ->
                show.call(grant.get().callKey().orElseThrow()).map(call -> new Personal(ctx, running.get(), show, call)));
        if (found.isEmpty()) {
            notFound(ctx);
        }
        return found;
    }

    /** A personal page's answer: a form's POST with the page's token, from the page's own origin; then the page. */
    private static void answer(Context ctx, Function<String, Optional<Grant>> links, Supplier<Optional<Pages>> pages,
                               Set<String> origins) {
        if (grant(ctx, links, LinkKind.PERSONAL).isEmpty()) {
            notFound(ctx);
            return;
        }
        if (!sameOriginForm(ctx, origins)) {
            ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain; charset=utf-8")
                    .result("Your page takes answers from its own buttons only.");
            return;
        }
        Optional<Personal> personal = personal(ctx, links, pages);
        if (personal.isEmpty()) {
            return;
        }
        Optional<PersonalPage.Answer> answer = PersonalPage.Answer.of(ctx.formParam("answer"), ctx.formParam("minutes"));
        if (answer.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST).contentType("text/plain; charset=utf-8")
                    .result("Answer on-my-way, here, or running-late with minutes of " + dev.showcall.calls.Confirmations.LATE_CHOICES + ".");
            return;
        }
        Personal p = personal.get();
        p.pages().personal().answer(p.show(), p.call().key(), answer.get());
        ctx.redirect(p.path(), HttpStatus.SEE_OTHER);
    }

    /**
     * Whether a form's POST comes from a page of this server. A browser sends {@code Origin} with it; under the
     * pages' {@code no-referrer} policy it may send {@code Origin: null}, and then its {@code Sec-Fetch-Site} says
     * whether the form was this server's own. A request that says it is from another site is refused, whatever
     * its {@code Origin}.
     */
    static boolean sameOriginForm(Context ctx, Set<String> origins) {
        String type = Optional.ofNullable(ctx.contentType()).map(t -> t.split(";")[0].strip().toLowerCase(Locale.ROOT))
                .orElse("");
        if (!FORM.equals(type)) {
            return false;
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin")) {
            return false;
        }
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("null")) {
            return origin.equalsIgnoreCase(ctx.scheme() + "://" + ctx.host())
                    || origins.stream().anyMatch(origin::equalsIgnoreCase);
        }
        return site != null;
    }

    private static Optional<Door.Action> action(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "arrived" -> Optional.of(Door.Action.ARRIVED);
            case "undo" -> Optional.of(Door.Action.UNDO);
            case "noshow", "no-show" -> Optional.of(Door.Action.NO_SHOW);
            default -> Optional.empty();
        };
    }

    /**
     * Whether the request comes from a page of this server: its {@code Origin} names the address the request was
     * sent to, or one of {@code origins} (the public address behind a reverse proxy). JSON bodies cannot be sent
     * across origins without a preflight, which this server never answers, and a browser always sends
     * {@code Origin} with a POST.
     */
    private static boolean sameOrigin(Context ctx, Set<String> origins) {
        String origin = ctx.header("Origin");
        if (origin == null || !"application/json".equals(Optional.ofNullable(ctx.contentType()).map(
                t -> t.split(";")[0].strip().toLowerCase(Locale.ROOT)).orElse(""))) {
            return false;
        }
        String self = ctx.scheme() + "://" + ctx.host();
        return origin.equalsIgnoreCase(self) || origins.stream().anyMatch(origin::equalsIgnoreCase);
    }

    private static void notFound(Context ctx) {
        ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result(NOT_FOUND);
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebServer.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("showcall's jar lacks web/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The origin of an address: what a browser sends as {@code Origin} from a page there. */
    public static String originOf(URI url) {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT) + port;
    }

    @Override
    public void close() {
        streams.close();
        app.stop();
    }
}

package dev.showcall.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.app.Showcall;
import dev.showcall.backstage.Arrival;
import dev.showcall.backstage.Arrivals;
import dev.showcall.backstage.Confirmation;
import dev.showcall.backstage.ConfirmationState;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.calendar.CallCalendar;
import dev.showcall.calls.Confirmations;
import dev.showcall.calls.NoShows;
import dev.showcall.calls.PersonalCalls;
import dev.showcall.looks.Lineups;
import dev.showcall.screen.LinkTokens;
import dev.showcall.screen.PersonalLinks;
import dev.showcall.screen.PersonalShow;
import dev.showcall.screen.ScreenLinks;
import dev.showcall.store.ArrivalRepository;
import dev.showcall.store.ConfirmationRepository;
import dev.showcall.store.FreshDatabase;
import dev.showcall.store.JdbcArrivalStore;
import dev.showcall.store.JdbcFeedStore;
import dev.showcall.store.NoShowRepository;
import dev.showcall.store.PersonalLinkRepository;
import dev.showcall.store.ScreenLinkRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.TimelineEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The personal page over HTTP")
class PersonalPageTest {

    private static final Instant NOW = Instant.parse("2027-02-21T14:00:00Z");
    private static final Duration DELAY = Duration.ofMinutes(20);

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Told when a "running late" moves someone's ladder, as the scheduler is in showcall. */
    private final List<String> laddersMoved = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private ShowDirectory directory;
    private PersonalLinks links;
    private ScreenLinks screenLinks;
    private WebServer server;
    private String origin;

    @BeforeEach
    void start() {
        directory = PersonalShow.stored(db.database(), NOW);
        LinkTokens tokens = new LinkTokens(PersonalShow.SECRET);
        TimelineEventRepository timeline = new TimelineEventRepository();
        Confirmations confirmations = new Confirmations(db.database(), new ConfirmationRepository(),
                new ArrivalRepository(), timeline, clock, show -> laddersMoved.add(show.id()));
        Arrivals arrivals = new Arrivals(new JdbcArrivalStore(db.database(), new ArrivalRepository(), timeline), clock);
        NoShows noShows = new NoShows(db.database(), new NoShowRepository(), new ArrivalRepository(), timeline, clock);
        java.util.function.LongFunction<String> names = id -> id == PersonalShow.PR_LEAD ? "Mara (PR lead)" : "someone";
        Pages pages = new Pages(directory, new JdbcFeedStore(db.database(), timeline, () -> directory, clock, c -> { }),
                new Lineups(db.database()), show -> DELAY, names, new Door(arrivals, noShows, names),
                new PersonalPage(confirmations, new PersonalCalls(show -> DELAY, clock), names), clock);
        URI base = URI.create("http://127.0.0.1/");
        links = new PersonalLinks(db.database(), new PersonalLinkRepository(), new ScreenLinkRepository(), tokens, base,
                directory::byId, clock);
        screenLinks = new ScreenLinks(db.database(), new ScreenLinkRepository(), tokens, base, clock, (s, e) -> { });
        server = WebServer.start("127.0.0.1", 0, token -> screenLinks.granted(token).or(() -> links.granted(token)),
                () -> Optional.of(pages), () -> true, Showcall.newMetrics(), Set.of());
        origin = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Nia's page, on this server. */
    private URI page() {
        return URI.create(origin + links.linkFor(PersonalShow.ID, PersonalShow.NIA).getPath());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI page, String form, String from) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(page + "/answer"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (from != null) {
            request.header("Origin", from);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Optional<Confirmation> answer() {
        return db.inTransaction(c -> new ConfirmationRepository().find(c, PersonalShow.ID, PersonalShow.NIA));
    }

    private List<TimelineEvent> events() {
        return db.inTransaction(c -> new TimelineEventRepository().forShow(c, PersonalShow.ID));
    }

    private PlannedShow show() {
        return directory.byId(PersonalShow.ID).orElseThrow();
    }

    @Test
    @DisplayName("the page shows her name, the show, her call moved by the delays, where to go, her lead, the notes and no answer yet")
    void shows() throws Exception {
        // when Nia opens her link
        HttpResponse<String> page = get(page());

        // then she reads her call as it stands
        String planned = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                .format(show().call(PersonalShow.NIA).orElseThrow().at().atZone(show().show().zone()));
        String moved = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                .format(show().call(PersonalShow.NIA).orElseThrow().at().plus(DELAY).atZone(show().show().zone()));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("Nia Okafor").contains("Maison Verre AW27")
                .contains("<p class=\"time\" id=\"call-time\">" + moved + "</p>")
                .contains("Moved 20 min later by the day's delays (planned " + planned + ")")
                .contains("Model check-in, Room 3").contains("Mara (PR lead)").contains("Arrive with clean hair, no makeup")
                .contains("No answer yet")
                .contains(">On my way</button>").contains(">Running late</button>").contains(">Here</button>")
                .contains("<option value=\"5\">").contains("<option value=\"15\">").contains("<option value=\"30\">")
                .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    @DisplayName("the page sends no referrer, is not cached, and may post its forms to itself only")
    void headers() throws Exception {
        // when the page is opened
        HttpResponse<String> page = get(page());

        // then it tells the browser to keep the link to itself
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains("<meta name=\"referrer\" content=\"no-referrer\">");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("form-action 'self'").contains("default-src 'none'").doesNotContain("script-src"));
    }

    @Test
    @DisplayName("opening the page, and its calendar file, changes nothing: a mail scanner opening it confirms nothing")
    void getChangesNothing() throws Exception {
        // given what the log holds before
        int before = events().size();

        // when the page and its calendar are opened, twice
        get(page());
        get(page());
        get(URI.create(page() + "/call.ics"));

        // then no answer and no line of the log was added
        assertThat(answer()).isEmpty();
        assertThat(events()).hasSize(before);
    }

    @Test
    @DisplayName("On my way is recorded through Confirmations with no Discord user, logged as given on her page, and the page shows it")
    void onMyWay() throws Exception {
        // when she presses On my way
        HttpResponse<String> posted = post(page(), "answer=on-my-way", origin);

        // then she is sent back to her page, which shows what she answered
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location")).hasValue(page().getPath());
        assertThat(answer()).hasValueSatisfying(a -> {
            assertThat(a.state()).isEqualTo(ConfirmationState.ON_MY_WAY);
            assertThat(a.userId()).isEmpty();
        });
        assertThat(events()).last().satisfies(e -> {
            assertThat(e.text()).isEqualTo("Nia Okafor (Models) is on the way" + Confirmations.ON_THEIR_PAGE);
            assertThat(e.actorUserId()).isEmpty();
        });
        assertThat(get(page()).body()).contains("On my way <span class=\"when\">(14:00)</span>")
                .doesNotContain("No answer yet");
    }

    @Test
    @DisplayName("the same answer posted again records nothing new, as a second click on the DM's button")
    void twice() throws Exception {
        // given On my way, pressed once
        post(page(), "answer=on-my-way", origin);
        int after = events().size();

        // when it is pressed again
        HttpResponse<String> again = post(page(), "answer=on-my-way", origin);

        // then she is sent back to her page, and the log has no second line
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(events()).hasSize(after);
    }

    @Test
    @DisplayName("Running late with 15 minutes is recorded with them, and moves her not-arrived ladder")
    void runningLate() throws Exception {
        // when she says she is running 15 minutes late
        HttpResponse<String> posted = post(page(), "answer=running-late&minutes=15", origin);

        // then the minutes are recorded and the ladders follow
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(answer()).hasValueSatisfying(a -> {
            assertThat(a.state()).isEqualTo(ConfirmationState.RUNNING_LATE);
            assertThat(a.lateMinutes()).hasValue(15);
        });
        assertThat(laddersMoved).containsExactly(PersonalShow.ID);
        assertThat(get(page()).body()).contains("Running 15 min late");
    }

    @Test
    @DisplayName("Here is her arrival, recorded with nobody on Discord marking it")
    void here() throws Exception {
        // when she presses Here
        post(page(), "answer=here", origin);

        // then she is marked arrived
        Optional<Arrival> arrival = db.inTransaction(c -> new ArrivalRepository().find(c, PersonalShow.ID, PersonalShow.NIA));
        assertThat(arrival).hasValueSatisfying(a -> {
            assertThat(a.arrivedAt()).isEqualTo(NOW);
            assertThat(a.markedBy()).isEqualTo(OptionalLong.empty());
        });
    }

    @Test
    @DisplayName("a POST from another origin, or that says it comes from another site, is refused and records nothing")
    void otherOrigin() throws Exception {
        // when a page elsewhere posts to her link
        HttpResponse<String> elsewhere = post(page(), "answer=on-my-way", "https://evil.example");
        HttpResponse<String> crossSite = http.send(HttpRequest.newBuilder(URI.create(page() + "/answer"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "null")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("answer=here")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> noOrigin = post(page(), "answer=on-my-way", null);

        // then nothing is recorded
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        assertThat(answer()).isEmpty();
    }

    @Test
    @DisplayName("a form of her own page is taken when the browser sends Origin: null under no-referrer, and says it is same-origin")
    void nullOriginSameSite() throws Exception {
        // when her browser posts with Origin: null and its fetch metadata
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(page() + "/answer"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "null")
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString("answer=on-my-way")).build(), HttpResponse.BodyHandlers.ofString());

        // then it is her answer
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(answer()).isPresent();
    }

    @Test
    @DisplayName("an answer that is none of the buttons' is refused and records nothing")
    void badAnswer() throws Exception {
        assertThat(post(page(), "answer=running-late&minutes=7", origin).statusCode()).isEqualTo(400);
        assertThat(post(page(), "answer=no-show", origin).statusCode()).isEqualTo(400);
        assertThat(answer()).isEmpty();
    }

    @Test
    @DisplayName("a wrong or revoked token is a plain 404 that names no show, for the page, its calendar and its answers")
    void notFound() throws Exception {
        // given her link, then the show's links rotated
        URI page = page();
        screenLinks.rotate(PersonalShow.ID, OptionalLong.empty(), PersonalShow.PRODUCER);

        // then the old link, and a made-up one, open nothing
        for (URI uri : List.of(page, URI.create(origin + "/me/" + "A".repeat(43)), URI.create(page + "/call.ics"))) {
            HttpResponse<String> response = get(uri);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("Not found");
        }
        assertThat(post(page, "answer=on-my-way", origin).statusCode()).isEqualTo(404);
        assertThat(answer()).isEmpty();
    }

    @Test
    @DisplayName("a screen link opens no personal page")
    void otherKind() throws Exception {
        // given the screen's link
        URI screen = screenLinks.of(PersonalShow.ID, OptionalLong.empty()).screen();

        // then its token under /me/ is a 404
        assertThat(get(URI.create(origin + "/me/" + screen.getPath().substring("/screen/".length()))).statusCode())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("the calendar file is her call as /mycall gives it, with the same UID, moved by the delays")
    void calendar() throws Exception {
        // when she downloads her calendar file
        HttpResponse<String> ics = get(URI.create(page() + "/call.ics"));

        // then it is the event of her call
        PlannedShow show = show();
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
        assertThat(ics.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"personal-show-my-call.ics\"");
        assertThat(ics.body()).contains("UID:" + CallCalendar.uid(show.show(), show.call(PersonalShow.NIA).orElseThrow()));
        // DTSTAMP says when the file was made: the second may turn between the two
        assertThat(withoutStamp(ics.body())).isEqualTo(withoutStamp(CallCalendar.of(show.show(),
                List.of(show.call(PersonalShow.NIA).orElseThrow()), DELAY, NOW)));
    }

    private static String withoutStamp(String ics) {
        return ics.replace("\r\n", "\n").replaceAll("(?m)^DTSTAMP:.*\n", "");
    }
}

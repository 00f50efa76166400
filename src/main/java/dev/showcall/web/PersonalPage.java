package dev.showcall.web;

import dev.showcall.backstage.Confirmation;
import dev.showcall.backstage.ConfirmationState;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.calls.Confirmations;
import dev.showcall.calls.PersonalCalls;
import dev.showcall.show.Call;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongFunction;

/**
 * Someone's own page for their call, opened from the link in their mail: their call as the delays moved it, where
 * to go and whom to ask, their calendar file, and three buttons that answer the call as the buttons of the DM do,
 * through the same service. Plain HTML forms, no script: it works on any phone. Showing it changes nothing.
 */
public final class PersonalPage {

    /** What the forms send as {@code answer}. */
    static final String ON_MY_WAY = "on-my-way";
    static final String RUNNING_LATE = "running-late";
    static final String HERE = "here";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private final Confirmations confirmations;
    private final PersonalCalls calls;
    private final LongFunction<String> names;

    /** @param names a Discord user's name as the server shows it, for their lead */
    public PersonalPage(Confirmations confirmations, PersonalCalls calls, LongFunction<String> names) {
        this.confirmations = confirmations;
        this.calls = calls;
        this.names = names;
    }

    /** An answer the form sent, understood; empty for anything else. */
    record Answer(ConfirmationState state, OptionalInt lateMinutes) {
        static Optional<Answer> of(String answer, String minutes) {
            if (answer == null) {
                return Optional.empty();
            }
            switch (answer) {
                case ON_MY_WAY:
                    return Optional.of(new Answer(ConfirmationState.ON_MY_WAY, OptionalInt.empty()));
                case HERE:
                    return Optional.of(new Answer(ConfirmationState.HERE, OptionalInt.empty()));
                case RUNNING_LATE:
                    try {
                        int late = Integer.parseInt(minutes == null ? "" : minutes.strip());
                        return Confirmations.LATE_CHOICES.contains(late)
                                ? Optional.of(new Answer(ConfirmationState.RUNNING_LATE, OptionalInt.of(late)))
                                : Optional.empty();
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                default:
                    return Optional.empty();
            }
        }
    }

    /** Records the answer as the DM's buttons would; a second time the same answer records nothing new. */
    Confirmations.Outcome answer(PlannedShow show, String callKey, Answer answer) {
        return confirmations.confirmFromPage(show, callKey, answer.state(), answer.lateMinutes());
    }

    /** The call as an iCalendar file: the event {@code /mycall} gives, with the same UID. */
    byte[] calendar(PlannedShow show, Call call) {
        return calls.calendar(show, List.of(call)).getBytes(StandardCharsets.UTF_8);
    }

    static String calendarName(PlannedShow show) {
        return show.id() + "-my-call.ics";
    }

    /** The page, for the link whose path is {@code path} ({@code /me/<token>}). */
    String html(PlannedShow show, Call call, String path) {
        ZoneId zone = show.show().zone();
        PersonalCalls.Card card = calls.card(show, call);
        Optional<Confirmation> answered = confirmations.current(show.id(), call.key());
        StringBuilder h = new StringBuilder(4096);
        h.append("""
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <meta name="robots" content="noindex, nofollow">
                <title>Your call · """).append(e(show.show().name())).append("""
                </title>
                <link rel="stylesheet" href="/assets/personal.css">
                </head>
                <body class="personal">
                <main>
                """);
        h.append("<p class=\"show\">").append(e(show.show().name())).append("</p>\n");
        h.append("<h1 id=\"name\">").append(e(call.who())).append("</h1>\n");
        h.append("<p class=\"dept\">").append(e(call.departmentName())).append("</p>\n");
        h.append("<section class=\"call\">\n<p class=\"label\">Your call</p>\n");
        h.append("<p class=\"time\" id=\"call-time\">").append(time(card.at(), zone)).append("</p>\n");
        h.append("<p class=\"day\">").append(e(DAY.format(card.at().atZone(zone)))).append(" · ")
                .append(e(zone.getId())).append(" time</p>\n");
        if (card.moved()) {
            h.append("<p class=\"moved\" id=\"moved\">Moved ").append(card.delay().abs().toMinutes()).append(" min ")
                    .append(card.delay().isNegative() ? "earlier" : "later").append(" by the day's delays (planned ")
                    .append(time(card.planned(), zone)).append(")</p>\n");
        }
        h.append("</section>\n<dl class=\"facts\">\n");
        call.meetingPoint().ifPresent(m -> fact(h, "Meet at", m));
        call.leadUserId().ifPresent(l -> fact(h, "Lead", names.apply(l)));
        call.notes().ifPresent(n -> fact(h, "Notes", n));
        h.append("</dl>\n");
        h.append("<section class=\"answer\" id=\"answer\" role=\"status\">\n<p class=\"label\">Your answer</p>\n<p class=\"now\">")
                .append(answered.map(a -> e(said(a)) + " <span class=\"when\">(" + time(a.updatedAt(), zone) + ")</span>")
                        .orElse("No answer yet"))
                .append("</p>\n</section>\n");
        String action = e(path + "/answer");
        h.append("<section class=\"buttons\">\n");
        h.append("<form method=\"post\" action=\"").append(action).append("\">")
                .append("<input type=\"hidden\" name=\"answer\" value=\"").append(ON_MY_WAY).append("\">")
                .append("<button type=\"submit\" id=\"on-my-way\" class=\"go\">On my way</button></form>\n");
        h.append("<form method=\"post\" action=\"").append(action).append("\" class=\"late\">")
                .append("<input type=\"hidden\" name=\"answer\" value=\"").append(RUNNING_LATE).append("\">")
                .append("<label for=\"minutes\">How late?</label> <select name=\"minutes\" id=\"minutes\">");
        for (int minutes : Confirmations.LATE_CHOICES) {
            h.append("<option value=\"").append(minutes).append("\">").append(minutes).append(" min</option>");
        }
        h.append("</select>")
                .append("<button type=\"submit\" id=\"running-late\" class=\"late\">Running late</button></form>\n");
        h.append("<form method=\"post\" action=\"").append(action).append("\">")
                .append("<input type=\"hidden\" name=\"answer\" value=\"").append(HERE).append("\">")
                .append("<button type=\"submit\" id=\"here\" class=\"here\">Here</button></form>\n");
        h.append("</section>\n");
        h.append("<p class=\"calendar\"><a id=\"calendar\" href=\"").append(e(path + "/call.ics"))
                .append("\" download>Add my call to my calendar</a></p>\n");
        h.append("<p class=\"small\">This page is yours: do not pass the link on. Opening it tells nobody anything; "
                + "only the buttons do.</p>\n");
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void fact(StringBuilder h, String label, String value) {
        h.append("<dt>").append(e(label)).append("</dt><dd>").append(e(value)).append("</dd>\n");
    }

    static String said(Confirmation answer) {
        return switch (answer.state()) {
            case ON_MY_WAY -> "On my way";
            case RUNNING_LATE -> "Running " + answer.lateMinutes().orElse(0) + " min late";
            case HERE -> "Here";
        };
    }

    private static String time(Instant at, ZoneId zone) {
        return TIME.format(at.atZone(zone));
    }

    /** Text people wrote, as HTML text or an attribute's value. */
    static String e(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}

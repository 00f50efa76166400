package dev.showcall.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.calendar.CallCalendar;
import dev.showcall.calls.Escalated;
import dev.showcall.callsheet.SheetLine;
import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Contact;
import dev.showcall.show.Escalation;
import dev.showcall.show.Show;
import dev.showcall.show.ShowFiles;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The mails of a call")
class CallMailsTest {

    private static final Show SHOW = example();
    private static final PlannedShow PLANNED = new PlannedShow(SHOW, CallPlanner.plan(SHOW));
    private static final String NAME = "Maison Verre — Autumn/Winter 2027";
    private static final Call LENA = PLANNED.call("model:Lena Hoffmann").orElseThrow();
    private static final Contact LENAS = SHOW.contactOf(LENA).orElseThrow();
    private static final Call TOM = PLANNED.call("crew:set-up:1190000000000000101").orElseThrow();
    private static final Contact TOMS = new Contact(Optional.of("tom@example.com"), Optional.of("someone@example.com"));
    private static final URI PAGE = URI.create("https://calls.example.org/p/abc123");

    private static Show example() {
        try {
            return ShowFiles.load(Path.of("config/shows/maison-verre-aw27.yaml")).show();
        } catch (Exception e) {
            throw new AssertionError("the example show does not load", e);
        }
    }

    private final CallMails mails = new CallMails(Clock.fixed(Instant.parse("2027-02-21T09:00:00Z"), ZoneOffset.UTC));

    private static String ics(Mail mail) {
        return new String(mail.calendar().orElseThrow().content(), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a call's subject gives the show, the time and the day in the show's time zone")
    void callSubject() {
        // when Lena's call is mailed
        Mail mail = mails.call("ping:call:lena", PLANNED, LENA, LENAS, LENA.at(), Optional.empty(), Optional.of(PAGE));

        // then its subject reads at a glance
        assertThat(mail.subject()).isEqualTo("Your call for " + NAME + ": 15:15, Sunday 21 February");
    }

    @Test
    @DisplayName("a model's call goes to her, her agency copied")
    void callRecipients() {
        // when Lena's call is mailed
        Mail mail = mails.call("ping:call:lena", PLANNED, LENA, LENAS, LENA.at(), Optional.empty(), Optional.empty());

        // then it is to her, copying her booker
        assertThat(mail.to()).containsExactly("lena.hoffmann@example.com");
        assertThat(mail.cc()).containsExactly("bookings@elite-london.example.com");
    }

    @Test
    @DisplayName("a crew member's call copies nobody, whatever the contact says")
    void crewNotCopied() {
        // when Tom's call is mailed
        Mail mail = mails.call("ping:call:tom", PLANNED, TOM, TOMS, TOM.at(), Optional.empty(), Optional.empty());

        // then only he has it
        assertThat(mail.to()).containsExactly("tom@example.com");
        assertThat(mail.cc()).isEmpty();
    }

    @Test
    @DisplayName("with a page, the call says near the top to open it to confirm, with the link")
    void pageLink() {
        // when Lena's call is mailed with her page
        Mail mail = mails.call("ping:call:lena", PLANNED, LENA, LENAS, LENA.at(), Optional.empty(), Optional.of(PAGE));

        // then the link comes in the first lines
        assertThat(mail.text().lines().limit(5)).contains("Open your page to confirm: " + PAGE);
    }

    @Test
    @DisplayName("without a page, the call says to reply to the producer or PR")
    void noPage() {
        // when Lena's call is mailed without a page
        Mail mail = mails.call("ping:call:lena", PLANNED, LENA, LENAS, LENA.at(), Optional.empty(), Optional.empty());

        // then she is told who to answer
        assertThat(mail.text()).contains("reply to the producer or PR").doesNotContain("Open your page");
    }

    @Test
    @DisplayName("the call's text is plain, with its details and no Discord markup")
    void plainText() {
        // when Lena's call is mailed
        Mail mail = mails.call("ping:call:lena", PLANNED, LENA, LENAS, LENA.at(), Optional.of("31s late: showcall was offline"),
                Optional.empty());

        // then it says where and when, plainly
        assertThat(mail.text())
                .startsWith("Hello Lena Hoffmann,")
                .contains("(Sent 31s late: showcall was offline.)")
                .contains("Call: 15:15 on Sunday 21 February 2027 (Europe/London)")
                .contains("Meeting point: Model check-in, PR desk, backstage entrance (Arundel Street)")
                .contains("Show: " + NAME + ", 180 The Strand, London WC2, starts at 19:00")
                .doesNotContain("**").doesNotContain("<t:").doesNotContain("<@");
    }

    @Test
    @DisplayName("the call carries its calendar file, with the UID /mycall gives the same call")
    void calendar() {
        // when Lena's call is mailed
        Mail mail = mails.call("ping:call:lena", PLANNED, LENA, LENAS, LENA.at(), Optional.empty(), Optional.empty());

        // then call.ics is attached as a published calendar with her call's UID
        Mail.Attachment ics = mail.calendar().orElseThrow();
        assertThat(ics.fileName()).isEqualTo("call.ics");
        assertThat(ics.contentType()).isEqualTo("text/calendar; method=PUBLISH; charset=UTF-8");
        assertThat(ics(mail)).contains("UID:" + CallCalendar.uid(SHOW, LENA)).contains("METHOD:PUBLISH");
    }

    @Test
    @DisplayName("the same key gives the same Message-ID, another key another")
    void messageId() {
        // when one call is composed twice under one key, and once under another
        Mail first = mails.call("ping:call:lena", PLANNED, LENA, LENAS, LENA.at(), Optional.empty(), Optional.empty());
        Mail again = mails.call("ping:call:lena", PLANNED, LENA, LENAS, LENA.at(), Optional.empty(), Optional.empty());
        Mail other = mails.reminder("ping:remind:lena", PLANNED, LENA, LENAS, LENA.at(), Optional.empty(), Optional.empty());

        // then a resend carries the first's Message-ID
        assertThat(first.messageId()).isEqualTo(again.messageId()).matches("<[0-9a-f]{32}@showcall>");
        assertThat(other.messageId()).isNotEqualTo(first.messageId());
    }

    @Test
    @DisplayName("a reminder says when the call is, copies no agency, and carries the calendar")
    void reminder() {
        // when Lena is reminded
        Mail mail = mails.reminder("ping:remind:lena", PLANNED, LENA, LENAS, LENA.at(), Optional.empty(), Optional.of(PAGE));

        // then it is hers alone
        assertThat(mail.subject()).isEqualTo("Reminder: your call for " + NAME + " is at 15:15, Sunday 21 February");
        assertThat(mail.cc()).isEmpty();
        assertThat(ics(mail)).contains("UID:" + CallCalendar.uid(SHOW, LENA));
    }

    @Test
    @DisplayName("a moved call gives the new time and the old, the reason, and a calendar event moved to the new time")
    void moved() {
        // when Lena's call moves 30 minutes later
        Instant later = LENA.at().plus(Duration.ofMinutes(30));
        Mail mail = mails.moved("ping:moved:lena", PLANNED, LENA, LENAS, LENA.at(), later, "the lighting rig is late",
                Optional.empty());

        // then subject and text tell both times, her agency is copied, and the event starts at the new time
        assertThat(mail.subject()).isEqualTo("Your call for " + NAME + " moved to 15:45, Sunday 21 February (was 15:15)");
        assertThat(mail.text()).contains("moved from 15:15 to 15:45 on Sunday 21 February 2027: the lighting rig is late");
        assertThat(mail.cc()).containsExactly("bookings@elite-london.example.com");
        assertThat(ics(mail)).contains("UID:" + CallCalendar.uid(SHOW, LENA)).contains("DTSTART;TZID=Europe/London:20270221T154500");
    }

    @Test
    @DisplayName("the call sheet gives the call with the day's delay, copies her agency and carries the calendar")
    void callSheet() {
        // when her call sheet goes out after a delay of 10 minutes
        Mail mail = mails.callSheet("ping:sheet:lena", PLANNED, LENA, LENAS, Duration.ofMinutes(10), Optional.empty(),
                Optional.of(PAGE));

        // then it tells the moved call
        assertThat(mail.subject()).isEqualTo("Your call sheet for " + NAME + ": call 15:25, Sunday 21 February");
        assertThat(mail.text()).contains("your call is at 15:25 on Sunday 21 February 2027").contains(PAGE.toString());
        assertThat(mail.cc()).containsExactly("bookings@elite-london.example.com");
        assertThat(ics(mail)).contains("UID:" + CallCalendar.uid(SHOW, LENA));
    }

    @Test
    @DisplayName("an updated call sheet says what changed, with what it was")
    void callSheetUpdate() {
        // given the sheet she had, with another meeting point and a call 20 minutes earlier
        SheetLine before = new SheetLine(LENA.at().minus(Duration.ofMinutes(20)), Optional.of("Stage door"),
                LENA.leadUserId(), LENA.notes());

        // when the new one is mailed
        Mail mail = mails.callSheet("ping:sheet:lena:2", PLANNED, LENA, LENAS, Duration.ZERO, Optional.of(before),
                Optional.empty());

        // then the changes are listed
        assertThat(mail.subject()).startsWith("Your call sheet changed for " + NAME);
        assertThat(mail.text())
                .contains("- Call: 15:15 on Sunday 21 February 2027 (was 14:55 on Sunday 21 February 2027)")
                .contains("(was Stage door)");
    }

    @Test
    @DisplayName("a ladder's dm-again asks to confirm, copies no agency and carries no calendar")
    void again() {
        // when the not-confirmed ladder mails her again
        Escalated step = new Escalated(Escalation.Condition.NOT_CONFIRMED, 1, 2, Escalation.Action.DM_AGAIN, LENA.at());
        Mail mail = mails.again("ping:esc:lena", PLANNED, LENA, LENAS, step, Optional.empty(), Optional.of(PAGE));

        // then it says why, with her page
        assertThat(mail.subject()).isEqualTo("Please confirm your call for " + NAME + ": 15:15, Sunday 21 February");
        assertThat(mail.text()).contains("You have not confirmed your call").contains("Open your page to confirm: " + PAGE);
        assertThat(mail.cc()).isEmpty();
        assertThat(mail.calendar()).isEmpty();
    }

    @Test
    @DisplayName("a ladder's not-arrived step tells her to tell PR where she is")
    void againNotArrived() {
        // when the not-arrived ladder mails her again
        Escalated step = new Escalated(Escalation.Condition.NOT_ARRIVED, 1, 2, Escalation.Action.DM_AGAIN, LENA.at());
        Mail mail = mails.again("ping:esc:lena:a", PLANNED, LENA, LENAS, step, Optional.empty(), Optional.empty());

        // then it says so
        assertThat(mail.subject()).isEqualTo("You are not marked arrived for " + NAME + ": called for 15:15, Sunday 21 February");
        assertThat(mail.text()).contains("are not marked arrived. Tell PR where you are.");
    }
}

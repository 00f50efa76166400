package dev.showcall.calendar;

import dev.showcall.show.Call;
import dev.showcall.show.CallSheet;
import dev.showcall.show.Department;
import dev.showcall.show.Member;
import dev.showcall.show.Show;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Calls as an iCalendar file (RFC 5545): one event per call, at the call in the show's time zone
 * (with its VTIMEZONE), until the show starts, with the meeting point, the lead, the notes and an
 * alarm for each reminder. An event's UID is made from the call's key, which stays the same when the
 * show file is reloaded, so importing the file again updates the events instead of adding new ones.
 */
public final class CallCalendar {

    public static final String PRODUCT = "-//showcall//call sheet//EN";
    /** An event lasts at least this long, for a call at or after the start (a late standby, say). */
    static final Duration SHORTEST = Duration.ofMinutes(30);

    private CallCalendar() {
    }

    /** Every call of the sheet. */
    public static String of(CallSheet sheet, Instant now) {
        return of(sheet.show(), sheet.calls(), now);
    }

    /** The calls given, such as one person's, of {@code show}, as planned. */
    public static String of(Show show, List<Call> calls, Instant now) {
        return of(show, calls, Duration.ZERO, now);
    }

    /**
     * The calls given, such as one person's, of {@code show}, moved with the show's start by the
     * delays declared so far ({@code delay}, their sum); the events keep their UIDs, so a calendar
     * that imported the plan moves them.
     */
    public static String of(Show show, List<Call> calls, Duration delay, Instant now) {
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        TimeZone zone = registry.getTimeZone(show.zone().getId());
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        if (zone != null) {
            calendar.add(zone.getVTimeZone());
        }
        for (Call call : calls) {
            calendar.add(event(show, call, delay, now));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a calendar into memory cannot fail", e);
        }
        return out.toString();
    }

    /** The UID of a call's event: the same for the same call whenever the file is exported or reloaded. */
    public static String uid(Show show, Call call) {
        return call.ref() + "@" + show.id() + ".showcall";
    }

    private static VEvent event(Show show, Call call, Duration delay, Instant now) {
        ZonedDateTime start = call.at().plus(delay).atZone(show.zone());
        ZonedDateTime showStart = show.startInstant().plus(delay).atZone(show.zone());
        ZonedDateTime end = showStart.isAfter(start.plus(SHORTEST)) ? showStart : start.plus(SHORTEST);
        VEvent event = new VEvent(start, end, "Call: " + show.name() + " · " + call.departmentName());
        event.add(new Uid(uid(show, call)));
        event.add(new DtStamp(now));
        Optional<String> place = call.meetingPoint().or(() -> Optional.ofNullable(show.venue()));
        place.ifPresent(p -> event.add(new Location(p + (call.meetingPoint().isPresent() && show.venue() != null
                ? ", " + show.venue() : ""))));
        event.add(new Description(description(show, call, showStart, delay)));
        for (Duration before : call.reminders()) {
            VAlarm alarm = new VAlarm(before.negated());
            alarm.add(new Action("DISPLAY"));
            alarm.add(new Description("Your call for " + show.name() + " in " + words(before)));
            event.add(alarm);
        }
        return event;
    }

    private static String description(Show show, Call call, ZonedDateTime showStart, Duration delay) {
        StringBuilder text = new StringBuilder();
        text.append(call.who()).append(" · ").append(call.departmentName()).append('\n');
        text.append(call.reason()).append('\n');
        text.append("Show starts ").append(showStart.toLocalTime()).append(" (").append(show.zone().getId())
                .append(")\n");
        if (!delay.isZero()) {
            text.append("Moved ").append(words(delay.abs())).append(delay.isNegative() ? " earlier" : " later")
                    .append(" than planned by the day's delays\n");
        }
        call.meetingPoint().ifPresent(m -> text.append("Meet at: ").append(m).append('\n'));
        lead(show, call.leadUserId()).ifPresent(l -> text.append("Lead: ").append(l).append('\n'));
        call.notes().ifPresent(n -> text.append(n).append('\n'));
        if (!call.reminders().isEmpty()) {
            text.append("Reminders: ").append(call.reminders().stream().map(CallCalendar::words)
                    .collect(Collectors.joining(", "))).append(" before\n");
        }
        return text.toString().strip();
    }

    /** The lead by the name the show file gives them, if it does. */
    static Optional<String> lead(Show show, OptionalLong lead) {
        if (lead.isEmpty()) {
            return Optional.empty();
        }
        return show.departments().stream().map(Department::members).flatMap(List::stream)
                .filter(m -> m.userId().equals(lead)).findFirst().map(Member::displayName)
                .or(() -> Optional.of("user " + lead.getAsLong()));
    }

    private static String words(Duration d) {
        long h = d.toHours();
        long m = d.toMinutesPart();
        return h > 0 ? h + "h" + (m > 0 ? m + "m" : "") : d.toMinutes() + "m";
    }
}

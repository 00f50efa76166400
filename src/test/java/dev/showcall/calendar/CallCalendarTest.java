package dev.showcall.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.CallSheet;
import dev.showcall.show.Show;
import dev.showcall.show.ShowReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A call sheet as a calendar")
class CallCalendarTest {

    private static final Path EXAMPLE = Path.of("config/shows/maison-verre-aw27.yaml");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

    private String yaml;
    private CallSheet sheet;
    private LocalDate clocksGoForward;

    /** The example show at 06:00 on the day British clocks go forward: its early calls are before the change. */
    @BeforeEach
    void showAcrossTheChange() throws Exception {
        clocksGoForward = LocalDate.of(2027, 3, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        // the finale model's fitting is at a fixed 13:40 in the file: made relative, as it would be for a morning show
        yaml = Files.readString(EXAMPLE).replaceFirst("(?m)^start: \\S+", "start: " + clocksGoForward + "T06:00")
                .replace("call: \"13:40\"", "call: 5h20m");
        sheet = plan(yaml);
        assertThat(LONDON.getRules().isDaylightSavings(sheet.calls().get(0).at())).as("first call in GMT").isFalse();
        assertThat(LONDON.getRules().isDaylightSavings(sheet.show().startInstant())).as("start in BST").isTrue();
    }

    @Test
    @DisplayName("parses with ical4j into one event per call, each at its call's instant on either side of the change")
    void instantsAcrossDaylightSaving() throws Exception {
        // when the sheet is exported and read back with the calendar library
        Calendar calendar = new CalendarBuilder().build(new StringReader(CallCalendar.of(sheet, NOW)));

        // then every call is one event, in the show's zone, starting at the call's instant
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(sheet.calls().size());
        Map<String, VEvent> byUid = events.stream()
                .collect(Collectors.toMap(e -> e.getUid().orElseThrow().getValue(), Function.identity()));
        for (Call call : sheet.calls()) {
            VEvent event = byUid.get(CallCalendar.uid(sheet.show(), call));
            assertThat(event).as(call.key()).isNotNull();
            ZonedDateTime start = (ZonedDateTime) event.getDateTimeStart().getDate();
            assertThat(start.toInstant()).as(call.key()).isEqualTo(call.at());
            assertThat(event.getDateTimeStart().getParameter("TZID").orElseThrow().getValue())
                    .isEqualTo(LONDON.getId());
            assertThat(event.getAlarms()).hasSize(call.reminders().size());
        }
        assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
    }

    @Test
    @DisplayName("keeps each event's UID when the show file is reloaded with other times, so a re-import updates")
    void stableUids() throws Exception {
        // given the same show moved an hour later
        CallSheet moved = plan(yaml.replaceFirst("(?m)^start: \\S+", "start: " + clocksGoForward + "T07:00"));

        // when both are exported
        List<String> before = uids(CallCalendar.of(sheet, NOW));
        List<String> after = uids(CallCalendar.of(moved, NOW.plusSeconds(3600)));

        // then the events keep their UIDs, one each
        assertThat(after).containsExactlyElementsOf(before).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("moves one person's events by the day's delay, keeping their UIDs, and says they were moved")
    void movedByADelay() throws Exception {
        // given one person's calls, and the show running 45 minutes late
        Call first = sheet.calls().get(0);
        Duration delay = Duration.ofMinutes(45);

        // when they are exported with the delay
        Calendar calendar = new CalendarBuilder().build(new StringReader(
                CallCalendar.of(sheet.show(), List.of(first), delay, NOW)));

        // then the event starts at the call plus the delay, under the same UID, and its description tells why
        VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
        assertThat(((ZonedDateTime) event.getDateTimeStart().getDate()).toInstant()).isEqualTo(first.at().plus(delay));
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(CallCalendar.uid(sheet.show(), first));
        assertThat(event.getDescription().getValue()).contains("Moved 45m later");
    }

    private static List<String> uids(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .map(e -> e.getProperty(Property.UID).orElseThrow().getValue()).toList();
    }

    private static CallSheet plan(String text) {
        Show show = ShowReader.read(EXAMPLE.toString(), text).show().orElseThrow();
        return CallPlanner.plan(show);
    }
}

package dev.showcall.callsheet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.CallPing;
import dev.showcall.show.Call;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A line of the call sheet sent ahead")
class SheetLineTest {

    private static final Instant AT = Instant.parse("2027-02-21T14:00:00Z");
    private static final long LEAD = 1190000000000000101L;
    private static final SheetLine LINE = new SheetLine(AT, Optional.of("Salon"), OptionalLong.of(LEAD),
            Optional.of("Bring brushes"));

    static Call call(SheetLine line) {
        return new Call("crew:hair:1190000000000000102", Call.Kind.CREW, "hair", "Hair", "Priya Shah",
                OptionalLong.of(1190000000000000102L), OptionalLong.empty(), line.callAt(), Duration.ofHours(5),
                "Hair call", OptionalInt.empty(), List.of(), line.meetingPoint(), line.leadUserId(), line.notes());
    }

    @Test
    @DisplayName("is what the plan says of the call: time, meeting point, lead and notes")
    void ofCall() {
        assertThat(SheetLine.of(call(LINE))).isEqualTo(LINE);
    }

    @Test
    @DisplayName("tells a call as it was written, whatever the plan says since")
    void appliedToCall() {
        Call changed = call(new SheetLine(AT.plusSeconds(1800), Optional.of("Studio 2"), OptionalLong.empty(),
                Optional.empty()));

        Call told = LINE.applyTo(changed);

        assertThat(SheetLine.of(told)).isEqualTo(LINE);
        assertThat(told.key()).isEqualTo(changed.key());
        assertThat(told.who()).isEqualTo("Priya Shah");
    }

    @Test
    @DisplayName("names each part a new plan changed, and none when it changed nothing")
    void changedParts() {
        SheetLine moved = new SheetLine(AT.plusSeconds(1800), Optional.of("Salon"), OptionalLong.of(LEAD),
                Optional.empty());

        assertThat(moved.changedFrom(LINE)).containsExactly(SheetLine.Part.CALL, SheetLine.Part.NOTES);
        assertThat(LINE.changedFrom(LINE)).isEmpty();
        assertThat(new SheetLine(AT, Optional.empty(), OptionalLong.of(LEAD + 1), Optional.of("Bring brushes"))
                .changedFrom(LINE)).containsExactly(SheetLine.Part.MEETING_POINT, SheetLine.Part.LEAD);
    }

    @Test
    @DisplayName("makes the same update ping for the same change, and another for each further change")
    void updatePings() {
        SheetLine moved = new SheetLine(AT.plusSeconds(1800), Optional.of("Salon"), OptionalLong.of(LEAD),
                Optional.of("Bring brushes"));

        String first = moved.updateAfter(CallPing.CALL_SHEET);
        String back = LINE.updateAfter(first);
        String again = moved.updateAfter(back);

        assertThat(moved.updateAfter(CallPing.CALL_SHEET)).isEqualTo(first);
        assertThat(first).matches("callsheet:[0-9a-f]{12}");
        assertThat(CallPing.isValidPing(first)).isTrue();
        assertThat(List.of(first, back, again)).doesNotHaveDuplicates();
    }
}

package dev.showcall.store;

import dev.showcall.show.Call;
import dev.showcall.show.CallSheet;
import dev.showcall.show.Department;
import dev.showcall.show.DiscordBinding;
import dev.showcall.show.Look;
import dev.showcall.show.Member;
import dev.showcall.show.Model;
import dev.showcall.show.ModelCalls;
import dev.showcall.show.Show;
import dev.showcall.show.TimeSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Shows and call sheets built by hand, as a planner would build them from a show file. */
final class ShowFixture {

    static final String SHOW_ID = "maison-verre-aw27";
    static final String SOURCE_FILE = "config/shows/maison-verre-aw27.yaml";
    static final String SOURCE_TEXT = """
            id: maison-verre-aw27
            name: "Maison Verre AW27"
            time-zone: Europe/London
            start: 2027-02-21T19:00
            """;

    static final long PRIYA = 1190000000000000101L;
    static final long TOM = 1190000000000000102L;
    static final long HAIR_ROLE = 1190000000000000201L;
    static final long PR_LEAD = 1190000000000000301L;

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDateTime START = LocalDateTime.of(2027, 2, 21, 19, 0);
    static final Instant START_INSTANT = START.atZone(LONDON).toInstant();

    private ShowFixture() {
    }

    static Show show() {
        return show(SHOW_ID);
    }

    static Show show(String id) {
        Department hair = new Department("hair", "Hair", new TimeSpec.Relative(Duration.ofMinutes(-270)),
                List.of(new Member(PRIYA, Optional.of("Priya Shah")), new Member(TOM, Optional.empty())),
                OptionalLong.of(HAIR_ROLE), OptionalLong.of(PRIYA), Optional.of("Salon, level -1"),
                Optional.of("Bring your own kit"), List.of(Duration.ofMinutes(60), Duration.ofMinutes(15)));
        ModelCalls modelCalls = new ModelCalls(6, Duration.ofMinutes(45), Duration.ofMinutes(30),
                Duration.ofMinutes(15), Optional.of("Model check-in, Room 3"), OptionalLong.of(PR_LEAD),
                Optional.empty(), List.of(Duration.ofMinutes(60)));
        return new Show(id, "Maison Verre AW27", "180 The Strand", LONDON, START,
                Optional.of(new TimeSpec.Relative(Duration.ofMinutes(-30))),
                new DiscordBinding(1190000000000000001L, 1190000000000000002L, 1190000000000000003L,
                        1190000000000000004L, 1190000000000000005L),
                List.of(hair),
                List.of(model("Anya Petrova"), model("Bea Lind"), model("Cleo Marsh")),
                modelCalls,
                List.of(new Look(1, "Anya Petrova", "Black wool coat", OptionalLong.empty(), OptionalInt.empty()),
                        new Look(2, "Bea Lind", "Silver slip dress", OptionalLong.empty(), OptionalInt.of(50))),
                List.of(),
                40,
                Duration.ofMinutes(15),
                Duration.ofMinutes(5), Duration.ofMinutes(15), dev.showcall.show.Step.DEFAULT_REQUIRED);
    }

    private static Model model(String name) {
        return new Model(name, OptionalLong.empty(), Optional.of("Storm"), false, Optional.empty());
    }

    /** The sheet {@link #show()} plans: two hair members, the hair role and two models. */
    static List<Call> calls() {
        return List.of(
                crew("crew:hair:" + PRIYA, "Priya Shah", OptionalLong.of(PRIYA), OptionalLong.empty()),
                crew("crew:hair:" + TOM, "user " + TOM, OptionalLong.of(TOM), OptionalLong.empty()),
                crew("crew:hair:role:" + HAIR_ROLE, "Hair (role)", OptionalLong.empty(), OptionalLong.of(HAIR_ROLE)),
                modelCall("Anya Petrova", Duration.ofMinutes(135), 1),
                modelCall("Bea Lind", Duration.ofMinutes(135), 1));
    }

    static CallSheet sheet(Show show, List<Call> calls) {
        return new CallSheet(show, calls, List.of(), List.of(), List.of());
    }

    static CallSheet sheet() {
        return sheet(show(), calls());
    }

    private static Call crew(String key, String who, OptionalLong user, OptionalLong role) {
        Duration before = Duration.ofMinutes(270);
        return new Call(key, Call.Kind.CREW, "hair", "Hair", who, user, role, START_INSTANT.minus(before), before,
                "Hair set-up", OptionalInt.empty(), List.of(Duration.ofMinutes(60), Duration.ofMinutes(15)),
                Optional.of("Salon, level -1"), OptionalLong.of(PRIYA), Optional.of("Bring your own kit"));
    }

    static Call modelCall(String name, Duration before, int wave) {
        return new Call("model:" + name, Call.Kind.MODEL, "models", "Models", name, OptionalLong.empty(),
                OptionalLong.empty(), START_INSTANT.minus(before), before, "Wave " + wave + " check-in",
                OptionalInt.of(wave), List.of(Duration.ofMinutes(60)), Optional.of("Model check-in, Room 3"),
                OptionalLong.of(PR_LEAD), Optional.empty());
    }

    /** The same call, moved to {@code before} the start. */
    static Call moved(Call call, Duration before) {
        return new Call(call.key(), call.kind(), call.departmentId(), call.departmentName(), call.who(),
                call.userId(), call.roleId(), START_INSTANT.minus(before), before, call.reason(), call.wave(),
                call.reminders(), call.meetingPoint(), call.leadUserId(), call.notes());
    }

    /** Saves {@link #show()} under {@code id}, for tests that need a show to hang state on. */
    static void saveShow(FreshDatabase db, String id, Instant now) {
        Show show = show(id);
        db.inTransaction(c -> new ShowRepository().save(c, show, sheet(show, calls()), SOURCE_FILE, SOURCE_TEXT, now));
    }
}

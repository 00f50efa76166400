package dev.showcall.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.showcall.backstage.Lineup;
import dev.showcall.backstage.LookState;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Account;
import dev.showcall.show.Department;
import dev.showcall.show.Member;
import dev.showcall.show.Model;
import dev.showcall.show.QuickChange;
import dev.showcall.show.Step;
import dev.showcall.timeline.BoardState;
import dev.showcall.timeline.LooksSection;
import dev.showcall.timeline.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * What the pages show, as JSON: the screen from the board's own state (so the two never disagree), the lineup
 * and the door from the running order as it stands. Times are epoch milliseconds; the page shows them in the
 * show's time zone, which goes with them.
 */
final class Views {

    static final ObjectMapper JSON = new ObjectMapper();

    private Views() {
    }

    /** The screen: the board's state, and the newest lines of the log. */
    static ObjectNode screen(PlannedShow show, BoardState board, List<TimelineEvent> recent, LongFunction<String> names,
                             Instant now) {
        ObjectNode view = header(show, "screen", now);
        view.put("start", board.start().toEpochMilli());
        view.put("delayMinutes", board.delay().toMinutes());
        board.nextMilestone().ifPresent(m -> view.putObject("nextMilestone").put("name", m.name())
                .put("at", m.at().toEpochMilli()));
        ObjectNode models = view.putObject("models");
        models.put("arrived", board.arrivals().arrived()).put("expected", board.arrivals().expected());
        strings(models.putArray("late"), board.arrivals().late());
        strings(models.putArray("noShows"), board.arrivals().noShows());
        ArrayNode crew = view.putArray("crew");
        for (BoardState.DepartmentConfirmations d : board.crew()) {
            crew.addObject().put("name", d.name()).put("confirmed", d.confirmed()).put("here", d.here())
                    .put("total", d.total());
        }
        LooksSection looks = board.looks();
        ObjectNode looksView = view.putObject("looks").put("ready", looks.ready()).put("total", looks.total());
        ObjectNode missing = looksView.putObject("missingByStep");
        looks.missingByStep().forEach(missing::put);
        looks.out().ifPresent(l -> look(looksView.putObject("out"), l));
        looks.next().ifPresent(l -> look(looksView.putObject("next"), l));
        looksView.putArray("withoutModel").addAll(looks.withoutModel().stream()
                .map(n -> JSON.getNodeFactory().numberNode(n)).toList());
        ArrayNode log = view.putArray("log");
        for (TimelineEvent event : recent) {
            ObjectNode line = log.addObject().put("id", event.id()).put("at", event.occurredAt().toEpochMilli())
                    .put("text", Plain.of(event.text(), show.show().zone(), names));
            event.actorUserId().ifPresent(u -> line.put("by", names.apply(u)));
        }
        return view;
    }

    private static void look(ObjectNode node, LooksSection.LookLine line) {
        node.put("number", line.number()).put("model", line.model()).put("description", line.description())
                .put("ready", line.ready());
        strings(node.putArray("missing"), line.missing());
    }

    /** The running order from the next look to walk, then the looks that walked. */
    static ObjectNode lineup(Lineup lineup, Duration delay, LongFunction<String> names, Instant now) {
        PlannedShow show = lineup.show();
        ObjectNode view = header(show, "lineup", now);
        view.put("start", show.show().start().atZone(show.show().zone()).toInstant().plus(delay).toEpochMilli());
        view.put("ready", lineup.readyCount()).put("total", lineup.looks().size());
        Optional<LookState> next = lineup.next();
        next.ifPresent(n -> view.put("next", n.number()));
        lineup.out().ifPresent(o -> view.put("out", o.number()));
        Set<Integer> quick = lineup.quickChanges().stream().filter(QuickChange::underThreshold)
                .flatMap(q -> java.util.stream.Stream.of(q.fromLook(), q.toLook())).collect(Collectors.toSet());
        ArrayNode looks = view.putArray("looks");
        for (LookState look : lineup.looks()) {
            ObjectNode node = looks.addObject().put("number", look.number()).put("description", look.look().description())
                    .put("ready", look.ready()).put("walked", look.walked()).put("withoutModel", look.withoutModel())
                    .put("quickChange", quick.contains(look.number()));
            if (look.model() != null) {
                node.put("model", look.model());
                node.put("arrived", lineup.floor().arrived().contains(look.model()));
                node.put("noShow", lineup.floor().noShows().contains(look.model()));
            }
            if (look.replaced()) {
                node.put("replaces", look.look().model());
            }
            dresser(show, look, names).ifPresent(d -> node.put("dresser", d));
            // in the order the steps are done in, as the missing ones are
            strings(node.putArray("done"), look.done().stream().sorted().map(Step::label).toList());
            strings(node.putArray("missing"), look.missing().stream().map(Step::label).toList());
        }
        ArrayNode changes = view.putArray("quickChanges");
        for (QuickChange change : lineup.quickChanges()) {
            changes.addObject().put("model", change.model()).put("from", change.fromLook()).put("to", change.toLook())
                    .put("minutes", change.gap().toMinutes()).put("underThreshold", change.underThreshold());
        }
        return view;
    }

    /** The door: every model with her call (moved by the delays) and whether she is here. */
    static ObjectNode door(Lineup lineup, Duration delay, List<String> late, String actingFor, Instant now) {
        PlannedShow show = lineup.show();
        ObjectNode view = header(show, "door", now);
        view.put("actingFor", actingFor);
        ArrayNode models = view.putArray("models");
        for (Model model : show.show().models()) {
            ObjectNode node = models.addObject().put("name", model.name())
                    .put("arrived", lineup.floor().arrived().contains(model.name()))
                    .put("noShow", lineup.floor().noShows().contains(model.name()))
                    .put("late", late.contains(model.name()));
            show.callOf(model).ifPresent(c -> node.put("call", c.at().plus(delay).toEpochMilli()));
            model.agency().ifPresent(a -> node.put("agency", a));
        }
        return view;
    }

    /** The dresser by the name the show file gives, else by their name on Discord. */
    private static Optional<String> dresser(PlannedShow show, LookState look, LongFunction<String> names) {
        Optional<Account> dresser = look.look().dresser();
        if (dresser.isEmpty()) {
            return Optional.empty();
        }
        for (Department department : show.show().departments()) {
            for (Member member : department.members()) {
                if (member.account().equals(dresser.get()) && member.name().isPresent()) {
                    return member.name();
                }
            }
        }
        return Optional.of(dresser.get().id().isPresent() ? names.apply(dresser.get().id().getAsLong())
                : dresser.get().toString());
    }

    /** The show's clock, not the browser's: the countdown on every page counts from the same instant. */
    private static ObjectNode header(PlannedShow show, String page, Instant now) {
        ObjectNode view = JSON.createObjectNode();
        view.put("page", page).put("show", show.show().name()).put("zone", show.show().zone().getId())
                .put("now", now.toEpochMilli());
        return view;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}

package dev.showcall.discord.stub;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The REST routes the stub answers, matched most specific first. */
final class RouteTable {

    /** Answers one routed request. */
    @FunctionalInterface
    interface Handler {
        Reply handle(Call call);
    }

    /** A request matched to its route. */
    record Match(RouteTemplate route, Map<String, String> parameters, Handler handler) {
    }

    private record Entry(RouteTemplate route, Handler handler) {
    }

    private final List<Entry> entries = new ArrayList<>();

    RouteTable on(String method, String template, Handler handler) {
        entries.add(new Entry(RouteTemplate.of(method, template), handler));
        return this;
    }

    Optional<Match> match(String method, String path) {
        String[] segments = path.split("/");
        return entries.stream()
                .sorted(Comparator.comparingInt((Entry e) -> e.route().literals()).reversed())
                .flatMap(e -> e.route().match(method, segments).map(p -> new Match(e.route(), p, e.handler())).stream())
                .findFirst();
    }
}

package dev.showcall.show;

import dev.showcall.show.yaml.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Collects the problems of one show file while it is read. */
final class Problems {

    private final String file;
    private final List<Problem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void error(Location at, String path, String message) {
        found.add(new Problem(Problem.Severity.ERROR, file, at, path, message, Optional.empty()));
    }

    void error(Location at, String path, String message, String hint) {
        found.add(new Problem(Problem.Severity.ERROR, file, at, path, message, Optional.ofNullable(hint)));
    }

    void warning(Location at, String path, String message, String hint) {
        found.add(new Problem(Problem.Severity.WARNING, file, at, path, message, Optional.ofNullable(hint)));
    }

    boolean hasErrors() {
        return found.stream().anyMatch(Problem::isError);
    }

    /** In file order, so a producer can fix them from top to bottom. */
    List<Problem> inFileOrder() {
        return found.stream()
                .sorted(Comparator.comparingInt((Problem p) -> p.location().line())
                        .thenComparingInt(p -> p.location().column()))
                .toList();
    }
}

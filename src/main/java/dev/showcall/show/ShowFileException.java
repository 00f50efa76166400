package dev.showcall.show;

import java.util.List;
import java.util.stream.Collectors;

/** A show file that did not validate, with every problem found in it. */
public final class ShowFileException extends Exception {

    private final transient List<Problem> problems;

    public ShowFileException(String file, List<Problem> problems) {
        super(summary(file, problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(String file, List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        return file + " does not validate: " + errors + (errors == 1 ? " error" : " errors") + "\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}

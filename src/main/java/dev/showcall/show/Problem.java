package dev.showcall.show;

import dev.showcall.show.yaml.Location;
import java.util.Optional;

/**
 * One thing wrong (or worth a second look) in a show file, pointing at the line, column and
 * field where it is.
 *
 * @param path the field, as {@code looks[3].model}; empty for the file as a whole
 */
public record Problem(Severity severity, String file, Location location, String path, String message,
                      Optional<String> hint) {

    public enum Severity { ERROR, WARNING }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:12:5: looks[3].model: no model named "Anya" (did you mean "Anja"?)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder()
                .append(file).append(':').append(location.line()).append(':').append(location.column()).append(": ");
        if (severity == Severity.WARNING) {
            sb.append("warning: ");
        }
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        sb.append(message);
        hint.ifPresent(h -> sb.append(" (").append(h).append(')'));
        return sb.toString();
    }
}

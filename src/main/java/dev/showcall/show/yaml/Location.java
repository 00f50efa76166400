package dev.showcall.show.yaml;

/** Where a node starts in its file; both numbers count from 1. */
public record Location(int line, int column) {

    public static final Location START = new Location(1, 1);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}

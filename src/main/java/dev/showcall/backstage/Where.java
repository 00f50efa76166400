package dev.showcall.backstage;

/** Where a mark was made: on Discord, or at the door's tablet, which the log says so the crew know. */
public enum Where {
    DISCORD(""),
    DOOR(" at the door");

    private final String phrase;

    Where(String phrase) {
        this.phrase = phrase;
    }

    /** What the log adds after the verb: nothing on Discord, " at the door" at the door. */
    public String phrase() {
        return phrase;
    }
}

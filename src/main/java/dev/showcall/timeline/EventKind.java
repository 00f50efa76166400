package dev.showcall.timeline;

/** What a timeline event is about. */
public enum EventKind {
    SHOW_LOADED,
    /** A producer applied a new version of the show file while it runs: "Plan updated: 3 calls moved, look 12 cut". */
    PLAN_UPDATED,
    CALL,
    REMINDER,
    CONFIRMATION,
    ARRIVAL,
    ARRIVAL_UNDONE,
    LATE,
    NO_SHOW,
    REPLACEMENT,
    /** A step done that made no look ready: on the board and in the database, not worth a line in the log. */
    LOOK_STEP,
    /** A step done that made one or more looks ready. */
    LOOK_READY,
    LOOK_STEP_UNDONE,
    DELAY,
    MILESTONE,
    WALKED,
    ALERT,
    /** A step of an escalation ladder taken, or a lead who reached someone on one. */
    ESCALATION,
    /** Another showcall instance took over from one that died, hung or was cut off from the database. */
    FAILOVER,
    /** Someone on the roster linked to a Discord account, unlinked, or claiming their line. */
    LINK;

    /**
     * Whether the log shows it. A show's hundreds of single steps would bury the log producers
     * read; the board counts them, and the log tells when a look is ready or a step is taken back.
     */
    public boolean toldInLog() {
        return this != LOOK_STEP;
    }
}

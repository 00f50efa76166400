package dev.showcall.timeline;

/** What a timeline event is about. */
public enum EventKind {
    SHOW_LOADED,
    CALL,
    REMINDER,
    CONFIRMATION,
    ARRIVAL,
    ARRIVAL_UNDONE,
    LATE,
    NO_SHOW,
    REPLACEMENT,
    LOOK_STEP,
    LOOK_STEP_UNDONE,
    DELAY,
    MILESTONE,
    WALKED,
    ALERT
}

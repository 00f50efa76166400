package dev.showcall.calls;

/** The buttons on a call: what someone answered. */
public enum ConfirmationState {
    ON_MY_WAY,
    RUNNING_LATE,
    HERE
}

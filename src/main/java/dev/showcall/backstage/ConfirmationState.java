package dev.showcall.backstage;

/** The buttons on a call: what someone answered. */
public enum ConfirmationState {
    ON_MY_WAY,
    RUNNING_LATE,
    HERE
}

package dev.showcall.backstage;

/** What storing an answer to a call did. */
public enum ConfirmationChange {
    /** The first answer to the call. */
    NEW,
    /** A different state, or different minutes late, than the answer before. */
    CHANGED,
    /** The same answer again, such as a double click: nothing was written. */
    UNCHANGED
}

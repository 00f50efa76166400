package dev.showcall.backstage;

/** How a ping ended up going out, or that it did not. */
public enum PingOutcome {
    /** Sent to the person as a direct message. */
    DM,
    /** Sent by email: they have an email and no Discord account showcall can reach. */
    EMAIL,
    /** Their DM failed, so they were mentioned in the show's calls channel instead. */
    CHANNEL,
    /** Not linked on Discord yet: called by name in the show's calls channel. */
    BY_NAME,
    /** A department called by its role: the role was mentioned in the calls channel. */
    ROLE,
    /** A reminder not sent because its call had already passed. */
    DROPPED
}

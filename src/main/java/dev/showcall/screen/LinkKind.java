package dev.showcall.screen;

/** What a link to showcall's web pages opens. */
public enum LinkKind {
    /** The backstage screen: read-only, one per show. */
    SCREEN,
    /** The running order: read-only, one per show. */
    LINEUP,
    /** The models' door: marks arrivals in the name of the PR or producer it was given to. */
    DOOR,
    /** Someone's own page for one call: their call as it stands, and their answer to it. */
    PERSONAL;

    /** The path the link's pages live under. */
    public String path() {
        return switch (this) {
            case SCREEN -> "screen";
            case LINEUP -> "lineup";
            case DOOR -> "door";
            case PERSONAL -> "me";
        };
    }
}

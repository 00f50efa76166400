package dev.showcall.store;

import java.util.List;

/**
 * What saving a show file changed. The scheduler reschedules exactly the calls named here, so
 * a reload that changes one call leaves every other pending ping alone.
 *
 * @param added   keys of calls that were not planned before (every call of a new show)
 * @param changed keys of calls whose time or content changed
 * @param removed keys of calls that are no longer planned
 */
public record LoadResult(Outcome outcome, List<String> added, List<String> changed, List<String> removed) {

    public enum Outcome {
        /** The show was not in the database. */
        NEW,
        /** The file or the plan differs from what was stored. */
        UPDATED,
        /** The same file, planned the same way: nothing was written. */
        UNCHANGED
    }

    public LoadResult {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    static LoadResult unchanged() {
        return new LoadResult(Outcome.UNCHANGED, List.of(), List.of(), List.of());
    }
}

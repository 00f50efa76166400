package dev.showcall.app;

import dev.showcall.show.CallPlanner;
import dev.showcall.show.CallSheet;
import dev.showcall.show.Problem;
import dev.showcall.show.ShowFileException;
import dev.showcall.show.ShowFiles;
import dev.showcall.store.Database;
import dev.showcall.store.LoadResult;
import dev.showcall.store.ShowRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads show files into the database. Every file is validated before any is stored, and each
 * show is stored in one transaction with its timeline event, so a bad file changes nothing.
 */
public final class ShowLoading {

    private static final Logger log = LoggerFactory.getLogger(ShowLoading.class);

    private final Database database;
    private final ShowRepository shows;
    private final TimelineEventRepository timeline;
    private final Clock clock;

    ShowLoading(Database database, ShowRepository shows, TimelineEventRepository timeline, Clock clock) {
        this.database = database;
        this.shows = shows;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** A show as stored, with what storing it changed. */
    record Loaded(ShowFiles.LoadedShow file, CallSheet sheet, LoadResult result) {
    }

    /** Show files that cannot be loaded, with every problem of every file. */
    public static final class InvalidShowsException extends Exception {
        private final transient List<String> problems;

        InvalidShowsException(List<String> problems) {
            super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the show files");
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    List<Loaded> load(Path location) throws InvalidShowsException {
        return store(read(location));
    }

    /** A show file read, validated and planned, not yet in the database. */
    public record Planned(ShowFiles.LoadedShow file, CallSheet sheet) {
    }

    /** Reads, validates and plans every show file; touches no database. */
    static List<Planned> read(Path location) throws InvalidShowsException {
        return readAll(location).parallelStream().map(f -> new Planned(f, CallPlanner.plan(f.show()))).toList();
    }

    /** Stores shows read by {@link #read}. */
    List<Loaded> store(List<Planned> planned) {
        List<Loaded> loaded = new ArrayList<>();
        for (Planned p : planned) {
            loaded.add(store(p.file(), p.sheet()));
        }
        return loaded;
    }

    private static List<ShowFiles.LoadedShow> readAll(Path location) throws InvalidShowsException {
        List<String> problems = new ArrayList<>();
        List<ShowFiles.LoadedShow> files = new ArrayList<>();
        try {
            // files side by side: a fashion week's twenty shows are read in a moment; problems in file order
            List<Path> found = ShowFiles.find(location);
            List<List<String>> problemsByFile = found.stream().map(f -> (List<String>) new ArrayList<String>()).toList();
            List<Optional<ShowFiles.LoadedShow>> read = java.util.stream.IntStream.range(0, found.size()).parallel()
                    .mapToObj(i -> read(found.get(i), problemsByFile.get(i))).toList();
            read.forEach(r -> r.ifPresent(files::add));
            problemsByFile.forEach(problems::addAll);
        } catch (IOException e) {
            problems.add("cannot read " + location + ": " + Cli.reason(e));
        }
        if (files.isEmpty() && problems.isEmpty()) {
            problems.add("no show files (*.yaml) in " + location);
        }
        problems.addAll(duplicateIds(files));
        if (!problems.isEmpty()) {
            throw new InvalidShowsException(problems);
        }
        return files;
    }

    private static Optional<ShowFiles.LoadedShow> read(Path file, List<String> problems) {
        try {
            ShowFiles.LoadedShow loaded = ShowFiles.load(file);
            loaded.warnings().forEach(w -> log.warn("{}", w));
            return Optional.of(loaded);
        } catch (ShowFileException e) {
            e.problems().stream().filter(Problem::isError).map(Problem::toString).forEach(problems::add);
        } catch (IOException e) {
            problems.add("cannot read " + file + ": " + Cli.reason(e));
        }
        return Optional.empty();
    }

    private static List<String> duplicateIds(List<ShowFiles.LoadedShow> files) {
        Map<String, Path> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (ShowFiles.LoadedShow file : files) {
            Path first = seen.putIfAbsent(file.show().id(), file.file());
            if (first != null) {
                problems.add(file.file() + ": show id '" + file.show().id() + "' is already used by " + first);
            }
        }
        return problems;
    }

    private Loaded store(ShowFiles.LoadedShow file, CallSheet sheet) {
        LoadResult result = database.inTransaction(c -> {
            LoadResult r = shows.save(c, file.show(), sheet, file.file().toString(), file.text(), clock.instant());
            if (r.outcome() != LoadResult.Outcome.UNCHANGED) {
                timeline.append(c, TimelineEvent.of(file.show().id(), clock.instant(), EventKind.SHOW_LOADED,
                        OptionalLong.empty(), Optional.of(file.file().getFileName().toString()), describe(r, sheet)));
            }
            return r;
        });
        log.info("Show {} ({}): {}", file.show().id(), file.file(), describe(result, sheet));
        return new Loaded(file, sheet, result);
    }

    static String describe(LoadResult result, CallSheet sheet) {
        return switch (result.outcome()) {
            case NEW -> "plan loaded: " + sheet.calls().size() + " calls, " + sheet.show().looks().size() + " looks";
            case UNCHANGED -> "plan unchanged";
            case UPDATED -> "plan updated: " + result.added().size() + " calls added, " + result.changed().size()
                    + " changed, " + result.removed().size() + " removed";
        };
    }
}

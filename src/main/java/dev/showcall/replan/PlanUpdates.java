package dev.showcall.replan;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PlanMove;
import dev.showcall.backstage.PlanUpload;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.calls.CallSync;
import dev.showcall.calls.Reconciliation;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.CallSheet;
import dev.showcall.show.DiscordBinding;
import dev.showcall.show.PlanChange;
import dev.showcall.show.Problem;
import dev.showcall.show.Show;
import dev.showcall.show.ShowFiles;
import dev.showcall.show.ShowReader;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.Database;
import dev.showcall.store.PlanUploadRepository;
import dev.showcall.store.ShowRepository;
import dev.showcall.store.StoredShow;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.text.UserText;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * New versions of a show's file while it runs. {@link #propose} validates one and keeps it with what it
 * would change; {@link #apply} puts it in the shows folder (the version it replaces beside it), stores the
 * plan with its timeline event and the notices it owes in one transaction, runs the new plan and moves the
 * pings whose time changed; {@link #cancel} drops it. Arrivals, steps, walks, events and pings already sent
 * are the day's, and stay as they are.
 */
public final class PlanUpdates implements Reconciliation.Step {

    /** A show file is a few tens of kilobytes; this leaves room for the largest show and stops anything else. */
    public static final int MAX_BYTES = 256 * 1024;
    /** A file's name is kept with its upload, and tells its problems: a longer one is cut. */
    static final int MAX_FILE_NAME = 200;

    private static final Logger log = LoggerFactory.getLogger(PlanUpdates.class);

    private final Database database;
    private final ShowRepository shows;
    private final PlanUploadRepository uploads;
    private final CallPingRepository pings;
    private final TimelineEventRepository timeline;
    private final ShowDirectory directory;
    private final Function<Show, PlannedShow> running;
    private final CallSync sync;
    private final Runnable reconcileSoon;
    private final Clock clock;
    /** What else follows a new plan at once, such as the changed lines of the call sheet sent ahead. */
    private final Reconciliation.Step afterApply;

    /**
     * @param running       the show as it runs, built from the show as its file says (today its call sheet;
     *                      it may also find the people it names on Discord)
     * @param reconcileSoon asks for the scheduled work to be brought in line soon, after a failure half-way
     */
    public PlanUpdates(Database database, ShowRepository shows, PlanUploadRepository uploads, CallPingRepository pings,
                       TimelineEventRepository timeline, ShowDirectory directory, Function<Show, PlannedShow> running,
                       CallSync sync, Runnable reconcileSoon, Clock clock) {
        this(database, shows, uploads, pings, timeline, directory, running, sync, reconcileSoon, clock, show -> {
        });
    }

    /** @param afterApply run once the new plan runs and its pings are moved, as part of bringing them in line */
    public PlanUpdates(Database database, ShowRepository shows, PlanUploadRepository uploads, CallPingRepository pings,
                       TimelineEventRepository timeline, ShowDirectory directory, Function<Show, PlannedShow> running,
                       CallSync sync, Runnable reconcileSoon, Clock clock, Reconciliation.Step afterApply) {
        this.afterApply = afterApply;
        this.database = database;
        this.shows = shows;
        this.uploads = uploads;
        this.pings = pings;
        this.timeline = timeline;
        this.directory = directory;
        this.running = running;
        this.sync = sync;
        this.reconcileSoon = reconcileSoon;
        this.clock = clock;
    }

    /** What a new version of a show file would do. */
    public sealed interface Proposal {

        /** It does not validate: nothing is kept. */
        record Invalid(String fileName, List<Problem> errors) implements Proposal {
        }

        /** It cannot replace this show's plan while it runs; {@code reason} says why. */
        record Refused(String reason) implements Proposal {
        }

        /** It is the file the show runs already. */
        record Unchanged(String fileName) implements Proposal {
        }

        /** Kept, pending, until a producer applies or cancels it. */
        record Proposed(PlanUpload upload, PlanChange change, List<Problem> warnings) implements Proposal {
        }
    }

    /** What became of an apply or a cancel. */
    public sealed interface Decision {

        /** @param told how many people are being told that their call moved */
        record Applied(PlanUpload upload, PlanChange change, int told) implements Decision {
        }

        record Cancelled(PlanUpload upload) implements Decision {
        }

        /** Someone applied or cancelled it already: nothing more was done. */
        record AlreadyDecided(PlanUpload upload) implements Decision {
        }

        /** The show's plan changed since its changes were worked out: nothing was done. */
        record Stale(PlanUpload upload) implements Decision {
        }

        /** It could not be done; {@code reason} says why, for the producer. Nothing was changed. */
        record Failed(String reason) implements Decision {
        }
    }

    public Optional<PlanUpload> find(long uploadId) {
        return database.inTransaction(c -> uploads.find(c, uploadId));
    }

    /**
     * Validates {@code text} as the new version of {@code show}'s file and, when it is one, keeps it pending
     * with what it changes.
     */
    public Proposal propose(PlannedShow show, String fileName, String text, long by) {
        return proposeAs(show, UserText.cut(fileName, MAX_FILE_NAME), text, by);
    }

    private Proposal proposeAs(PlannedShow show, String fileName, String text, long by) {
        ShowReader.Reading reading = ShowReader.read(fileName, text);
        if (reading.show().isEmpty()) {
            return new Proposal.Invalid(fileName, reading.errors());
        }
        Show proposed = reading.show().get();
        Optional<String> refused = refusal(show.show(), proposed);
        if (refused.isPresent()) {
            return new Proposal.Refused(refused.get());
        }
        Optional<StoredShow> stored = database.inTransaction(c -> shows.find(c, show.id()));
        if (stored.isEmpty()) {
            return new Proposal.Refused("This show is not in the database yet; try again in a moment.");
        }
        if (stored.get().sourceText().equals(text)) {
            return new Proposal.Unchanged(fileName);
        }
        Show filed = directory.asFiled(show.id()).orElse(show.show());
        PlanChange change = PlanChange.between(CallPlanner.plan(filed), CallPlanner.plan(proposed));
        Instant now = clock.instant();
        long id = database.inTransaction(c -> uploads.add(c, show.id(), stored.get().sourceSha256(), fileName, text,
                by, now));
        log.info("Show {}: {} uploaded by {} as plan upload {}: {}", show.id(), fileName, by, id, change.summary());
        PlanUpload upload = new PlanUpload(id, show.id(), stored.get().sourceSha256(), fileName, text, by, now,
                PlanUpload.Status.PENDING, OptionalLong.empty(), Optional.empty());
        return new Proposal.Proposed(upload, change, reading.warnings());
    }

    /** {@link #propose} the show's own file as it is on disk now, edited since it was loaded. */
    public Proposal reload(PlannedShow show, long by) {
        Optional<StoredShow> stored = database.inTransaction(c -> shows.find(c, show.id()));
        if (stored.isEmpty()) {
            return new Proposal.Refused("This show is not in the database yet; try again in a moment.");
        }
        Path file = Path.of(stored.get().sourceFile());
        String text;
        try {
            text = readText(file);
        } catch (TooLarge e) {
            return new Proposal.Refused("The show file " + UserText.inline(file.getFileName().toString())
                    + " is larger than " + MAX_BYTES / 1024 + " KiB: that is not a show file.");
        } catch (CharacterCodingException e) {
            return new Proposal.Refused("The show file " + UserText.inline(file.getFileName().toString())
                    + " is not UTF-8 text.");
        } catch (IOException e) {
            log.error("Show {}: could not read its file {}", show.id(), file, e);
            return new Proposal.Refused("The show file " + UserText.inline(file.getFileName().toString())
                    + " could not be read from disk; it is in the log.");
        }
        return propose(show, file.getFileName().toString(), text, by);
    }

    /** At most {@link #MAX_BYTES} of UTF-8 text. */
    private static String readText(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return text(in.readNBytes(MAX_BYTES + 1));
        }
    }

    /** The bytes of a show file as text: refused when there are too many or when they are not UTF-8. */
    public static String text(byte[] bytes) throws TooLarge, CharacterCodingException {
        if (bytes.length > MAX_BYTES) {
            throw new TooLarge();
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /** More than {@link #MAX_BYTES}. */
    public static final class TooLarge extends IOException {
        public TooLarge() {
            super("more than " + MAX_BYTES + " bytes");
        }
    }

    /** Why {@code proposed} cannot replace {@code current} while it runs, if it cannot. */
    private static Optional<String> refusal(Show current, Show proposed) {
        if (!proposed.id().equals(current.id())) {
            return Optional.of("This file is for the show " + UserText.inline(proposed.id()) + ", not "
                    + UserText.inline(current.id()) + ": a show keeps its id. Nothing was changed.");
        }
        DiscordBinding now = current.discord();
        DiscordBinding then = proposed.discord();
        if (now.guildId() != then.guildId() || now.timelineChannelId() != then.timelineChannelId()) {
            return Optional.of("This file moves the show to another server or timeline channel, which cannot change"
                    + " while it runs: change it in the file and restart showcall. Nothing was changed.");
        }
        return Optional.empty();
    }

    /**
     * Applies a pending upload: the file in the shows folder, then the plan, the upload marked applied, the
     * timeline event and the notices owed in one transaction, then the new plan running and its pings moved.
     * One apply at a time, so that a double click finds the upload decided before it touches the file.
     */
    public synchronized Decision apply(long uploadId, long by) {
        Optional<PlanUpload> found = find(uploadId);
        if (found.isEmpty()) {
            return new Decision.Failed("This upload is no longer known; upload the file again.");
        }
        PlanUpload upload = found.get();
        if (!upload.isPending()) {
            return new Decision.AlreadyDecided(upload);
        }
        Optional<PlannedShow> show = directory.byId(upload.showId());
        Optional<StoredShow> stored = database.inTransaction(c -> shows.find(c, upload.showId()));
        if (show.isEmpty() || stored.isEmpty()) {
            return new Decision.Failed("This show is no longer running; nothing was changed.");
        }
        if (!stored.get().sourceSha256().equals(upload.baseSha256())) {
            return new Decision.Stale(upload);
        }
        ShowReader.Reading reading = ShowReader.read(upload.fileName(), upload.text());
        if (reading.show().isEmpty() || refusal(show.get().show(), reading.show().get()).isPresent()) {
            log.error("Show {}: plan upload {} validated when it was uploaded and no longer does: {}", upload.showId(),
                    uploadId, reading.errors());
            return new Decision.Failed("This file no longer validates; upload it again to see why. Nothing was changed.");
        }
        Show filed = reading.show().get();
        CallSheet sheet = CallPlanner.plan(filed);
        PlanChange change = PlanChange.between(CallPlanner.plan(directory.asFiled(upload.showId())
                .orElse(show.get().show())), sheet);
        Path file = Path.of(stored.get().sourceFile());
        try {
            ShowFiles.replace(file, upload.text(), stored.get().sourceText());
        } catch (IOException e) {
            log.error("Show {}: could not write plan upload {} into {}", upload.showId(), uploadId, file, e);
            return new Decision.Failed("The show file could not be written into the shows folder; it is in the log."
                    + " Nothing was changed.");
        }
        Instant now = clock.instant();
        Optional<List<PlanMove>> moves;
        try {
            moves = database.inTransaction(c -> {
                if (!uploads.decide(c, uploadId, PlanUpload.Status.APPLIED, by, now)) {
                    return Optional.empty();
                }
                shows.save(c, filed, sheet, stored.get().sourceFile(), upload.text(), now);
                timeline.append(c, TimelineEvent.of(upload.showId(), now, EventKind.PLAN_UPDATED, OptionalLong.of(by),
                        Optional.of(upload.fileName()), "Plan updated: " + change.summary()));
                List<PlanMove> owed = change.moved().stream()
                        .filter(m -> !pings.isCallSent(c, upload.showId(), m.key()))
                        .map(m -> new PlanMove(uploadId, upload.showId(), m.key(), m.from(), m.to()))
                        .toList();
                uploads.addMoves(c, owed);
                return Optional.of(owed);
            });
        } catch (RuntimeException e) {
            restore(file, stored.get().sourceText(), upload);
            throw e;
        }
        if (moves.isEmpty()) {
            // decided by another instance meanwhile; had it cancelled the upload, its file must not stay
            PlanUpload decided = find(uploadId).orElse(upload);
            if (decided.status() == PlanUpload.Status.CANCELLED) {
                restore(file, stored.get().sourceText(), upload);
            }
            return new Decision.AlreadyDecided(decided);
        }
        PlannedShow updated = running.apply(filed);
        directory.replace(filed, updated);
        log.info("Show {}: plan upload {} applied by {}: {}", upload.showId(), uploadId, by, change.summary());
        try {
            sync.reconcile(updated);
            reconcile(updated);
            afterApply.reconcile(updated);
        } catch (Exception e) {
            // the plan is stored: the reconciliation moves the jobs and tells everyone as soon as it can
            log.error("Show {}: plan upload {} is stored but its pings could not be moved yet; reconciling again shortly",
                    upload.showId(), uploadId, e);
            reconcileSoon.run();
        }
        int told = (int) moves.get().stream()
                .filter(m -> updated.call(m.callKey()).map(c -> c.userId().isPresent()).orElse(false))
                .count();
        return new Decision.Applied(find(uploadId).orElse(upload), change, told);
    }

    /** Puts the version the show runs back in place of a file whose plan could not be stored. */
    private static void restore(Path file, String text, PlanUpload upload) {
        try {
            ShowFiles.replace(file, text, text);
        } catch (IOException e) {
            log.error("Show {}: plan upload {} could not be stored and {} could not be put back as it was; the next"
                    + " start loads the file as it is", upload.showId(), upload.id(), file, e);
        }
    }

    /** Drops a pending upload; never while an apply of it is writing its file. */
    public synchronized Decision cancel(long uploadId, long by) {
        Optional<PlanUpload> found = find(uploadId);
        if (found.isEmpty()) {
            return new Decision.Failed("This upload is no longer known; nothing was changed.");
        }
        boolean cancelled = database.inTransaction(c -> uploads.decide(c, uploadId, PlanUpload.Status.CANCELLED, by,
                clock.instant()));
        PlanUpload now = find(uploadId).orElse(found.get());
        return cancelled ? new Decision.Cancelled(now) : new Decision.AlreadyDecided(now);
    }

    /**
     * Schedules every notice a plan update still owes: to whoever has a DM, whose call has not gone out, about
     * the latest update that moved it. After a crash between storing a plan and its notices, the next
     * reconciliation sends them.
     */
    @Override
    public void reconcile(PlannedShow show) throws SchedulerException {
        List<PlanMove> owed = database.inTransaction(c -> {
            List<PlanMove> moves = uploads.moves(c, show.id());
            if (moves.isEmpty()) {
                return List.<PlanMove>of();
            }
            Set<String> recorded = pings.forShow(c, show.id()).stream()
                    .map(p -> p.callKey() + "|" + p.ping())
                    .collect(Collectors.toSet());
            Map<String, PlanMove> latest = new HashMap<>();
            moves.forEach(m -> latest.merge(m.callKey(), m, (a, b) -> a.uploadId() >= b.uploadId() ? a : b));
            List<PlanMove> due = new ArrayList<>();
            for (PlanMove move : latest.values()) {
                boolean reachable = show.call(move.callKey()).map(call -> call.userId().isPresent()).orElse(false);
                if (reachable && !recorded.contains(move.callKey() + "|" + CallPing.CALL)
                        && !recorded.contains(move.callKey() + "|" + CallPing.replanned(move.uploadId()))) {
                    due.add(move);
                }
            }
            return due;
        });
        if (!owed.isEmpty()) {
            log.info("Show {}: {} plan update notices owed, scheduling them", show.id(), owed.size());
        }
        for (PlanMove move : owed) {
            sync.scheduler().sendNow(show.id(), move.callKey(), CallPing.replanned(move.uploadId()));
        }
    }
}

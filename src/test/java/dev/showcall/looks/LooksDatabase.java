package dev.showcall.looks;

import dev.showcall.backstage.Arrival;
import dev.showcall.backstage.LookStep;
import dev.showcall.backstage.ModelStep;
import dev.showcall.backstage.NoShow;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.Replacement;
import dev.showcall.backstage.TwelveLooks;
import dev.showcall.backstage.Walk;
import dev.showcall.store.ArrivalRepository;
import dev.showcall.store.FreshDatabase;
import dev.showcall.store.LookStepRepository;
import dev.showcall.store.ModelStepRepository;
import dev.showcall.store.NoShowRepository;
import dev.showcall.store.ReplacementRepository;
import dev.showcall.store.ShowRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.store.WalkRepository;
import dev.showcall.timeline.TimelineEvent;
import java.time.Instant;
import java.util.List;

/** {@link TwelveLooks} saved in a fresh database, with what tests need to set up and read back the day. */
final class LooksDatabase {

    static final long PR = 1190000000000000111L;

    private final FreshDatabase db;
    private final PlannedShow show = TwelveLooks.planned();
    private final TimelineEventRepository timeline = new TimelineEventRepository();

    LooksDatabase(FreshDatabase db) {
        this.db = db;
    }

    PlannedShow show() {
        return show;
    }

    String id() {
        return show.id();
    }

    void save() {
        db.database().runInTransaction(c -> new ShowRepository().save(c, show.show(), show.sheet(),
                TwelveLooks.FILE, TwelveLooks.yaml(), Instant.EPOCH));
    }

    void arrived(String model, Instant at) {
        db.database().runInTransaction(c -> new ArrivalRepository().record(c, new Arrival(id(), "model:" + model, at, PR, at)));
    }

    void noShow(String model, Instant at) {
        db.database().runInTransaction(c -> new NoShowRepository().mark(c, new NoShow(id(), "model:" + model, PR, at)));
    }

    void walked(int look, String model, Instant at) {
        db.database().runInTransaction(c -> new WalkRepository().record(c, new Walk(id(), look, model, at, PR)));
    }

    void replaced(String model, String by, List<Integer> looks, Instant at) {
        db.database().runInTransaction(c -> new ReplacementRepository().add(c,
                new Replacement(Replacement.UNSTORED, id(), model, by, looks, at, PR)));
    }

    List<TimelineEvent> events() {
        return db.inTransaction(c -> timeline.forShow(c, id()));
    }

    List<ModelStep> modelSteps() {
        return db.inTransaction(c -> new ModelStepRepository().forShow(c, id()));
    }

    List<LookStep> lookSteps() {
        return db.inTransaction(c -> new LookStepRepository().forShow(c, id()));
    }

    List<Walk> walks() {
        return db.inTransaction(c -> new WalkRepository().forShow(c, id()));
    }
}

package dev.showcall.app;

import dev.showcall.store.Database;
import dev.showcall.store.ShowRepository;
import dev.showcall.store.TimelineEventRepository;
import java.time.Clock;

/** The one place where showcall's parts are built and wired together. */
final class Showcall implements AutoCloseable {

    private final Database database;
    private final ShowLoading showLoading;

    private Showcall(Database database, ShowLoading showLoading) {
        this.database = database;
        this.showLoading = showLoading;
    }

    static Showcall start(Settings settings, Clock clock) {
        Database database = Database.open(settings.databaseUrl());
        TimelineEventRepository timeline = new TimelineEventRepository();
        ShowRepository shows = new ShowRepository();
        return new Showcall(database, new ShowLoading(database, shows, timeline, clock));
    }

    ShowLoading showLoading() {
        return showLoading;
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
    }
}

package dev.showcall.looks;

import dev.showcall.backstage.Floor;
import dev.showcall.backstage.Lineup;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.store.Database;
import dev.showcall.store.FloorReader;
import java.sql.Connection;

/** The running order as it stands, read from the store. */
public final class Lineups {

    private final Database database;
    private final FloorReader floors = new FloorReader();

    public Lineups(Database database) {
        this.database = database;
    }

    public Lineup of(PlannedShow show) {
        Floor floor = database.inTransaction(c -> floors.read(c, show.id()));
        return Lineup.of(show, floor);
    }

    /** Inside the caller's transaction, so that a decision and what it was based on agree. */
    Lineup of(Connection c, PlannedShow show) {
        return Lineup.of(show, floors.read(c, show.id()));
    }
}

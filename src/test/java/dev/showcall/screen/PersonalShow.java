package dev.showcall.screen;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Show;
import dev.showcall.show.ShowReader;
import dev.showcall.store.Database;
import dev.showcall.store.ShowRepository;
import java.time.Instant;
import java.util.List;

/** A show whose models are booked through agencies: one is not on Discord at all, one is by her username. */
public final class PersonalShow {

    public static final String ID = "personal-show";
    public static final String SECRET = "bot-token-of-this-install";
    public static final String NIA = "model:Nia Okafor";
    public static final String ANYA = "model:Anya Petrova";
    public static final long PR_LEAD = 1190000000000000111L;
    public static final long PRODUCER = 1190000000000000121L;
    public static final long ANYA_ON_DISCORD = 1190000000000000301L;
    public static final String YAML = """
            id: %s
            name: Maison Verre AW27
            time-zone: Europe/London
            start: 2027-02-21T19:00
            discord:
              guild: "1190000000000000001"
              timeline-channel: "1190000000000000002"
              calls-channel: "1190000000000000003"
              producer-role: "1190000000000000004"
              pr-role: "1190000000000000005"
            departments:
              - id: pr
                name: PR
                call: 5h
                members: ["%d"]
            models:
              - { name: Nia Okafor, agency: Storm }
              - { name: Anya Petrova, user: "@anya.p" }
            model-calls:
              chairs: 6
              prep: 45m
              meeting-point: "Model check-in, Room 3"
              lead: "%d"
              notes: "Arrive with clean hair, no makeup"
            looks:
              - { number: 1, model: Nia Okafor, description: Coat }
              - { number: 2, model: Anya Petrova, description: Dress }
            """.formatted(ID, PR_LEAD, PR_LEAD);

    private PersonalShow() {
    }

    public static Show filed() {
        return ShowReader.read("personal.yaml", YAML).show().orElseThrow();
    }

    /** Stores the show, as loading it does, and gives the directory it runs in. */
    public static ShowDirectory stored(Database database, Instant at) {
        Show filed = filed();
        database.runInTransaction(c -> new ShowRepository().save(c, filed, CallPlanner.plan(filed), "personal.yaml",
                YAML, at));
        return new ShowDirectory(List.of(new PlannedShow(filed, CallPlanner.plan(filed))));
    }
}

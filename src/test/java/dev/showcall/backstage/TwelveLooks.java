package dev.showcall.backstage;

import dev.showcall.show.CallPlanner;
import dev.showcall.show.Show;
import dev.showcall.show.ShowReader;

/**
 * A small show for the rules of the day, written out as the file a producer writes: twelve looks
 * of a minute each, six models and two standbys, quick changes flagged under three minutes.
 *
 * <pre>
 *  1 Anya   2 Bea   3 Cleo   4 Dana   5 Eva    6 Anya
 *  7 Bea    8 Cleo  9 Dana  10 Eva   11 Anya  12 Fay
 * </pre>
 *
 * With a minute a look, one model's gap between looks {@code a} and {@code b} is {@code b - a - 1}
 * minutes: 4 → 5 leaves none, 10 → 12 one minute, 7 → 12 four.
 */
public final class TwelveLooks {

    public static final String ID = "twelve-looks";
    public static final String FILE = "config/shows/twelve-looks.yaml";

    public static final String ANYA = "Anya Petrova";
    public static final String BEA = "Bea Lind";
    public static final String CLEO = "Cleo Marsh";
    public static final String DANA = "Dana Obi";
    public static final String EVA = "Eva Lund";
    public static final String FAY = "Fay Roux";
    /** A standby with a Discord account. */
    public static final String GIA = "Gia Sol";
    /** A standby without one. */
    public static final String HANA = "Hana Ito";

    public static final long ANYA_USER = 1190000000000000201L;
    public static final long GIA_USER = 1190000000000000207L;
    /** Dresses looks 6 and 11 (Anya's) and 7 (Bea's). */
    public static final long ROSA = 1190000000000000401L;
    /** Dresses look 1 (Anya's) and 12 (Fay's). */
    public static final long SAM = 1190000000000000402L;

    private TwelveLooks() {
    }

    public static String yaml() {
        return """
                id: twelve-looks
                name: Twelve Looks
                venue: Somewhere in London
                time-zone: Europe/London
                start: 2027-02-21T19:00
                discord:
                  guild: "1190000000000000001"
                  timeline-channel: "1190000000000000002"
                  calls-channel: "1190000000000000003"
                  producer-role: "1190000000000000004"
                  pr-role: "1190000000000000005"
                departments:
                  - id: dressers
                    name: Dressers
                    call: 3h
                    members:
                      - "1190000000000000401"
                      - "1190000000000000402"
                models:
                  - { name: Anya Petrova, user: "1190000000000000201" }
                  - { name: Bea Lind }
                  - { name: Cleo Marsh }
                  - { name: Dana Obi }
                  - { name: Eva Lund }
                  - { name: Fay Roux }
                  - { name: Gia Sol, user: "1190000000000000207", standby: true }
                  - { name: Hana Ito, standby: true }
                model-calls:
                  chairs: 3
                  prep: 45m
                  buffer: 30m
                  check-in: 15m
                seconds-per-look: 60
                looks:
                  - { number: 1, model: Anya Petrova, description: Black wool coat, dresser: "1190000000000000402" }
                  - { number: 2, model: Bea Lind, description: Silver slip dress }
                  - { number: 3, model: Cleo Marsh, description: Camel suit }
                  - { number: 4, model: Dana Obi, description: Pleated skirt }
                  - { number: 5, model: Eva Lund, description: Cable knit }
                  - { number: 6, model: Anya Petrova, description: Ivory shirt dress, dresser: "1190000000000000401" }
                  - { number: 7, model: Bea Lind, description: Leather trench, dresser: "1190000000000000401" }
                  - { number: 8, model: Cleo Marsh, description: Velvet blazer }
                  - { number: 9, model: Dana Obi, description: Wrap dress }
                  - { number: 10, model: Eva Lund, description: Cape }
                  - { number: 11, model: Anya Petrova, description: Finale gown, dresser: "1190000000000000401" }
                  - { number: 12, model: Fay Roux, description: Sequin column, dresser: "1190000000000000402" }
                quick-change-threshold: 3m
                """;
    }

    public static Show show() {
        ShowReader.Reading reading = ShowReader.read(FILE, yaml());
        return reading.show().orElseThrow(() -> new AssertionError("the fixture does not validate: " + reading.problems()));
    }

    public static PlannedShow planned() {
        return planned(show());
    }

    public static PlannedShow planned(Show show) {
        return new PlannedShow(show, CallPlanner.plan(show));
    }
}

package dev.showcall.show;

import java.util.List;

/** Small show files for tests, written out in full so each test reads as the file a producer writes. */
final class ShowYaml {

    static final String FILE = "test-show.yaml";

    private ShowYaml() {
    }

    /** A valid show: 7 models (one standby) on 3 chairs, 8 looks, two departments. */
    static String valid() {
        return """
                id: test-show
                name: Test Show
                venue: Somewhere in London
                time-zone: Europe/London
                start: 2027-02-21T19:00
                doors: T-30m
                discord:
                  guild: "1190000000000000001"
                  timeline-channel: "1190000000000000002"
                  calls-channel: "1190000000000000003"
                  producer-role: "1190000000000000004"
                  pr-role: "1190000000000000005"
                departments:
                  - id: hair
                    name: Hair
                    call: 5h
                    members:
                      - "1190000000000000101"
                      - { user: "1190000000000000102", name: "Priya Shah" }
                    lead: "1190000000000000101"
                    meeting-point: Salon
                    reminders: [15m, 60m]
                  - id: runners
                    name: Runners
                    call: "16:00"
                    role: "1190000000000000006"
                models:
                  - name: Anya Petrova
                    user: "1190000000000000201"
                    agency: Storm
                  - name: Bea Moss
                  - name: Cleo Diaz
                  - name: Dana Obi
                  - name: Eva Lund
                  - name: Fay Roux
                  - name: Gia Sol
                    standby: true
                model-calls:
                  chairs: 3
                  prep: 45m
                  buffer: 30m
                  check-in: 15m
                  reminders: [60m]
                seconds-per-look: 40
                looks:
                  - { number: 1, model: Cleo Diaz, description: Coat }
                  - { number: 2, model: Anya Petrova, description: Dress }
                  - { number: 3, model: Cleo Diaz, description: Suit }
                  - { number: 4, model: Bea Moss, description: Skirt }
                  - { number: 5, model: Dana Obi, description: Knit }
                  - { number: 6, model: Eva Lund, description: Cape, seconds: 60 }
                  - { number: 7, model: Fay Roux, description: Gown }
                  - { number: 8, model: Anya Petrova, description: Finale gown, dresser: "1190000000000000301" }
                milestones:
                  - name: Briefing
                    at: T-3h
                  - name: Finale
                    at: T+6m
                no-show-grace: 15m
                quick-change-threshold: 5m
                """;
    }

    static String replace(String yaml, String from, String to) {
        if (!yaml.contains(from)) {
            throw new IllegalArgumentException("the fixture has no '" + from + "'");
        }
        return yaml.replace(from, to);
    }

    /** The 1-based line of the first line containing {@code marker}. */
    static int lineOf(String yaml, String marker) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line contains '" + marker + "'");
    }

    static Show show(String yaml) {
        ShowReader.Reading reading = ShowReader.read(FILE, yaml);
        if (reading.show().isEmpty()) {
            throw new AssertionError("the fixture does not validate: " + reading.problems());
        }
        return reading.show().get();
    }
}

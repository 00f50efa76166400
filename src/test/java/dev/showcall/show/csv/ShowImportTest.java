package dev.showcall.show.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.show.CallPlanner;
import dev.showcall.show.ShowFiles;
import dev.showcall.show.csv.ShowImport.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Importing a show from CSV lists")
class ShowImportTest {

    private static final String HEADER = """
            id: test-show
            name: Test Show
            time-zone: Europe/London
            start: 2027-02-21T19:00
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
              - id: dressers
                name: Dressers
                call: 3h
            model-calls:
              chairs: 2
              prep: 45m
            """;
    private static final String MODELS = """
            name,discord,agency,standby,call
            Anya Petrova,1190000000000000201,Storm,,
            Lena Hoffmann,,Elite London,,
            Jade Nguyen,,The Squad,yes,
            """;
    private static final String LOOKS = """
            look,model,description,dresser,seconds
            1,Anya Petrova,"Black coat, boots",Rosa Delgado,
            2,Lena Hoffmann,Grey rollneck,1190000000000000144,60
            """;
    private static final String CREW = """
            department,name,discord,lead,phone
            Hair,Siobhan Kelly,1190000000000000121,yes,07700 900100
            hair,,1190000000000000122,,
            dressers,Rosa Delgado,1190000000000000143,,
            """;

    private static ShowImport.Result importing(String header, String models, String looks, String crew) {
        return ShowImport.run(new Source("header.yaml", header), new Source("models.csv", models),
                new Source("looks.csv", looks), new Source("crew.csv", crew), "show.yaml");
    }

    @Test
    @DisplayName("the example lists under config/import give the example show, planning the same calls")
    void exampleLists() throws Exception {
        Path dir = Path.of("config/import");
        ShowImport.Result result = ShowImport.run(source(dir.resolve("show-header.yaml")),
                source(dir.resolve("models.csv")), source(dir.resolve("looks.csv")), source(dir.resolve("crew.csv")),
                "show.yaml");
        var example = ShowFiles.load(Path.of("config/shows/maison-verre-aw27.yaml")).show();

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.show()).contains(example);
        assertThat(CallPlanner.plan(result.show().orElseThrow())).isEqualTo(CallPlanner.plan(example));
    }

    private static Source source(Path file) throws IOException {
        return new Source(file.toString(), Files.readString(file));
    }

    @Test
    @DisplayName("gives members with their names and lead, models with their standby, and a dresser named in the crew list")
    void rowsBecomeTheShow() {
        var show = importing(HEADER, MODELS, LOOKS, CREW).show().orElseThrow();

        assertThat(show.departments().get(0).members()).extracting(m -> m.userId().getAsLong())
                .containsExactly(1190000000000000121L, 1190000000000000122L);
        assertThat(show.departments().get(0).members().get(0).name()).contains("Siobhan Kelly");
        assertThat(show.departments().get(0).leadUserId()).hasValue(1190000000000000121L);
        assertThat(show.models().get(2).standby()).isTrue();
        assertThat(show.looks().get(0).dresserUserId()).hasValue(1190000000000000143L);
        assertThat(show.looks().get(1).seconds()).hasValue(60);
    }

    @Test
    @DisplayName("a look whose model is not on the cast list is an error at its row and column, with the closest name")
    void unknownModel() {
        var result = importing(HEADER, MODELS, LOOKS.replace("2,Lena Hoffmann", "2,Lena Hofman"), CREW);

        assertThat(result.isValid()).isFalse();
        assertThat(result.yaml()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e)
                .startsWith("looks.csv: row 3, column model: ").contains("Lena Hoffmann"));
    }

    @Test
    @DisplayName("a Discord id that is not one is an error at the crew row and its discord column")
    void badDiscordId() {
        var result = importing(HEADER, MODELS, LOOKS, CREW.replace("1190000000000000122", "12ab"));

        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e)
                .startsWith("crew.csv: row 3, column discord: "));
    }

    @Test
    @DisplayName("a crew row naming a department the header does not have is an error with the closest department")
    void unknownDepartment() {
        var result = importing(HEADER, MODELS, LOOKS, CREW.replace("dressers,Rosa", "dresers,Rosa"));

        assertThat(result.errors()).anySatisfy(e -> assertThat(e)
                .startsWith("crew.csv: row 4, column department: ").contains("did you mean 'Dressers'"));
    }

    @Test
    @DisplayName("a dresser named nowhere in the crew list is an error at the look's row")
    void unknownDresser() {
        var result = importing(HEADER, MODELS, LOOKS.replace("Rosa Delgado", "Rosa Delgad"), CREW);

        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e)
                .startsWith("looks.csv: row 2, column dresser: ").contains("Rosa Delgado"));
    }

    @Test
    @DisplayName("a standby cell that is neither yes nor no is an error at its row")
    void badStandby() {
        var result = importing(HEADER, MODELS.replace("The Squad,yes", "The Squad,maybe"), LOOKS, CREW);

        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e)
                .startsWith("models.csv: row 4, column standby: "));
    }

    @Test
    @DisplayName("a list without a required column is an error naming the column")
    void missingColumn() {
        var result = importing(HEADER, MODELS, LOOKS.replace("look,model,description", "look,model,desc"), CREW);

        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e)
                .startsWith("looks.csv: row 1: no column description"));
    }

    @Test
    @DisplayName("a problem in the header is told at the header's own line")
    void headerProblem() {
        var result = importing(HEADER.replace("time-zone: Europe/London", "time-zone: Europe/Londn"), MODELS, LOOKS,
                CREW);

        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e)
                .startsWith("header.yaml:3:12: time-zone: ").contains("Europe/London"));
    }

    @Test
    @DisplayName("a header that lists models itself is refused: the cast comes from its list")
    void headerWithModels() {
        var result = importing(HEADER + "models:\n  - name: Someone\n", MODELS, LOOKS, CREW);

        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e)
                .startsWith("header.yaml:21:1: models: comes from models.csv"));
    }

    @Test
    @DisplayName("names and descriptions with quotes, commas and line breaks come through as written")
    void awkwardText() {
        var result = importing(HEADER, MODELS.replace("Lena Hoffmann", "\"Lena \"\"Lee\"\" O'Hara\"")
                        .replace("Elite London", "\"Elite, London\""),
                LOOKS.replace("Lena Hoffmann", "\"Lena \"\"Lee\"\" O'Hara\"").replace("Grey rollneck", "\"Grey: \\\\ rollneck #2\""),
                CREW);

        var show = result.show().orElseThrow();
        assertThat(show.models().get(1).name()).isEqualTo("Lena \"Lee\" O'Hara");
        assertThat(show.models().get(1).agency()).contains("Elite, London");
        assertThat(show.looks().get(1).description()).isEqualTo("Grey: \\\\ rollneck #2");
    }
}

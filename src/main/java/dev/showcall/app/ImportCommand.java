package dev.showcall.app;

import dev.showcall.show.csv.ShowImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Turns the cast list, the running order and the crew list (CSV) and a header with the show's"
                + " own fields into a show file that validates. Exit 0 when written, 2 otherwise.")
final class ImportCommand implements Callable<Integer> {

    static final String SHOW = "--show";
    static final String MODELS = "--models";
    static final String LOOKS = "--looks";
    static final String CREW = "--crew";
    static final String OUT = "--out";

    @Spec
    CommandSpec spec;

    @Option(names = SHOW, required = true, paramLabel = "HEADER.yaml",
            description = "The show's own fields: id, name, time-zone, start, discord, departments (without members),"
                    + " model-calls, milestones... (see config/import/show-header.yaml).")
    Path header;

    @Option(names = MODELS, required = true, paramLabel = "MODELS.csv",
            description = "The cast list: name, discord, agency, standby, call.")
    Path models;

    @Option(names = LOOKS, required = true, paramLabel = "LOOKS.csv",
            description = "The running order: look, model, description, dresser, seconds.")
    Path looks;

    @Option(names = CREW, required = true, paramLabel = "CREW.csv",
            description = "The crew list: department, name, discord, lead.")
    Path crew;

    @Option(names = OUT, paramLabel = "SHOW.yaml",
            description = "Where to write the show file (default: standard output). Nothing is written unless it validates.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ShowImport.Source[] sources = new ShowImport.Source[4];
        Path[] paths = {header, models, looks, crew};
        for (int i = 0; i < paths.length; i++) {
            try {
                sources[i] = new ShowImport.Source(paths[i].toString(), Files.readString(paths[i], StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.println("showcall: cannot read " + paths[i] + ": " + Cli.reason(e));
                return Main.EXIT_USAGE;
            }
        }
        ShowImport.Result result = ShowImport.run(sources[0], sources[1], sources[2], sources[3],
                out == null ? "show.yaml" : out.toString());
        result.warnings().forEach(err::println);
        if (!result.isValid()) {
            result.errors().forEach(err::println);
            err.println("showcall: " + result.errors().size() + (result.errors().size() == 1 ? " error" : " errors")
                    + ", no show file written");
            return Main.EXIT_USAGE;
        }
        String yaml = result.yaml().orElseThrow();
        if (out == null) {
            spec.commandLine().getOut().print(yaml);
            spec.commandLine().getOut().flush();
        } else {
            try {
                Files.writeString(out, yaml, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("showcall: cannot write " + out + ": " + Cli.reason(e));
                return Main.EXIT_USAGE;
            }
            var show = result.show().orElseThrow();
            err.println(out + ": written (" + show.name() + ", " + show.models().size() + " models, "
                    + show.looks().size() + " looks)");
        }
        return 0;
    }
}

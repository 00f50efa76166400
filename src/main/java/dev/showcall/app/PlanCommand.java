package dev.showcall.app;

import dev.showcall.show.CallPlanner;
import dev.showcall.show.CallSheetFormat;
import dev.showcall.show.ShowFileException;
import dev.showcall.show.ShowFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Prints the staggered call sheet of a show in its local time, then its quick changes.")
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The show file.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    CallSheetFormat format;

    @Override
    public Integer call() {
        try {
            ShowFiles.LoadedShow loaded = ShowFiles.load(file);
            loaded.warnings().forEach(w -> spec.commandLine().getErr().println(w));
            spec.commandLine().getOut().print(format.render(CallPlanner.plan(loaded.show())));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (ShowFileException e) {
            e.problems().forEach(p -> spec.commandLine().getErr().println(p));
            return Main.EXIT_USAGE;
        } catch (IOException e) {
            spec.commandLine().getErr().println("showcall: cannot read " + file + ": " + Cli.reason(e));
            return Main.EXIT_USAGE;
        }
    }
}

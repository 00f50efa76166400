package dev.showcall.app;

import dev.showcall.show.Problem;
import dev.showcall.show.ShowFileException;
import dev.showcall.show.ShowFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks show files and lists every problem with its line. Exit 0 when all are valid, 2 otherwise.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Show files, or folders of them.")
    List<Path> locations;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allValid = true;
        for (Path location : locations) {
            List<Path> files;
            try {
                files = ShowFiles.find(location);
            } catch (IOException e) {
                err.println("showcall: cannot read " + location + ": " + Cli.reason(e));
                allValid = false;
                continue;
            }
            if (files.isEmpty()) {
                err.println("showcall: no show files (*.yaml) in " + location);
                allValid = false;
            }
            for (Path file : files) {
                allValid &= validate(file, out, err);
            }
        }
        return allValid ? 0 : Main.EXIT_USAGE;
    }

    private static boolean validate(Path file, PrintWriter out, PrintWriter err) {
        try {
            ShowFiles.LoadedShow loaded = ShowFiles.load(file);
            loaded.warnings().forEach(w -> err.println(w));
            out.println(file + ": valid (" + loaded.show().name() + ", " + loaded.show().models().size() + " models, "
                    + loaded.show().looks().size() + " looks"
                    + (loaded.warnings().isEmpty() ? "" : ", " + loaded.warnings().size() + " warnings") + ")");
            return true;
        } catch (ShowFileException e) {
            e.problems().forEach(p -> err.println(p));
            long errors = e.problems().stream().filter(Problem::isError).count();
            err.println(file + ": " + errors + (errors == 1 ? " error" : " errors") + ", not valid");
            return false;
        } catch (IOException e) {
            err.println("showcall: cannot read " + file + ": " + Cli.reason(e));
            return false;
        }
    }
}

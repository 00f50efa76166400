package dev.showcall.app;

import dev.showcall.calendar.CallCalendar;
import dev.showcall.report.ReportCharts;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.CallSheet;
import dev.showcall.show.CallSheetFormat;
import dev.showcall.show.ShowFileException;
import dev.showcall.show.ShowFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Prints the staggered call sheet of a show in its local time, then its quick changes; or exports "
                + "it as a calendar or a picture.")
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The show file.")
    Path file;

    /** The call sheet's formats: the text ones {@link CallSheetFormat} renders, a calendar and a picture. */
    enum Format { TABLE, CSV, JSON, ICS, PNG }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv, json, ics (every call as one calendar) or png (a picture of the call sheet, "
                    + "with --out) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Writes into this file instead of printing.")
    Path out;

    /** What the calendar's events are stamped with; tests give their own. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        try {
            ShowFiles.LoadedShow loaded = ShowFiles.load(file);
            loaded.warnings().forEach(w -> spec.commandLine().getErr().println(w));
            CallSheet sheet = CallPlanner.plan(loaded.show());
            if (format == Format.PNG) {
                if (out == null) {
                    spec.commandLine().getErr().println("showcall: --format png needs --out FILE (a picture is not "
                            + "printed)");
                    return Main.EXIT_USAGE;
                }
                return write(ReportCharts.plan(sheet));
            }
            String text = switch (format) {
                case TABLE -> CallSheetFormat.TABLE.render(sheet);
                case CSV -> CallSheetFormat.CSV.render(sheet);
                case JSON -> CallSheetFormat.JSON.render(sheet);
                case ICS -> CallCalendar.of(sheet, clock.instant());
                case PNG -> throw new IllegalStateException("written above");
            };
            if (out != null) {
                return write(text.getBytes(StandardCharsets.UTF_8));
            }
            spec.commandLine().getOut().print(text);
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

    private int write(byte[] bytes) {
        try {
            Files.write(out, bytes);
            spec.commandLine().getOut().println(out);
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("showcall: cannot write " + out + ": " + Cli.reason(e));
            return RunCommand.EXIT_FAILURE;
        }
    }
}

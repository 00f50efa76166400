package dev.showcall.app;

import dev.showcall.report.ReportBuilder;
import dev.showcall.report.ReportCharts;
import dev.showcall.report.ReportFormat;
import dev.showcall.report.ShowReport;
import dev.showcall.store.Database;
import dev.showcall.store.ReportReader;
import dev.showcall.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Prints how a show ran, read from showcall's database (stop showcall first when it runs on the "
                + "H2 file): the start and its delays, who was late, no-shows and replacements, preparation, the running "
                + "order as walked and how the calls were delivered.",
                "Exit 0 when written, 1 when the database holds no such show or cannot be read, 2 for a bad command "
                + "line."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHOW_ID", description = "The show's id, as in its show file.")
    String showId;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md",
            description = "md, csv or json (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Writes the report into this folder (created if need be) as SHOW_ID-report.FORMAT, "
                    + "with its pictures, instead of printing it.")
    Path out;

    @Option(names = "--db", paramLabel = "URL",
            description = "The database's JDBC URL (default: SHOWCALL_DB_URL, or showcall's H2 file under ./data/).")
    String db;

    /** The environment; tests give their own. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Settings settings;
        try {
            Map<String, String> env = new java.util.HashMap<>(environment);
            if (db != null) {
                env.put(Settings.DB_URL, db);
            }
            settings = Settings.from(env);
        } catch (Settings.InvalidSettingException e) {
            err.println("showcall: " + (db != null ? "--db: " : "") + e.getMessage());
            return Main.EXIT_USAGE;
        }
        Optional<ShowReport> report;
        try (Database database = Database.open(settings.databaseUrl(), settings.databaseUser(),
                settings.databasePassword())) {
            report = database.inTransaction(c -> new ReportReader().read(c, showId)).map(ReportBuilder::build);
        } catch (StoreException e) {
            err.println("showcall: cannot read the database " + Settings.describe(settings.databaseUrl()) + ": "
                    + e.getMessage());
            return RunCommand.EXIT_FAILURE;
        }
        if (report.isEmpty()) {
            err.println("showcall: the database " + Settings.describe(settings.databaseUrl()) + " holds no show '"
                    + showId + "'");
            return RunCommand.EXIT_FAILURE;
        }
        String text = format.render(report.get());
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return 0;
        }
        try {
            Files.createDirectories(out);
            Path file = out.resolve(format.fileName(showId));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            spec.commandLine().getOut().println(file);
            for (ReportCharts.Picture picture : ReportCharts.of(report.get())) {
                Path png = out.resolve(picture.fileName());
                Files.write(png, picture.png());
                spec.commandLine().getOut().println(png);
            }
            return 0;
        } catch (IOException e) {
            err.println("showcall: cannot write to " + out + ": " + Cli.reason(e));
            return RunCommand.EXIT_FAILURE;
        }
    }
}

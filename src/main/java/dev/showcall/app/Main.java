package dev.showcall.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code showcall validate|plan|import|run|copy-db|report}. */
@Command(name = "showcall",
        mixinStandardHelpOptions = true,
        versionProvider = Main.ManifestVersion.class,
        description = "Runs the backstage of a fashion show on Discord.",
        subcommands = {ValidateCommand.class, PlanCommand.class, ImportCommand.class, RunCommand.class, CopyDbCommand.class,
                ReportCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code for a bad command line, a bad show file or an unusable setting. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line with the given streams; returns its exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Main::oneLineUsageError);
        return cli.execute(args);
    }

    /** picocli prints the whole usage after an error; a person needs the reason and where to look. */
    private static int oneLineUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("showcall: " + e.getMessage() + " (see '" + cli.getCommandSpec().qualifiedName() + " --help')");
        return EXIT_USAGE;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: validate, plan, import, run, copy-db or report");
    }

    /** The version Maven writes into the jar's manifest. */
    static final class ManifestVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"showcall " + (version == null ? "(development build)" : version)};
        }
    }
}

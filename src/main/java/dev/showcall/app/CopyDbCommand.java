package dev.showcall.app;

import dev.showcall.store.Database;
import dev.showcall.store.DatabaseCopy;
import dev.showcall.store.Dialect;
import dev.showcall.store.StoreException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "copy-db", mixinStandardHelpOptions = true,
        description = {"Copies the day's state from one showcall database into a new, empty one: from H2 to "
                + "PostgreSQL, or back. Stop showcall first. Both are brought up to the current schema first.",
                "The target is opened as run opens it, with SHOWCALL_DB_USER and SHOWCALL_DB_PASSWORD; the source's "
                + "user and password, if it needs any, go in its URL.",
                "Exit 0 when copied, 1 when the copy could not be made, 2 for a bad URL."})
final class CopyDbCommand implements Callable<Integer> {

    static final String NAME = "copy-db";

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "URL",
            description = "The JDBC URL of the database to copy, e.g. jdbc:h2:file:./data/showcall")
    String from;

    @Option(names = "--to", required = true, paramLabel = "URL",
            description = "The JDBC URL of the new database, e.g. jdbc:postgresql://db.example.org:5432/showcall")
    String to;

    /** The environment; tests give their own. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Settings target;
        try {
            Dialect.ofUrl(from);
            Map<String, String> env = new HashMap<>(environment);
            env.put(Settings.DB_URL, to);
            target = Settings.from(env);
        } catch (IllegalArgumentException e) {
            err.println("showcall: --from: " + e.getMessage() + ", not '" + Settings.describe(from) + "'");
            return Main.EXIT_USAGE;
        } catch (Settings.InvalidSettingException e) {
            err.println("showcall: --to: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        try (Database source = Database.open(from, Optional.empty(), Optional.empty());
             Database copy = Database.open(to, target.databaseUser(), target.databasePassword())) {
            Map<String, Integer> rows = DatabaseCopy.copy(source, copy);
            rows.forEach((table, count) -> out.println(table + ": " + count + (count == 1 ? " row" : " rows")));
            out.println("Copied " + rows.values().stream().mapToInt(Integer::intValue).sum() + " rows from "
                    + Settings.describe(from) + " to " + Settings.describe(to) + ". Start showcall with "
                    + Settings.DB_URL + " set to the new database.");
            return 0;
        } catch (StoreException e) {
            err.println("showcall: nothing copied: " + message(e));
            return RunCommand.EXIT_FAILURE;
        }
    }

    /** Ours, and the database's reason under it when there is one. */
    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == e ? e.getMessage() : e.getMessage() + " (" + root.getMessage() + ")";
    }
}

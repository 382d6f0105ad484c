package org.flowscore.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowscore.source.registry.Registry;
import org.flowscore.source.registry.RegistryEntry;
import org.flowscore.source.registry.RegistryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Shows the files of a tail or backfill registry and how far each is acknowledged.",
            "",
            "Per file: the offset up to which every record was acknowledged, the file's size when last seen, its"
                    + " state (reading, rotated, done) and when it was last seen. Reads the registry as last saved,"
                    + " without locking it: safe while tail runs.",
        },
        footer = {"", "Example:", "  flowscore status --registry /var/lib/flowscore/tail-registry.json"})
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--registry", paramLabel = "FILE", description = "The registry file (default: ${DEFAULT-VALUE}).")
    Path registry = Path.of("flowscore-tail-registry.json");

    @Override
    public Integer call() {
        List<RegistryEntry> entries;
        try {
            entries = Registry.load(registry);
        } catch (RegistryException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (entries.isEmpty()) {
            out.println(registry + ": no files yet");
            out.flush();
            return ExitCodes.OK;
        }
        out.printf(Locale.ROOT, "%-8s %15s %15s %6s  %-20s  %s%n", "state", "offset", "size", "done", "last seen", "file");
        for (RegistryEntry e : entries) {
            double share = e.size() == 0 ? 100 : 100.0 * e.offset() / e.size();
            out.printf(Locale.ROOT, "%-8s %,15d %,15d %5.1f%%  %-20s  %s (%s)%n", e.state().label(), e.offset(),
                    e.size(), share, e.lastSeen().toString().substring(0, 19) + "Z", e.path(), e.identity());
        }
        out.flush();
        return ExitCodes.OK;
    }
}

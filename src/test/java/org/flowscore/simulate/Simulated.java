package org.flowscore.simulate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.flowscore.flow.Connection;
import org.flowscore.flow.SourceFormat;
import org.flowscore.read.ReadStats;
import org.flowscore.source.InputFile;
import org.flowscore.testing.SharedData;

/** Runs scenarios for tests: in memory, or written to a file as the CLI writes it. */
final class Simulated {
    static final long START = Instant.parse("2024-04-19T12:00:00Z").getEpochSecond() * 1_000_000;
    static final long SECOND = 1_000_000;

    private Simulated() {
    }

    static Scenario scenario(Attack attack, long seconds, long seed) {
        return new Scenario(List.of(attack), OptionalDouble.empty(), START, seconds * SECOND, seed, LoginService.SSH);
    }

    static Scenario mixed(long seconds, long seed) {
        return new Scenario(List.of(Attack.values()), OptionalDouble.empty(), START, seconds * SECOND, seed,
                LoginService.SSH);
    }

    record Run(List<Connection> connections, Simulator.Summary summary) {
        List<Connection> labelled(String detail) {
            return connections.stream().filter(c -> detail.equals(c.truth().detail())).toList();
        }
    }

    static Run run(Scenario scenario, List<List<Connection>> background) {
        List<Connection> out = new ArrayList<>();
        Simulator.Summary summary = Simulator.run(scenario, background, out::add);
        return new Run(out, summary);
    }

    static Run run(Scenario scenario) {
        return run(scenario, List.of());
    }

    /** The shared data's benign logs as background streams, read as the CLI reads them. */
    static List<List<Connection>> background(String... relative) {
        List<List<InputFile>> streams = new ArrayList<>();
        for (String r : relative) {
            streams.add(List.of(new InputFile(SharedData.require(r))));
        }
        try {
            return Background.load(streams, new ReadStats());
        } catch (Exception e) {
            throw new AssertionError("loading " + List.of(relative) + " failed: " + e.getMessage(), e);
        }
    }

    static Path write(Scenario scenario, List<List<Connection>> background, SourceFormat format, Path file)
            throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Simulator.write(scenario, background, format, out);
        }
        return file;
    }
}

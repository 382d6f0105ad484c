package org.flowscore.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowscore.flow.Connection;
import org.flowscore.read.ConnectionReader;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.source.InputFile;

/** Reads real files through the production pipeline, for tests that check what comes out. */
public final class Reading {
    private Reading() {
    }

    /** The connections of the inputs, and the stats of the run. */
    public record Result(List<Connection> connections, ReadStats stats) {
    }

    public static Result read(ReadOptions options, Path... paths) {
        ReadStats stats = new ReadStats();
        List<Connection> out = new ArrayList<>();
        try {
            List<InputFile> inputs = new ArrayList<>();
            for (Path p : paths) {
                inputs.add(new InputFile(p));
            }
            new ConnectionReader(options, stats).readAll(inputs, out::add);
        } catch (Exception e) {
            throw new AssertionError("reading " + List.of(paths) + " failed: " + e.getMessage(), e);
        }
        return new Result(out, stats);
    }

    public static Result read(Path... paths) {
        return read(ReadOptions.defaults(), paths);
    }
}

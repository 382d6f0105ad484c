package org.flowscore.backfill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.flowscore.features.FeatureSettings;
import org.flowscore.read.ReadOptions;
import org.flowscore.source.ArchiveSpan;
import org.flowscore.source.InputException;
import org.flowscore.source.InputFile;

/**
 * The files of a backfill in time order, each with its role. Files are ordered by the start of their
 * archive span when the name tells one, else by when their first connection was logged (so {@code eve.json.2}
 * comes before {@code eve.json.1} before {@code eve.json}), ties by path.
 *
 * <p>A file outside the time range, or delivered completely by an earlier run, is skipped; but when the
 * file after it is read, the feature windows need the connections before that file's first ones (the
 * 2-second window and the last 100 connections reach into the previous hour). So the skipped files just
 * before a read one are read as warm-up, their connections fed to the feature windows and written nowhere,
 * going back until they cover twice the reorder lateness plus the traffic window: then every feature of
 * the first written connection is the one an uninterrupted run over all files gives.
 */
public record BackfillPlan(List<BackfillFile> files) {

    public BackfillPlan {
        files = List.copyOf(files);
    }

    public static BackfillPlan of(List<InputFile> inputs, TimeRange range, ZoneId archiveZone, ReadOptions options,
                                  FeatureSettings features, Checkpoints delivered) throws InputException {
        List<BackfillFile> placed = new ArrayList<>();
        for (InputFile input : inputs) {
            placed.add(place(input, archiveZone, options));
        }
        placed.sort(Comparator.comparingLong(BackfillFile::startMicros)
                .thenComparing(f -> f.input().path()));
        List<BackfillFile> roles = new ArrayList<>();
        for (BackfillFile f : placed) {
            boolean outside = f.span() != null && !range.mayHold(f.span());
            roles.add(f.withRole(outside || complete(delivered, f) ? BackfillFile.Role.SKIP : BackfillFile.Role.READ));
        }
        long warmUpMicros = 2 * (features.maxLatenessMicros() + features.trafficWindowMicros());
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i).role() != BackfillFile.Role.READ) {
                continue;
            }
            long covered = 0;
            for (int j = i - 1; j >= 0 && roles.get(j).role() == BackfillFile.Role.SKIP && covered < warmUpMicros;
                    j--) {
                BackfillFile before = roles.get(j);
                roles.set(j, before.withRole(BackfillFile.Role.WARM_UP));
                // A file whose length is not known is taken to cover the whole need.
                covered += before.span() != null && before.span().hasEnd()
                        ? TimeRange.micros(before.span().end()) - TimeRange.micros(before.span().start())
                        : warmUpMicros;
            }
        }
        return new BackfillPlan(roles);
    }

    private static boolean complete(Checkpoints delivered, BackfillFile f) throws InputException {
        try {
            return delivered.complete(f);
        } catch (UncheckedIOException e) {
            throw new InputException(e.getMessage(), e.getCause());
        }
    }

    private static BackfillFile place(InputFile input, ZoneId zone, ReadOptions options) throws InputException {
        if (input.isStdin()) {
            throw new InputException("backfill reads files, not standard input: use 'flowscore score -' for a pipe");
        }
        long bytes;
        try {
            bytes = Files.size(input.path());
        } catch (IOException e) {
            throw new InputException(input.displayName() + ": cannot read its size: " + e.getMessage(), e);
        }
        ArchiveSpan span = ArchiveSpan.of(input.path(), zone).orElse(null);
        long start = span != null ? TimeRange.micros(span.start())
                : FirstRecord.endMicros(input, options).orElse(Long.MAX_VALUE);
        return new BackfillFile(input, span, start, bytes, BackfillFile.Role.READ);
    }

    public List<BackfillFile> withRole(BackfillFile.Role role) {
        return files.stream().filter(f -> f.role() == role).toList();
    }

    /** The files read (for output or warm-up), in order. */
    public List<BackfillFile> toRead() {
        return files.stream().filter(f -> f.role() != BackfillFile.Role.SKIP).toList();
    }

    public long bytesToRead() {
        return toRead().stream().mapToLong(BackfillFile::bytes).sum();
    }
}

package org.flowscore.backfill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.source.registry.AckTracker;
import org.flowscore.source.registry.FileCheckpoints;
import org.flowscore.source.registry.FileHead;
import org.flowscore.source.registry.FileState;
import org.flowscore.source.registry.Registry;
import org.flowscore.source.registry.RegistryEntry;

/**
 * Checkpoints in the registry that {@code flowscore tail} uses too: files known by device, inode and a
 * fingerprint of their first KiB (so a renamed or moved archive is still recognised), each with the offset
 * up to which Elasticsearch acknowledged every connection. The offset of a gzip file counts decompressed
 * bytes. A file becomes {@code done} once it was read to its end and all its connections were stored;
 * the next run skips it.
 */
public final class RegistryCheckpoints implements Checkpoints {
    private final FileCheckpoints checkpoints;
    private final Map<Path, FileHead> heads = new HashMap<>();
    private final Map<Path, AckTracker> trackers = new HashMap<>();

    public RegistryCheckpoints(Registry registry) {
        this.checkpoints = new FileCheckpoints(registry);
    }

    @Override
    public boolean complete(BackfillFile file) {
        return checkpoints.known(head(file)).map(e -> e.state() == FileState.DONE).orElse(false);
    }

    @Override
    public long acknowledgedOffset(BackfillFile file) {
        return checkpoints.known(head(file)).map(RegistryEntry::offset).orElse(0L);
    }

    @Override
    public Acknowledgement record(BackfillFile file, long endOffset) {
        return tracker(file).record(endOffset);
    }

    @Override
    public void notWritten(BackfillFile file, long endOffset) {
        tracker(file).skip(endOffset);
    }

    @Override
    public void fileRead(BackfillFile file) {
        checkpoints.readToEnd(tracker(file), FileState.READING);
        trackers.remove(file.input().path());
    }

    @Override
    public void save() throws IOException {
        checkpoints.save();
    }

    @Override
    public void close() throws IOException {
        checkpoints.close();
    }

    private AckTracker tracker(BackfillFile file) {
        return trackers.computeIfAbsent(file.input().path(),
                path -> checkpoints.open(path, head(file), file.bytes(), 0));
    }

    private FileHead head(BackfillFile file) {
        return heads.computeIfAbsent(file.input().path(), path -> {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                return FileHead.read(path, channel);
            } catch (IOException e) {
                throw new UncheckedIOException(file.displayName() + ": cannot read its identity: " + e.getMessage(), e);
            }
        });
    }
}

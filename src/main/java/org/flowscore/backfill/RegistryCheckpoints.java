package org.flowscore.backfill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.source.registry.AckTracker;
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
    private final Registry registry;
    private final Map<Path, FileHead> heads = new HashMap<>();
    private final Map<Path, AckTracker> trackers = new HashMap<>();
    private final Set<Path> readToEnd = new LinkedHashSet<>();

    public RegistryCheckpoints(Registry registry) {
        this.registry = registry;
    }

    @Override
    public boolean complete(BackfillFile file) {
        return registry.find(head(file)).map(e -> e.state() == FileState.DONE).orElse(false);
    }

    @Override
    public long acknowledgedOffset(BackfillFile file) {
        return registry.find(head(file)).map(RegistryEntry::offset).orElse(0L);
    }

    @Override
    public Acknowledgement record(BackfillFile file, long endOffset) {
        // The reader's hold on the record is the one acknowledgement due: Elasticsearch's.
        return tracker(file).record(endOffset);
    }

    @Override
    public void notWritten(BackfillFile file, long endOffset) {
        tracker(file).skip(endOffset);
    }

    @Override
    public void fileRead(BackfillFile file) {
        tracker(file);
        readToEnd.add(file.input().path());
    }

    @Override
    public void save() throws IOException {
        for (var it = readToEnd.iterator(); it.hasNext(); ) {
            AckTracker tracker = trackers.get(it.next());
            if (tracker.waiting() == 0) {
                registry.setState(tracker.file(), FileState.DONE);
                it.remove();
            }
        }
        registry.save();
    }

    @Override
    public void close() throws IOException {
        try {
            save();
        } finally {
            registry.close();
        }
    }

    private AckTracker tracker(BackfillFile file) {
        return trackers.computeIfAbsent(file.input().path(), path -> {
            FileHead head = head(file);
            RegistryEntry known = registry.find(head).orElse(null);
            RegistryEntry entry = known != null
                    ? known.seen(path.toString(), known.identity(), file.bytes(), registry.now())
                    : new RegistryEntry(path.toString(), head.identity(), 0, file.bytes(), FileState.READING,
                            registry.now());
            registry.put(entry);
            return new AckTracker(entry.identity(), entry.offset(),
                    offset -> registry.advance(entry.identity(), offset));
        });
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

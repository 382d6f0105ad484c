package org.flowscore.source.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one checkpoint tracker of the file sources, {@code tail} and {@code backfill} alike: the registry's
 * entry of each file found by its identity (device, inode, fingerprint of its first bytes) or created, an
 * {@link AckTracker} per file being read that moves the entry's offset only over records every output
 * acknowledged, and files marked {@link FileState#DONE} once read to their end with every record
 * acknowledged. The registry is never ahead of the outputs.
 */
public final class FileCheckpoints implements AutoCloseable {
    private final Registry registry;
    /** Files read to their end that still wait for acknowledgements; marked done once they have them all. */
    private final List<AckTracker> draining = new ArrayList<>();

    public FileCheckpoints(Registry registry) {
        this.registry = registry;
    }

    public Registry registry() {
        return registry;
    }

    /** What the registry knows of a file, found by its identity wherever it is now. */
    public Optional<RegistryEntry> known(FileHead head) {
        return registry.find(head);
    }

    /**
     * Starts reading a file: its entry, found or new, is {@link FileState#READING} at {@code path}; records are
     * delivered after its acknowledged offset (for a file the registry does not know, after
     * {@code newFileStart}: 0, or the file's size to start at its end).
     */
    public AckTracker open(Path path, FileHead head, long size, long newFileStart) {
        RegistryEntry known = registry.find(head).orElse(null);
        RegistryEntry entry = known != null
                ? known.seen(path.toString(), known.identity(), size, registry.now())
                        .withState(FileState.READING, registry.now())
                : new RegistryEntry(path.toString(), head.identity(), newFileStart, size, FileState.READING,
                        registry.now());
        registry.put(entry);
        FileIdentity identity = entry.identity();
        return new AckTracker(identity, entry.offset(), offset -> registry.advance(identity, offset));
    }

    /**
     * The file was read to its end: {@code whileDraining} until every record is acknowledged, then done (at the
     * next {@link #settle}).
     */
    public void readToEnd(AckTracker tracker, FileState whileDraining) {
        registry.setState(tracker.file(), whileDraining);
        draining.add(tracker);
    }

    /** Marks done the files read to their end whose every record was acknowledged. */
    public void settle() {
        draining.removeIf(t -> {
            if (t.waiting() > 0) {
                return false;
            }
            registry.setState(t.file(), FileState.DONE);
            return true;
        });
    }

    /** Settles, then writes the registry. */
    public void save() throws IOException {
        settle();
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
}

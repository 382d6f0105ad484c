package org.flowscore.source.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files a run has read and how far every record of each is acknowledged, kept in one JSON file that
 * tail and backfill share. Written atomically (a temporary file beside it, fsync, atomic rename, fsync of
 * the folder), so a crash at any moment leaves either the old or the new registry, never half of one. One
 * run at a time may use a registry: a lock file beside it ({@code NAME.lock}) is held while it is open.
 *
 * <p>Entries are keyed by device and inode. A file whose fingerprint no longer matches its entry is a new
 * file on a re-used inode: {@link #put} replaces the old entry.
 *
 * <p>Thread-safe: acknowledgements arrive on the output's threads, saves on the runner's.
 */
public final class Registry implements AutoCloseable {
    /** What to run to start over, named in every error about an unusable registry file. */
    public static final String RESET_HINT = "--reset-registry";

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Clock clock;
    private final Map<String, RegistryEntry> entries = new LinkedHashMap<>();
    private boolean dirty;

    private Registry(Path file, FileChannel lockChannel, FileLock lock, Clock clock, List<RegistryEntry> loaded) {
        this.file = file;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.clock = clock;
        loaded.forEach(e -> entries.put(key(e.identity()), e));
    }

    /**
     * Opens (or, when it does not exist yet, starts) the registry at {@code file} and locks it.
     *
     * @param reset start over with no entries; an existing file is kept beside it as {@code NAME.old}
     * @throws RegistryException naming the file and, for a damaged or other-version file, how to start over
     */
    public static Registry open(Path file, boolean reset) throws RegistryException {
        return open(file, reset, Clock.systemUTC());
    }

    static Registry open(Path file, boolean reset, Clock clock) throws RegistryException {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new RegistryException("registry " + file + ": the folder " + folder + " does not exist");
        }
        FileChannel lockChannel = null;
        try {
            lockChannel = FileChannel.open(lockFile(absolute), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = lockChannel.tryLock();
            if (lock == null) {
                throw new RegistryException("registry " + file + " is in use by another flowscore run (it holds "
                        + lockFile(absolute) + "); give each run its own registry");
            }
            List<RegistryEntry> loaded = List.of();
            if (reset) {
                if (Files.exists(absolute)) {
                    Files.move(absolute, absolute.resolveSibling(absolute.getFileName() + ".old"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                loaded = load(file);
            }
            Registry registry = new Registry(absolute, lockChannel, lock, clock, loaded);
            lockChannel = null;
            return registry;
        } catch (OverlappingFileLockException e) {
            throw new RegistryException("registry " + file + " is already open in this process");
        } catch (IOException e) {
            throw new RegistryException("registry " + file + ": " + e.getMessage(), e);
        } finally {
            if (lockChannel != null) {
                try {
                    lockChannel.close();
                } catch (IOException ignored) {
                    // Closing releases the lock; the original failure is the one to report.
                }
            }
        }
    }

    /**
     * The entries of a registry file without locking it (for status): what the last save wrote.
     *
     * @return no entries when the file does not exist
     */
    public static List<RegistryEntry> load(Path file) throws RegistryException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new RegistryException("registry " + file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            return RegistryCodec.read(bytes);
        } catch (IllegalArgumentException e) {
            throw new RegistryException("registry " + file + " " + e.getMessage() + ". Start over with " + RESET_HINT
                    + " (the file is kept as " + file.getFileName() + ".old; every file is read again from its start,"
                    + " and Elasticsearch's deterministic ids keep what was already indexed from being duplicated)");
        }
    }

    public Path file() {
        return file;
    }

    public synchronized List<RegistryEntry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** The entry of the file whose head this is, unless there is none or its inode now holds another file. */
    public synchronized Optional<RegistryEntry> find(FileHead head) {
        RegistryEntry e = entries.get(key(head.device(), head.inode()));
        return e != null && head.matches(e.identity()) ? Optional.of(e) : Optional.empty();
    }

    /** Adds or replaces the entry for this device and inode. */
    public synchronized void put(RegistryEntry entry) {
        entries.put(key(entry.identity()), entry);
        dirty = true;
    }

    /** Moves a file's acknowledged offset forward (never back); ignored for a file the registry forgot. */
    public synchronized void advance(FileIdentity identity, long offset) {
        RegistryEntry e = entries.get(key(identity));
        if (e != null && e.identity().fingerprint().equals(identity.fingerprint()) && offset > e.offset()) {
            entries.put(key(identity), e.withOffset(offset, now()));
            dirty = true;
        }
    }

    public synchronized void setState(FileIdentity identity, FileState state) {
        RegistryEntry e = entries.get(key(identity));
        if (e != null && e.state() != state) {
            entries.put(key(identity), e.withState(state, now()));
            dirty = true;
        }
    }

    /** Drops rotated-away files not seen since {@code cutoff}, so a year of hourly rotations does not pile up. */
    public synchronized void forgetRotatedBefore(Instant cutoff) {
        dirty |= entries.values().removeIf(e -> e.state() == FileState.ROTATED && e.lastSeen().isBefore(cutoff));
    }

    public Instant now() {
        return clock.instant();
    }

    /** Writes the registry if anything changed since the last save. */
    public void save() throws IOException {
        byte[] bytes;
        synchronized (this) {
            if (!dirty) {
                return;
            }
            bytes = RegistryCodec.write(entries.values());
            dirty = false;
        }
        try {
            writeAtomically(file, bytes);
        } catch (IOException e) {
            synchronized (this) {
                dirty = true;
            }
            throw new IOException("cannot write registry " + file + ": " + e.getMessage(), e);
        }
    }

    /** Saves and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            save();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename atomically; put the registry on a local disk", e);
        }
        // The rename is durable only once the folder's entry is on disk too.
        try (FileChannel folder = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a folder for fsync; the rename above is still atomic.
        }
    }

    private static Path lockFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    private static String key(FileIdentity identity) {
        return key(identity.device(), identity.inode());
    }

    private static String key(long device, long inode) {
        return device + ":" + inode;
    }
}

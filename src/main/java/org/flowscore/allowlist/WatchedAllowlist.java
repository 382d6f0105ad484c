package org.flowscore.allowlist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An allowlist file and the list it held when last read without a mistake. A daemon asks {@link #reloadIfChanged}
 * now and then (tail every second); the list changes only when the file changed and reads cleanly, so a
 * half-saved or mistyped file leaves the previous list in force and is reported once, until it changes again.
 * {@link #current} may be called from any thread.
 */
public final class WatchedAllowlist {
    private final Path file;
    private volatile Allowlist current;
    private Stamp stamp;

    /** What a look at the file found. */
    public sealed interface Reload {
        /** The file is as it was when last read. */
        record Unchanged() implements Reload {
        }

        /** The file changed and its entries are now in force. */
        record Reloaded(Allowlist allowlist) implements Reload {
        }

        /** The file changed but cannot be used; the previous list stays in force. */
        record Refused(String reason) implements Reload {
        }
    }

    /** The file's identity, size and modification time: what an edit, or a replacement by rename, changes. */
    private record Stamp(Object key, long size, long modifiedNanos) {
        static Stamp of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.fileKey(), a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
        }
    }

    private WatchedAllowlist(Path file, Allowlist current, Stamp stamp) {
        this.file = file;
        this.current = current;
        this.stamp = stamp;
    }

    /** Reads the file; a mistake here is the caller's to report (a daemon should not start with it). */
    public static WatchedAllowlist open(Path file) throws AllowlistException {
        try {
            Stamp stamp = Stamp.of(file);
            return new WatchedAllowlist(file, AllowlistFile.read(file), stamp);
        } catch (IOException e) {
            throw new AllowlistException("allowlist " + file + ": " + (Files.exists(file) ? "cannot read it: "
                    + e.getMessage() : "no such file"));
        }
    }

    public Path file() {
        return file;
    }

    /** The list in force. */
    public Allowlist current() {
        return current;
    }

    /**
     * {@link #reloadIfChanged()}, saying in one line to {@code note} that the list changed or why a change was
     * refused: what a daemon's log shows.
     */
    public void reloadIfChanged(Consumer<String> note) {
        switch (reloadIfChanged()) {
            case Reload.Reloaded r -> note.accept("allowlist " + file + " changed; entries in force: "
                    + r.allowlist().entries().size());
            case Reload.Refused r -> note.accept(r.reason());
            case Reload.Unchanged u -> { }
        }
    }

    /** Reads the file again when it changed since it was last looked at. */
    public Reload reloadIfChanged() {
        Stamp now;
        try {
            now = Stamp.of(file);
        } catch (IOException e) {
            if (stamp == null) {
                return new Reload.Unchanged();
            }
            stamp = null;
            return new Reload.Refused("allowlist " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + "); the previous list stays in force");
        }
        if (Objects.equals(now, stamp)) {
            return new Reload.Unchanged();
        }
        stamp = now;
        try {
            current = AllowlistFile.read(file);
            return new Reload.Reloaded(current);
        } catch (AllowlistException e) {
            return new Reload.Refused(e.getMessage() + "; the previous list stays in force");
        }
    }
}

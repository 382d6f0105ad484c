package org.flowscore.source.follow;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.flowscore.source.SourceLine;
import org.flowscore.source.registry.FileHead;

/**
 * Follows one path through every way logs are rotated: Zeek's rename (then gzip into a dated folder)
 * with a fresh file and header, logrotate's rename-and-reopen and copytruncate, deletion and
 * re-creation, and a path that does not exist yet. The file is read through its open handle; only once
 * that handle is at its end does the follower look at what the path names now, and when that is another
 * file it drains the old handle to its last byte before switching, so no line written before the rename
 * is lost. A file shorter than what was read is a copytruncate: it is read again from its start.
 */
public final class PathFollower implements Closeable {
    private final Path path;
    private final int maxLineBytes;
    private final Listener listener;
    private OpenLog current;

    /** What happens to the files at the path. */
    public interface Listener {
        /** A file appeared at the path (or the follower started on one) and is read from its start. */
        void opened(OpenLog log) throws IOException;

        /** A complete line of the current file. */
        void line(OpenLog log, SourceLine line) throws IOException;

        /** The file was read to its end and the path names another file, or none. */
        void rotated(OpenLog log) throws IOException;

        /** The file was truncated in place; what follows is read as a new file. */
        void truncated(OpenLog log) throws IOException;
    }

    public PathFollower(Path path, int maxLineBytes, Listener listener) {
        this.path = path;
        this.maxLineBytes = maxLineBytes;
        this.listener = listener;
    }

    public Path path() {
        return path;
    }

    /** The file being read, or null while the path names none. */
    public OpenLog current() {
        return current;
    }

    /**
     * Reads what is new, at most about {@code maxLines} lines.
     *
     * @return the lines read; fewer than {@code maxLines} means the follower has caught up
     */
    public int poll(int maxLines) throws IOException {
        if (current == null && !openCurrent()) {
            return 0;
        }
        int lines = read(maxLines);
        if (lines >= maxLines) {
            return lines;
        }
        long[] named = deviceAndInode();
        if (named == null || named[0] != current.head().device() || named[1] != current.head().inode()) {
            lines += drain();
            listener.rotated(current);
            closeCurrent();
            if (named != null && openCurrent()) {
                lines += read(maxLines);
            }
        } else if (sizeNow() < current.position()) {
            listener.truncated(current);
            closeCurrent();
            if (openCurrent()) {
                lines += read(maxLines);
            }
        }
        return lines;
    }

    private int read(int maxLines) throws IOException {
        OpenLog log = current;
        return log.readLines(maxLines, line -> listener.line(log, line));
    }

    /** Everything left in the old handle, including a last line the writer never ended. */
    private int drain() throws IOException {
        int lines = 0;
        for (int n = read(Integer.MAX_VALUE); n > 0; n = read(Integer.MAX_VALUE)) {
            lines += n;
        }
        SourceLine rest = current.rest();
        if (rest != null) {
            listener.line(current, rest);
            lines++;
        }
        return lines;
    }

    private boolean openCurrent() throws IOException {
        current = OpenLog.open(path, maxLineBytes);
        if (current == null) {
            return false;
        }
        listener.opened(current);
        return true;
    }

    private long[] deviceAndInode() throws IOException {
        try {
            return FileHead.deviceAndInode(path);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The size of the file the path names now; as if unchanged when it was renamed away meanwhile. */
    private long sizeNow() throws IOException {
        try {
            return Files.size(path);
        } catch (NoSuchFileException e) {
            return current.position();
        }
    }

    private void closeCurrent() throws IOException {
        current.close();
        current = null;
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            closeCurrent();
        }
    }
}

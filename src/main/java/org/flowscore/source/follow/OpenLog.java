package org.flowscore.source.follow;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.flowscore.source.SourceLine;
import org.flowscore.source.registry.FileHead;

/**
 * One log file read as it grows, through its open handle: complete lines only (a line still being written
 * waits for its newline), so a file that rotation renamed or deleted is still read to its very end. Lines
 * end at LF and a CR before it is dropped, as {@code LineSource} reads finished files; a line longer than
 * the limit keeps only its first bytes, marked overlong, so a runaway writer cannot exhaust the heap.
 */
public final class OpenLog implements Closeable {
    private static final int PREVIEW_BYTES = 256;

    private final Path path;
    private final FileChannel channel;
    private final FileHead head;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private long bufferStart;
    private int pos;
    private int limit;
    private byte[] carry = new byte[256];
    private int carried;
    private boolean overlong;
    private long lineStart;
    private long lineNumber;

    private OpenLog(Path path, FileChannel channel, FileHead head, int maxLineBytes) {
        this.path = path;
        this.channel = channel;
        this.head = head;
        this.maxLineBytes = Math.max(maxLineBytes, PREVIEW_BYTES);
    }

    /**
     * Opens the file the path names now, or returns null when there is none yet or it is still empty (an
     * empty file has no fingerprint to tell it from the next one on the same inode).
     */
    public static OpenLog open(Path path, int maxLineBytes) throws IOException {
        FileChannel channel;
        long[] before;
        try {
            before = FileHead.deviceAndInode(path);
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return null;
        }
        try {
            FileHead head = channel.size() == 0 ? null : FileHead.read(path, channel);
            // The path named the same inode just before and just after the open: the handle is that file,
            // not one a rotation put there in between. Otherwise, try again at the next poll.
            if (head == null || head.device() != before[0] || head.inode() != before[1]) {
                channel.close();
                return null;
            }
            return new OpenLog(path, channel, head, maxLineBytes);
        } catch (NoSuchFileException e) {
            channel.close();
            return null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The path it was opened under (rotation may have renamed it since). */
    public Path path() {
        return path;
    }

    public FileHead head() {
        return head;
    }

    /** The offset just past the last complete line handed out: where a reader would resume. */
    public long position() {
        return lineStart;
    }

    /** The file's size now, through the open handle. */
    public long size() throws IOException {
        return channel.size();
    }

    /**
     * Hands out the complete lines written so far, at most {@code maxLines}.
     *
     * @return how many lines were handed out; fewer than {@code maxLines} means the handle is at the end
     */
    public int readLines(int maxLines, LineHandler handler) throws IOException {
        int lines = 0;
        while (lines < maxLines) {
            if (pos >= limit && !fill()) {
                return lines;
            }
            int newline = indexOf(buffer, pos, limit);
            int end = newline >= 0 ? newline : limit;
            take(pos, end - pos);
            pos = newline >= 0 ? newline + 1 : limit;
            if (newline >= 0) {
                handler.line(finish(bufferStart + pos));
                lines++;
            }
        }
        return lines;
    }

    /**
     * The unterminated last line of a file that will not grow any more (rotated away), or null when the
     * file ends with a newline.
     */
    public SourceLine rest() throws IOException {
        while (pos < limit || fill()) {
            take(pos, limit - pos);
            pos = limit;
        }
        return carried > 0 || overlong ? finish(bufferStart + pos) : null;
    }

    private boolean fill() throws IOException {
        long next = bufferStart + limit;
        int n = channel.read(ByteBuffer.wrap(buffer), next);
        if (n <= 0) {
            return false;
        }
        bufferStart = next;
        pos = 0;
        limit = n;
        return true;
    }

    private void take(int from, int length) {
        if (overlong) {
            return;
        }
        int keep = length;
        if (carried + length > maxLineBytes) {
            overlong = true;
            keep = Math.max(0, Math.min(length, PREVIEW_BYTES - carried));
        }
        if (carried + keep > carry.length) {
            carry = Arrays.copyOf(carry, Math.max(carry.length * 2, carried + keep));
        }
        System.arraycopy(buffer, from, carry, carried, keep);
        carried += keep;
    }

    private SourceLine finish(long endOffset) {
        int length = carried;
        if (!overlong && length > 0 && carry[length - 1] == '\r') {
            length--;
        }
        SourceLine line = new SourceLine(++lineNumber, lineStart, endOffset, Arrays.copyOf(carry, length), overlong);
        lineStart = endOffset;
        carried = 0;
        overlong = false;
        return line;
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Receives each complete line. */
    @FunctionalInterface
    public interface LineHandler {
        void line(SourceLine line) throws IOException;
    }
}

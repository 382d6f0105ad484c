package org.flowscore.source.follow;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.flowscore.source.LineAssembler;
import org.flowscore.source.SourceLine;
import org.flowscore.source.registry.FileHead;

/**
 * One log file read as it grows, through its open handle: complete lines only (a line still being written
 * waits for its newline), so a file that rotation renamed or deleted is still read to its very end. Lines
 * are cut as {@link LineAssembler} cuts them, for finished files too.
 */
public final class OpenLog implements Closeable {
    private final Path path;
    private final FileChannel channel;
    private final FileHead head;
    private final LineAssembler lines;

    private OpenLog(Path path, FileChannel channel, FileHead head, int maxLineBytes) {
        this.path = path;
        this.channel = channel;
        this.head = head;
        this.lines = new LineAssembler((into, length, offset) -> channel.read(ByteBuffer.wrap(into, 0, length), offset),
                maxLineBytes, 0, 1);
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
        return lines.position();
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
        int handed = 0;
        SourceLine line;
        while (handed < maxLines && (line = lines.nextComplete()) != null) {
            handler.line(line);
            handed++;
        }
        return handed;
    }

    /**
     * The unterminated last line of a file that will not grow any more (rotated away), or null when the
     * file ends with a newline.
     */
    public SourceLine rest() throws IOException {
        return lines.rest();
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

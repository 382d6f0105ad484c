package org.flowscore.source.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * A file's device, inode and first bytes, read at one moment: enough to compute its {@link FileIdentity}
 * and to tell whether a stored identity (whose fingerprint may cover fewer bytes, taken while the file was
 * shorter) is this file.
 */
public final class FileHead {
    /** As Filebeat's fingerprint identity: the first KiB. */
    public static final int FINGERPRINT_BYTES = 1024;

    private final long device;
    private final long inode;
    private final byte[] head;

    FileHead(long device, long inode, byte[] head) {
        this.device = device;
        this.inode = inode;
        this.head = head;
    }

    /**
     * Reads the head of the file open on {@code channel}. Device and inode come from {@code path}, so the
     * caller must know the path still names the open file (see {@link #sameInode}).
     */
    public static FileHead read(Path path, FileChannel channel) throws IOException {
        long[] devIno = deviceAndInode(path);
        ByteBuffer buffer = ByteBuffer.allocate(FINGERPRINT_BYTES);
        long position = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n <= 0) {
                break;
            }
            position += n;
        }
        return new FileHead(devIno[0], devIno[1], Arrays.copyOf(buffer.array(), buffer.position()));
    }

    /** The device and inode the path names now; {@code unix:} attributes, else the portable file key. */
    public static long[] deviceAndInode(Path path) throws IOException {
        try {
            Map<String, Object> attributes = Files.readAttributes(path, "unix:dev,ino");
            return new long[] {((Number) attributes.get("dev")).longValue(), ((Number) attributes.get("ino")).longValue()};
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            Object key = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            return new long[] {0, key == null ? path.toAbsolutePath().hashCode() : key.hashCode()};
        }
    }

    public FileIdentity identity() {
        return new FileIdentity(device, inode, head.length, sha256(head, head.length));
    }

    public long device() {
        return device;
    }

    public long inode() {
        return inode;
    }

    /** Whether the stored identity is this file: same inode, and this file starts with the bytes it hashed. */
    public boolean matches(FileIdentity stored) {
        return stored.device() == device && stored.inode() == inode && stored.fingerprintBytes() <= head.length
                && stored.fingerprint().equals(sha256(head, stored.fingerprintBytes()));
    }

    /** Whether the fingerprint can still grow: the file was shorter than the fingerprint length. */
    public boolean isShort() {
        return head.length < FINGERPRINT_BYTES;
    }

    static String sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

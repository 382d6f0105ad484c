package org.flowscore.source.registry;

/**
 * Which file this is, whatever it is called now: the device and inode it lives on, plus a SHA-256 of its
 * first bytes so that an inode the file system hands to a new file is not mistaken for the old one. Logs
 * are renamed when rotated, so a path says nothing about identity.
 *
 * @param device           the file system's device number
 * @param inode            the inode number on that device
 * @param fingerprintBytes how many leading bytes the fingerprint covers (fewer than
 *                         {@link FileHead#FINGERPRINT_BYTES} while the file is that short)
 * @param fingerprint      SHA-256 of those bytes, lower-case hex
 */
public record FileIdentity(long device, long inode, int fingerprintBytes, String fingerprint) {
    public FileIdentity {
        if (fingerprintBytes < 0 || fingerprint == null || fingerprint.length() != 64) {
            throw new IllegalArgumentException("a file identity needs a SHA-256 fingerprint of 0 or more bytes");
        }
    }

    /** Same device and inode: the same file if the fingerprint agrees, a re-used inode if it does not. */
    public boolean sameInode(FileIdentity other) {
        return device == other.device && inode == other.inode;
    }

    /** Short form for messages and status lines: {@code dev:inode:first 8 hex digits}. */
    public String shortForm() {
        return device + ":" + inode + ":" + fingerprint.substring(0, 8);
    }

    @Override
    public String toString() {
        return shortForm();
    }
}

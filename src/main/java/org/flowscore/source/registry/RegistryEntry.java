package org.flowscore.source.registry;

import java.time.Instant;

/**
 * What the registry knows about one file.
 *
 * @param path     where the file was last seen (a rotated file keeps the name it was last read under)
 * @param identity device, inode and fingerprint
 * @param offset   bytes from the start up to which every record is acknowledged: reading resumes here
 * @param size     the file's size when last seen
 * @param state    reading, done or rotated away
 * @param lastSeen when the file was last read or looked at
 */
public record RegistryEntry(String path, FileIdentity identity, long offset, long size, FileState state,
                            Instant lastSeen) {
    public RegistryEntry {
        if (path == null || identity == null || state == null || lastSeen == null) {
            throw new IllegalArgumentException("a registry entry needs a path, identity, state and time");
        }
        if (offset < 0 || size < 0) {
            throw new IllegalArgumentException("offset and size must be 0 or more");
        }
    }

    public RegistryEntry withOffset(long newOffset, Instant now) {
        return new RegistryEntry(path, identity, newOffset, Math.max(size, newOffset), state, now);
    }

    public RegistryEntry withState(FileState newState, Instant now) {
        return new RegistryEntry(path, identity, offset, size, newState, now);
    }

    public RegistryEntry seen(String newPath, FileIdentity newIdentity, long newSize, Instant now) {
        return new RegistryEntry(newPath, newIdentity, offset, newSize, state, now);
    }
}

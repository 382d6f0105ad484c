/**
 * The checkpoint side of the file sources: the registry file (offsets by device, inode and fingerprint, saved
 * atomically, locked per run) and {@link org.flowscore.source.registry.FileCheckpoints}, the one tracker tail and
 * backfill use, whose offsets never pass a record the outputs did not acknowledge.
 *
 * <p>May import: flow.
 */
package org.flowscore.source.registry;

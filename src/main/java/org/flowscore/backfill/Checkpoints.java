package org.flowscore.backfill;

import org.flowscore.flow.Acknowledgement;

/**
 * What earlier runs delivered, and how this run records what it delivers: through the shared registry, so
 * an interrupted backfill resumes where it stopped. Called on the run's thread, in file and line order.
 */
public interface Checkpoints extends AutoCloseable {
    /** Nothing delivered before and nothing recorded: runs without a registry. */
    Checkpoints NONE = new Checkpoints() {
        @Override
        public boolean complete(BackfillFile file) {
            return false;
        }

        @Override
        public long acknowledgedOffset(BackfillFile file) {
            return 0;
        }

        @Override
        public Acknowledgement record(BackfillFile file, long endOffset) {
            return Acknowledgement.NONE;
        }

        @Override
        public void notWritten(BackfillFile file, long endOffset) {
        }

        @Override
        public void fileRead(BackfillFile file) {
        }

        @Override
        public void save() {
        }

        @Override
        public void close() {
        }
    };

    /** True when every connection of the file was stored by an earlier run. */
    boolean complete(BackfillFile file);

    /**
     * The offset (in the decompressed content) up to which every connection of the file was stored:
     * connections whose line ends at or before it are not written again.
     */
    long acknowledgedOffset(BackfillFile file);

    /** A connection to be written; the returned acknowledgement is called once it is stored. */
    Acknowledgement record(BackfillFile file, long endOffset);

    /** A connection after the acknowledged offset that this run does not write (outside --since/--until). */
    void notWritten(BackfillFile file, long endOffset);

    /** Every connection of the file was handed on: it is complete once they are all stored. */
    void fileRead(BackfillFile file);

    /** Writes the registry now (the run calls it every second or so, and at the end). */
    void save() throws java.io.IOException;

    @Override
    void close() throws java.io.IOException;
}

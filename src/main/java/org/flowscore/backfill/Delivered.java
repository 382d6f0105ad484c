package org.flowscore.backfill;

/** What earlier runs delivered: kept in the registry, so an interrupted backfill resumes where it stopped. */
public interface Delivered {
    /** Nothing delivered yet: a first run, or one that starts over. */
    Delivered NOTHING = new Delivered() {
        @Override
        public boolean complete(BackfillFile file) {
            return false;
        }

        @Override
        public long acknowledgedOffset(BackfillFile file) {
            return 0;
        }
    };

    /** True when every connection of the file was acknowledged. */
    boolean complete(BackfillFile file);

    /**
     * The offset (in the decompressed content) up to which every connection of the file was acknowledged:
     * connections whose line ends at or before it are not written again.
     */
    long acknowledgedOffset(BackfillFile file);
}

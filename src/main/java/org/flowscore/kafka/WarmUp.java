package org.flowscore.kafka;

/**
 * Where an assigned partition is read from so that its feature windows are what an uninterrupted run would have
 * made of them: a stretch before the committed offset is read again without emitting, as {@code tail} reads a
 * file's start. The stretch reaches back the warm-up time (the model's longest window) in record time, measured
 * from the newest record the previous owner had read, and never more than a bound of records.
 */
final class WarmUp {
    private WarmUp() {
    }

    /**
     * @param deliverFrom the committed offset
     * @param beginning   the partition's first offset still kept
     * @param byTime      the first offset whose timestamp is at or after the warm-up's start (Kafka's
     *                    {@code offsetsForTimes}), or -1 when no record is that new
     * @param maxRecords  the most records read again
     * @return the offset to start reading at, at most {@code deliverFrom}
     */
    static long start(long deliverFrom, long beginning, long byTime, long maxRecords) {
        long start = byTime < 0 ? deliverFrom : Math.min(byTime, deliverFrom);
        return Math.max(start, Math.max(beginning, deliverFrom - maxRecords));
    }
}

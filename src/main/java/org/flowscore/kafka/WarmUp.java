package org.flowscore.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Where an assigned partition is read from so that its feature windows are what an uninterrupted run would have
 * made of them: a stretch before the committed offset is read again without emitting, as {@code tail} reads a
 * file's start. The stretch reaches back the warm-up time (the model's longest window) in record time, measured
 * from the newest record the previous owner had read, and never more than a bound of records.
 */
final class WarmUp {
    /**
     * Where to read an assigned partition.
     *
     * @param readFrom    the first offset read, for the windows only until {@code deliverFrom}
     * @param deliverFrom the first offset delivered: the committed one, or the beginning or end without a commit
     */
    record Start(long readFrom, long deliverFrom) {
    }

    private WarmUp() {
    }

    /**
     * Asks the brokers where each newly assigned partition was committed and how far back its warm-up reaches (the
     * newest record time the previous owner read rides in the commit's metadata).
     */
    static Map<TopicPartition, Start> plan(Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
                                           ConsumeSettings settings) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> rewindTo = new HashMap<>();
        Map<TopicPartition, Long> deliverFrom = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            long from;
            long newest;
            if (c != null) {
                from = Math.max(c.offset(), beginning.get(tp));
                newest = timestamp(c.metadata());
            } else if (settings.startAtEnd()) {
                from = end.get(tp);
                newest = System.currentTimeMillis();
            } else {
                from = beginning.get(tp);
                newest = -1;
            }
            deliverFrom.put(tp, from);
            if (from > beginning.get(tp) && newest >= 0) {
                rewindTo.put(tp, Math.max(0, newest - settings.warmUp().toMillis()));
            }
        }
        Map<TopicPartition, OffsetAndTimestamp> byTime = rewindTo.isEmpty() ? Map.of()
                : consumer.offsetsForTimes(rewindTo);
        Map<TopicPartition, Start> starts = new HashMap<>();
        for (TopicPartition tp : partitions) {
            long from = deliverFrom.get(tp);
            OffsetAndTimestamp t = byTime.get(tp);
            starts.put(tp, new Start(rewindTo.containsKey(tp)
                    ? start(from, beginning.get(tp), t == null ? -1 : t.offset(), settings.warmUpRecords())
                    : from, from));
        }
        return starts;
    }

    /** The newest record time a commit's metadata holds, or -1 (none, or not written by flowscore). */
    static long timestamp(String metadata) {
        try {
            return metadata == null || metadata.isEmpty() ? -1 : Long.parseLong(metadata);
        } catch (NumberFormatException e) {
            return -1;
        }
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

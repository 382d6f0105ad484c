package org.flowscore.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.flowscore.source.kafka.PartitionOffsets;

/** A partition this instance owns: its offsets and the streams of the sensors whose records it holds. */
final class AssignedPartition implements AutoCloseable {
    final TopicPartition partition;
    final PartitionOffsets offsets;
    final Map<String, SensorStream> sensors = new LinkedHashMap<>();
    /** Where reading started: the warm-up's first offset. */
    final long readFrom;

    AssignedPartition(TopicPartition partition, long readFrom, long deliverFrom) {
        this.partition = partition;
        this.offsets = new PartitionOffsets(partition.toString(), deliverFrom);
        this.readFrom = readFrom;
    }

    int buffered() {
        return sensors.values().stream().mapToInt(s -> s.stream().buffered()).sum();
    }

    long flows() {
        return sensors.values().stream().mapToLong(s -> s.stream().scored()).sum();
    }

    long alerts() {
        return sensors.values().stream().mapToLong(s -> s.stream().flagged()).sum();
    }

    @Override
    public void close() {
        sensors.values().forEach(SensorStream::close);
    }
}

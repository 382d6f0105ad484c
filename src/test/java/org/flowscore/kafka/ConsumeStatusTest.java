package org.flowscore.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumeStatusTest {
    private static final ConsumeStatus STATUS = new ConsumeStatus(12_000, 2_000, 9_800, 9_700, 120, 3, 1, null, 100,
            List.of(new ConsumeStatus.PartitionLag("zeek-conn", 0, 4_000, 250, 2),
                    new ConsumeStatus.PartitionLag("zeek-conn", 3, 0, -1, 0)));

    @Test
    void theStatusLineShowsEachPartitionsCommittedOffsetAndLag() {
        String line = STATUS.line();
        assertTrue(line.startsWith("consume: read 12,000 records (2,000 again for the windows), 9,800 connections;"
                + " wrote 9,700 flows (120 alerts); buffered 100; skipped 3; without a sensor 1"), line);
        assertTrue(line.contains("zeek-conn-0: committed 4,000, lag 250, 2 sensors"), line);
        assertTrue(line.contains("zeek-conn-3: committed 0, lag -, 0 sensors"), line);
    }

    @Test
    void prometheusHasAGaugePerPartition() {
        String text = STATUS.prometheus();
        assertTrue(text.contains("flowscore_kafka_committed_offset{topic=\"zeek-conn\",partition=\"0\"} 4000\n"), text);
        assertTrue(text.contains("flowscore_kafka_lag_records{topic=\"zeek-conn\",partition=\"0\"} 250\n"), text);
        assertEquals(-1, text.indexOf("flowscore_kafka_lag_records{topic=\"zeek-conn\",partition=\"3\"}"), text);
        assertTrue(text.contains("flowscore_kafka_records_read_total 12000\n"), text);
        assertTrue(text.contains("# TYPE flowscore_kafka_lag_records gauge\n"), text);
    }
}

package org.flowscore.source.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscore.flow.Acknowledgement;
import org.junit.jupiter.api.Test;

/** A partition's committable offset, worked out by hand: it moves only over acknowledged records. */
class PartitionOffsetsTest {
    @Test
    void recordsBeforeTheCommittedOffsetOnlyWarmTheWindows() {
        PartitionOffsets p = new PartitionOffsets("conn-0", 10);
        assertTrue(p.isWarmUp(9));
        assertFalse(p.isWarmUp(10));
        assertEquals(10, p.committable());
        assertFalse(p.moved());
    }

    @Test
    void theOffsetMovesOverTheUnbrokenRunOfAcknowledgedRecords() {
        PartitionOffsets p = new PartitionOffsets("conn-0", 10);
        Acknowledgement r10 = p.record(10, 1_000);
        Acknowledgement r11 = p.record(11, 1_001);
        p.skip(12, 1_002);
        Acknowledgement r13 = p.record(13, 1_003);
        assertEquals(4 - 1, p.unacknowledged());
        r11.acknowledged();
        assertEquals(10, p.committable(), "record 10 still waits");
        assertEquals(2, p.unacknowledged(), "11 is stored although the offset cannot pass 10 yet");
        r10.acknowledged();
        assertEquals(13, p.committable(), "10 and 11 stored, 12 made no connection, 13 waits");
        assertTrue(p.moved());
        p.committed(13);
        assertFalse(p.moved());
        r13.acknowledged();
        assertEquals(14, p.committable());
        assertEquals(1_003, p.newestTimestamp());
        assertThrows(IllegalStateException.class, r13::acknowledged);
    }

    @Test
    void offsetsWithoutRecordsCompleteWithTheLastRecordRead() {
        PartitionOffsets p = new PartitionOffsets("conn-0", 0);
        Acknowledgement r0 = p.record(0, 5);
        p.readUpTo(3);
        assertEquals(0, p.committable(), "a transaction marker at 1-2 waits with record 0");
        r0.acknowledged();
        assertEquals(3, p.committable());
        p.readUpTo(5);
        assertEquals(5, p.committable(), "nothing waits: the position is committable at once");
    }

    @Test
    void aPositionBeforeTheCommittedOffsetMovesNothing() {
        PartitionOffsets p = new PartitionOffsets("conn-0", 50);
        p.readUpTo(20);
        assertEquals(50, p.committable());
    }
}

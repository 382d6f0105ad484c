package org.flowscore.tail;

import java.util.concurrent.atomic.LongAdder;

/** What the tailer did so far, read by the status line and the metrics endpoint from other threads. */
final class TailCounters {
    final LongAdder lines = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder connections = new LongAdder();
    final LongAdder rotations = new LongAdder();
    final LongAdder truncations = new LongAdder();
    final LongAdder filesOpened = new LongAdder();
}

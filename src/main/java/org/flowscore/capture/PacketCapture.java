package org.flowscore.capture;

import java.io.EOFException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.flowscore.capture.flowtable.FlowTable;
import org.flowscore.capture.flowtable.PacketInfo;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;

/**
 * Reads packets from pcap files or a live interface into a {@link FlowTable}. Files are read one after the
 * other into the same table, as one capture. On a live interface the wall clock moves the table while no
 * packet comes, so idle connections still time out.
 */
public final class PacketCapture {
    private static final long IDLE_POLL_MILLIS = 20;

    private final FlowTable table;
    private long frames;
    private long decoded;

    public PacketCapture(FlowTable table) {
        this.table = table;
    }

    /** Reads a whole file, through an optional BPF filter; {@code stop} is checked between packets. */
    public void readFile(Path file, String filter, BooleanSupplier stop) throws CaptureException {
        try (PcapHandle handle = Libpcap.openFile(file, filter)) {
            PacketDecoder decoder = new PacketDecoder(handle.getDlt());
            boolean first = true;
            while (!stop.getAsBoolean()) {
                byte[] frame;
                try {
                    frame = handle.getNextRawPacketEx();
                } catch (EOFException e) {
                    return;
                } catch (TimeoutException e) {
                    continue;
                }
                long tsMicros = micros(handle.getTimestamp());
                if (first && tsMicros < table.clock()) {
                    // A file that starts before the previous one ended is another capture, not its continuation:
                    // its packets would all look long idle against the later clock.
                    table.flush();
                }
                first = false;
                take(decoder, frame, tsMicros);
            }
        } catch (PcapNativeException | NotOpenException e) {
            throw new CaptureException("error reading " + file + ": " + e.getMessage(), e);
        }
    }

    /** Captures on an open interface until {@code stop} says so. */
    public void readInterface(PcapHandle handle, BooleanSupplier stop) throws CaptureException {
        PacketDecoder decoder = new PacketDecoder(handle.getDlt());
        try {
            while (!stop.getAsBoolean()) {
                try {
                    byte[] frame = handle.getNextRawPacketEx();
                    take(decoder, frame, micros(handle.getTimestamp()));
                } catch (TimeoutException e) {
                    // Nothing to read (the handle does not block): let the clock move, then poll again.
                    table.advanceTo(System.currentTimeMillis() * 1_000);
                    pause();
                }
            }
        } catch (EOFException e) {
            // The interface went away or the handle was broken off: what was captured is flushed as usual.
        } catch (PcapNativeException | NotOpenException e) {
            throw new CaptureException("capture stopped: " + e.getMessage(), e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(IDLE_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Emits every connection still open and returns the totals. */
    public CaptureStats finish() {
        table.flush();
        return stats();
    }

    public CaptureStats stats() {
        return new CaptureStats(frames, decoded, table.emitted(), table.evicted());
    }

    private void take(PacketDecoder decoder, byte[] frame, long tsMicros) {
        frames++;
        List<PacketInfo> packets = decoder.decode(frame, tsMicros);
        if (!packets.isEmpty()) {
            decoded++;
            packets.forEach(table::accept);
        }
    }

    static long micros(Timestamp ts) {
        return Math.floorDiv(ts.getTime(), 1_000) * 1_000_000 + ts.getNanos() / 1_000;
    }
}

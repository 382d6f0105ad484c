package org.flowscore.bench;

import java.io.EOFException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import org.flowscore.capture.CaptureException;
import org.flowscore.capture.Libpcap;
import org.flowscore.capture.PacketCapture;
import org.flowscore.capture.flowtable.ConnectionRecords;
import org.flowscore.capture.flowtable.FlowTable;
import org.flowscore.capture.flowtable.FlowTimeouts;
import org.flowscore.flow.CommunityId;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;

/**
 * Packets per second, single thread, from a pcap file: pcap4j alone (each frame and its timestamp read, nothing
 * else) against the whole path into connections (pcap4j, decoding, flow table, Connection records). Their ratio
 * is what decoding and the flow table cost. A small file is read several times per round, each time into a
 * fresh flow table, so a round lasts long enough to measure.
 */
public final class PcapBenchmark {
    private static final long PACKETS_PER_ROUND = 2_000_000;

    private final Path file;
    private final int rounds;
    private final PrintWriter log;
    /** Frame lengths and timestamps summed, so the JIT cannot drop the reads as unused. */
    private long touched;

    public PcapBenchmark(Path file, int rounds, PrintWriter log) {
        this.file = file;
        this.rounds = rounds;
        this.log = log;
    }

    public void run() throws CaptureException {
        long packets = readOnly();
        if (packets == 0) {
            throw new CaptureException(file + " holds no packets", null);
        }
        int passes = (int) Math.max(1, PACKETS_PER_ROUND / packets);
        log.printf("pcap: %s, %,d packets, read %d times per round, median of %d rounds, single thread%n", file,
                packets, passes, rounds);
        long[] connections = new long[1];
        Pass read = () -> {
            for (int i = 0; i < passes; i++) {
                readOnly();
            }
        };
        Pass assemble = () -> {
            for (int i = 0; i < passes; i++) {
                connections[0] = intoConnections();
            }
        };
        read.run();
        assemble.run();
        // Rounds alternate between the two, so a busy machine slows both alike.
        double[] readRates = new double[rounds];
        double[] flowRates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            readRates[r] = rate(read, packets * passes);
            flowRates[r] = rate(assemble, packets * passes);
        }
        double readRate = median(readRates);
        double flowRate = median(flowRates);
        log.printf("  pcap4j alone (frames read)        %,12.0f packets/s%n", readRate);
        log.printf("  into connections (%,d per pass)  %,12.0f packets/s  (%.0f%% of pcap4j alone)%n",
                connections[0], flowRate, 100 * flowRate / readRate);
        log.flush();
    }

    private interface Pass {
        void run() throws CaptureException;
    }

    private static double rate(Pass pass, long packets) throws CaptureException {
        long start = System.nanoTime();
        pass.run();
        return packets / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] rates) {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private long readOnly() throws CaptureException {
        long count = 0;
        try (PcapHandle handle = Libpcap.openFile(file, null)) {
            while (true) {
                try {
                    byte[] frame = handle.getNextRawPacketEx();
                    touched += handle.getTimestamp().getTime() + frame.length;
                    count++;
                } catch (EOFException e) {
                    break;
                } catch (TimeoutException e) {
                    // not raised by a file
                }
            }
        } catch (PcapNativeException | NotOpenException e) {
            throw new CaptureException("error reading " + file + ": " + e.getMessage(), e);
        }
        return count;
    }

    private long intoConnections() throws CaptureException {
        long[] connections = new long[1];
        FlowTable table = new FlowTable(FlowTimeouts.ZEEK, new ConnectionRecords("bench", new CommunityId(0)),
                c -> connections[0]++);
        PacketCapture capture = new PacketCapture(table);
        capture.readFile(file, null, () -> false);
        capture.finish();
        return connections[0];
    }
}

package org.flowscore.capture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.flowscore.capture.flowtable.ConnectionRecords;
import org.flowscore.capture.flowtable.FlowTable;
import org.flowscore.capture.flowtable.FlowTimeouts;
import org.flowscore.capture.flowtable.PacketInfo;
import org.flowscore.flow.CommunityId;
import org.flowscore.flow.Connection;
import org.flowscore.testing.FuzzInputs;
import org.junit.jupiter.api.Test;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * Coverage-guided fuzzing of the packet decoder and the flow table behind it (docs/fuzzing.md): frames of any
 * bytes, under the link types capture reads itself, at times that may go backwards. Invariants: no exception
 * escapes, the table never tracks more than its bound, and every connection it emits is a valid record.
 */
class PacketDecoderFuzzTest {
    private static final int MAX_CONNECTIONS = 16;
    private static final DataLinkType[] LINK_TYPES = {DataLinkType.EN10MB, DataLinkType.RAW, DataLinkType.NULL,
        DataLinkType.LINUX_SLL, DataLinkType.getInstance(276), DataLinkType.getInstance(12)};

    @FuzzTest(maxDuration = "30s")
    void framesIntoConnections(FuzzedDataProvider data) {
        PacketDecoder decoder = new PacketDecoder(data.pickValue(LINK_TYPES));
        List<Connection> out = new ArrayList<>();
        FlowTable table = new FlowTable(FlowTimeouts.ZEEK.withMaxConnections(MAX_CONNECTIONS),
                new ConnectionRecords("fuzz", new CommunityId(0)), out::add);
        long ts = 1_700_000_000_000_000L;
        while (data.remainingBytes() > 2) {
            ts += data.consumeInt(-1_000_000, 400_000_000);
            byte[] frame = data.consumeBytes(data.consumeInt(0, 1600));
            for (PacketInfo p : decoder.decode(frame, ts)) {
                table.accept(p);
            }
            assertTrue(table.tracked() <= MAX_CONNECTIONS, "tracked " + table.tracked());
        }
        table.flush();
        for (Connection c : out) {
            assertTrue(c.durationMicros() >= 0 && c.orig().packets() + c.resp().packets() > 0, c::toString);
        }
    }

    /** The shared pcaps' frames through the same decoder and table, as seeds the fuzzer starts from. */
    @Test
    void sharedPcapFramesHoldTheInvariants() {
        for (String pcap : new String[] {"pcap/zeek-btest/teredo/Teredo.pcap",
                "pcap/zeek-btest/cisco-fabric-path/cisco-fabric-path.pcap", "pcap/zeek-btest/wikipedia/wikipedia.pcap"}) {
            List<byte[]> frames = frames(FuzzInputs.file(pcap));
            assertTrue(frames.size() > 50, pcap);
            PacketDecoder decoder = new PacketDecoder(DataLinkType.EN10MB);
            List<Connection> out = new ArrayList<>();
            FlowTable table = new FlowTable(FlowTimeouts.ZEEK.withMaxConnections(MAX_CONNECTIONS),
                    new ConnectionRecords("fuzz", new CommunityId(0)), out::add);
            long ts = 1_700_000_000_000_000L;
            for (byte[] f : frames) {
                decoder.decode(f, ts += 1000).forEach(table::accept);
                assertTrue(table.tracked() <= MAX_CONNECTIONS);
            }
            table.flush();
            assertTrue(!out.isEmpty(), pcap);
        }
    }

    /** The frames of a little-endian classic pcap. */
    private static List<byte[]> frames(byte[] pcap) {
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        b.position(24);
        List<byte[]> out = new ArrayList<>();
        while (b.remaining() >= 16) {
            b.position(b.position() + 8);
            int captured = b.getInt();
            b.getInt();
            byte[] frame = new byte[captured];
            b.get(frame);
            out.add(frame);
        }
        return out;
    }
}

package org.flowscore.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a classic little-endian pcap (version 2.4, microsecond timestamps) of one link type. */
final class PcapWriter {
    static final int LINKTYPE_ETHERNET = 1;
    static final int LINKTYPE_RAW = 101;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    PcapWriter(int linkType) {
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                .putInt(linkType);
        bytes.writeBytes(header.array());
    }

    PcapWriter frame(long tsMicros, byte[] frame) {
        ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt((int) (tsMicros / 1_000_000)).putInt((int) (tsMicros % 1_000_000)).putInt(frame.length)
                .putInt(frame.length);
        bytes.writeBytes(record.array());
        bytes.writeBytes(frame);
        return this;
    }

    void write(Path file) throws IOException {
        Files.write(file, bytes.toByteArray());
    }
}

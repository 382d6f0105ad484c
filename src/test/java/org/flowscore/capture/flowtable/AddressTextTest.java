package org.flowscore.capture.flowtable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressTextTest {
    @Test
    void ipv6IsWrittenCompressedAsZeekDoes() throws Exception {
        assertEquals("fe80::217:f2ff:fed7:cf65", ConnectionRecords.text(InetAddress.getByName("fe80:0:0:0:217:f2ff:fed7:cf65")));
        assertEquals("ff02::1:2", ConnectionRecords.text(InetAddress.getByName("ff02:0:0:0:0:0:1:2")));
        assertEquals("5678::", ConnectionRecords.text(InetAddress.getByName("5678:0:0:0:0:0:0:0")));
        assertEquals("::1", ConnectionRecords.text(InetAddress.getByName("::1")));
        assertEquals("2001:0:4137:9e50:8000:f12a:b9c8:2815",
                ConnectionRecords.text(InetAddress.getByName("2001:0:4137:9e50:8000:f12a:b9c8:2815")));
        assertEquals("1:0:0:2::3", ConnectionRecords.text(InetAddress.getByName("1:0:0:2:0:0:0:3")));
        assertEquals("10.0.0.1", ConnectionRecords.text(InetAddress.getByName("10.0.0.1")));
    }
}

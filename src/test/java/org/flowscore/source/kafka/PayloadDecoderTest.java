package org.flowscore.source.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.flowscore.flow.SourceFormat;
import org.junit.jupiter.api.Test;

/** Each form a record's value takes, told apart, opened and its sensor field found. */
class PayloadDecoderTest {
    private static final String ZEEK = "{\"ts\":1575413096.035613,\"uid\":\"CbSSeB3bSf3kVCfGPg\",\"id.orig_h\":"
            + "\"10.18.20.97\",\"id.orig_p\":60930,\"id.resp_h\":\"10.18.20.8\",\"id.resp_p\":53,\"proto\":\"udp\"}";
    private static final String EVE = "{\"timestamp\":\"2021-06-06T15:59:46.457984+0200\",\"flow_id\":1,"
            + "\"event_type\":\"flow\",\"src_ip\":\"78.36.196.213\",\"dest_ip\":\"192.168.1.129\",\"proto\":\"TCP\"}";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String envelope(String line, String host) throws Exception {
        var node = new ObjectMapper().createObjectNode();
        node.put("@timestamp", "2024-04-19T00:00:00.000Z");
        node.put("message", line);
        if (host != null) {
            node.putObject("host").put("name", host);
        }
        return node.toString();
    }

    @Test
    void aBareZeekRecordIsReadAsItIs() {
        RecordPayload p = new PayloadDecoder(null).decode(bytes(ZEEK));
        assertEquals(SourceFormat.ZEEK_JSON, p.format());
        assertArrayEquals(bytes(ZEEK), p.line());
        assertNull(p.sensorField());
    }

    @Test
    void zeekKafkasTaggedRecordKeepsItsEnvelopeForTheReaderAndNamesItsSensor() {
        String tagged = "{\"conn\":" + ZEEK + ",\"sensor\":\"dmz\",\"cluster\":\"east\"}";
        RecordPayload p = new PayloadDecoder("sensor").decode(bytes(tagged));
        assertEquals(SourceFormat.ZEEK_JSON, p.format());
        assertArrayEquals(bytes(tagged), p.line());
        assertEquals("dmz", p.sensorField());
    }

    @Test
    void anEveEventIsToldByItsEventType() {
        RecordPayload p = new PayloadDecoder(null).decode(bytes(EVE));
        assertEquals(SourceFormat.SURICATA_EVE, p.format());
        assertArrayEquals(bytes(EVE), p.line());
    }

    @Test
    void aShippersEnvelopeIsOpenedAndItsNestedHostNameNamesTheSensor() throws Exception {
        RecordPayload p = new PayloadDecoder("host.name").decode(bytes(envelope(EVE, "suricata-2")));
        assertEquals(SourceFormat.SURICATA_EVE, p.format());
        assertArrayEquals(bytes(EVE), p.line());
        assertEquals("suricata-2", p.sensorField());

        RecordPayload zeek = new PayloadDecoder(null).decode(bytes(envelope(ZEEK, null)));
        assertEquals(SourceFormat.ZEEK_JSON, zeek.format());
        assertArrayEquals(bytes(ZEEK), zeek.line());
    }

    @Test
    void aFlatDottedKeyNamesTheSensorToo() {
        String flat = "{\"observer.name\":\"edge-1\",\"message\":" + new ObjectMapper().valueToTree(ZEEK) + "}";
        RecordPayload p = new PayloadDecoder("observer.name").decode(bytes(flat));
        assertEquals("edge-1", p.sensorField());
        assertArrayEquals(bytes(ZEEK), p.line());
    }

    @Test
    void aSensorFieldOnlyInsideTheEnvelopedLineIsFound() throws Exception {
        String tagged = "{\"conn\":" + ZEEK + ",\"sensor\":\"inner\"}";
        RecordPayload p = new PayloadDecoder("sensor").decode(bytes(envelope(tagged, "shipper-host")));
        assertEquals("inner", p.sensorField());
        assertArrayEquals(bytes(tagged), p.line());
    }

    @Test
    void aMissingFieldNamesNoSensor() {
        assertNull(new PayloadDecoder("sensor").decode(bytes(ZEEK)).sensorField());
        assertNull(new PayloadDecoder("host.name").decode(bytes("{\"host\":{\"ip\":\"10.0.0.1\"}}")).sensorField());
    }

    @Test
    void whatIsNoneOfTheFormsGoesToTheZeekReaderWhichCountsIt() {
        byte[] garbage = {0, 1, 2, '{'};
        RecordPayload p = new PayloadDecoder("sensor").decode(garbage);
        assertEquals(SourceFormat.ZEEK_JSON, p.format());
        assertArrayEquals(garbage, p.line());
        assertNull(p.sensorField());
        assertEquals(0, new PayloadDecoder(null).decode(null).line().length);
        RecordPayload text = new PayloadDecoder(null).decode(bytes("{\"message\":\"a plain log line\"}"));
        assertArrayEquals(bytes("{\"message\":\"a plain log line\"}"), text.line());
    }
}

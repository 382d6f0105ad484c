package org.flowscore.source.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.flowscore.flow.SourceFormat;
import org.junit.jupiter.api.Test;

class SensorSourceTest {
    private static final RecordPayload PAYLOAD = new RecordPayload(SourceFormat.ZEEK_JSON, new byte[0], "from-field");

    @Test
    void theKeyNamesTheSensor() {
        SensorSource key = SensorSource.parse("key", null);
        assertEquals("dmz", key.sensor("conn", "dmz".getBytes(StandardCharsets.UTF_8), PAYLOAD));
        assertNull(key.sensor("conn", null, PAYLOAD));
        assertNull(key.sensor("conn", new byte[0], PAYLOAD));
        assertInstanceOf(SensorSource.FromKey.class, SensorSource.parse(null, null));
    }

    @Test
    void theTopicNamesTheSensorThroughThePatternsFirstGroup() {
        SensorSource topic = SensorSource.parse("topic", Pattern.compile("zeek-conn-(.+)"));
        assertEquals("dmz", topic.sensor("zeek-conn-dmz", null, PAYLOAD));
        assertEquals("other", topic.sensor("other", null, PAYLOAD));
        assertEquals("zeek-dmz", SensorSource.parse("topic", null).sensor("zeek-dmz", null, PAYLOAD));
    }

    @Test
    void aFieldNamesTheSensor() {
        SensorSource field = SensorSource.parse("field:host.name", null);
        assertEquals("host.name", field.field());
        assertEquals("from-field", field.sensor("conn", "key".getBytes(StandardCharsets.UTF_8), PAYLOAD));
        assertNull(field.sensor("conn", null, new RecordPayload(SourceFormat.ZEEK_JSON, new byte[0], " ")));
    }

    @Test
    void anythingElseIsAnErrorNamingTheForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SensorSource.parse("hostname", null));
        assertTrue(e.getMessage().contains("key, topic or field:NAME"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SensorSource.parse("field:", null));
    }
}

package org.flowscore.source.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.flowscore.flow.SourceFormat;

/**
 * Tells what a Kafka record's value holds, in the forms sensors and shippers produce:
 * <ul>
 *   <li>a bare Zeek JSON conn record (zeek-kafka without {@code tag_json}, or any JSON log shipper);</li>
 *   <li>zeek-kafka's tagged record, {@code {"conn": {...}}} with its {@code additional_message_values} beside
 *       it at the root (the Zeek JSON reader opens the envelope itself);</li>
 *   <li>a Suricata EVE event (it has {@code event_type});</li>
 *   <li>a shipper's envelope (Filebeat's JSON codec, Logstash, Fluent Bit) whose string {@code message} holds
 *       the original line, with the shipper's fields ({@code host.name}, {@code observer.name}) around it.</li>
 * </ul>
 * Only the root is looked at, its nested objects skipped, and not even that when the value cannot be an
 * envelope and no sensor field is asked for: the reader parses every record anyway. One decoder per thread.
 */
public final class PayloadDecoder {
    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] MESSAGE = "\"message\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EVENT_TYPE = "\"event_type\"".getBytes(StandardCharsets.UTF_8);

    private final String fieldPath;
    private final String[] fieldSteps;

    /** @param sensorField the field naming the sensor, dotted for nested objects ({@code host.name}), or null */
    public PayloadDecoder(String sensorField) {
        this.fieldPath = sensorField;
        this.fieldSteps = sensorField == null ? null : sensorField.split("\\.");
    }

    public RecordPayload decode(byte[] value) {
        if (value == null) {
            return new RecordPayload(SourceFormat.ZEEK_JSON, new byte[0], null);
        }
        if (fieldPath == null && indexOf(value, MESSAGE) < 0) {
            return new RecordPayload(formatOf(value), value, null);
        }
        Root root = scanRoot(value);
        if (root.message != null && !root.eveEvent && root.message.stripLeading().startsWith("{")) {
            byte[] inner = root.message.getBytes(StandardCharsets.UTF_8);
            String field = root.field != null || fieldPath == null ? root.field : scanRoot(inner).field;
            return new RecordPayload(formatOf(inner), inner, field);
        }
        return new RecordPayload(root.eveEvent ? SourceFormat.SURICATA_EVE : SourceFormat.ZEEK_JSON, value,
                root.field);
    }

    private static SourceFormat formatOf(byte[] line) {
        return indexOf(line, EVENT_TYPE) >= 0 ? SourceFormat.SURICATA_EVE : SourceFormat.ZEEK_JSON;
    }

    /** What the root object says; whatever could not be read is left null (the reader will say why). */
    private static final class Root {
        boolean eveEvent;
        String message;
        String field;
    }

    private Root scanRoot(byte[] value) {
        Root root = new Root();
        try (JsonParser p = JSON.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return root;
            }
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                if (name.equals("event_type")) {
                    root.eveEvent = true;
                    p.skipChildren();
                } else if (name.equals("message") && t == JsonToken.VALUE_STRING) {
                    root.message = p.getText();
                } else if (fieldSteps != null && root.field == null && name.equals(fieldPath) && t.isScalarValue()) {
                    root.field = text(p, t);
                } else if (fieldSteps != null && root.field == null && fieldSteps.length > 1
                        && name.equals(fieldSteps[0]) && t == JsonToken.START_OBJECT) {
                    root.field = nested(p, 1);
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException unreadable) {
            // What was read stands; the log reader reports the line as it finds it.
        }
        return root;
    }

    /** The value at {@code fieldSteps[step..]} inside the object just opened, which is read to its end. */
    private String nested(JsonParser p, int step) throws IOException {
        String found = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            if (found == null && name.equals(fieldSteps[step])) {
                if (step == fieldSteps.length - 1 && t.isScalarValue()) {
                    found = text(p, t);
                    continue;
                }
                if (step < fieldSteps.length - 1 && t == JsonToken.START_OBJECT) {
                    found = nested(p, step + 1);
                    continue;
                }
            }
            p.skipChildren();
        }
        return found;
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        return t == JsonToken.VALUE_NULL ? null : p.getText();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (haystack[i] != needle[0]) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

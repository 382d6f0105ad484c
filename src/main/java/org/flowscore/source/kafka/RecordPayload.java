package org.flowscore.source.kafka;

import org.flowscore.flow.SourceFormat;

/**
 * A record's value as a log line: the line a log reader reads (a shipper's envelope opened) and its format.
 *
 * @param format      {@link SourceFormat#SURICATA_EVE} for an EVE event, else {@link SourceFormat#ZEEK_JSON}: a
 *                    value that is neither is read as Zeek JSON, whose reader counts it with the reason it is not
 *                    (malformed JSON, binary data, not a conn log)
 * @param line        the line's bytes: the value itself, or the text of an envelope's {@code message}
 * @param sensorField the value of the configured sensor field, or null (none configured, or not there)
 */
public record RecordPayload(SourceFormat format, byte[] line, String sensorField) {
}

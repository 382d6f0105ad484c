package org.flowscore.format;

import java.time.format.DateTimeParseException;
import org.flowscore.flow.Connection;
import org.flowscore.flow.FlowKey;
import org.flowscore.flow.GroundTruth;
import org.flowscore.flow.SourceFormat;
import org.flowscore.flow.Traffic;
import org.flowscore.flow.Transport;

/**
 * Collects one conn.log record's field texts (from TSV columns or JSON keys) and builds the
 * {@link Connection}, so both Zeek formats share one interpretation of every field. Reused record after
 * record by one reader: call {@link #reset()} before each.
 */
final class ZeekConnAssembler {
    private static final ZeekConnField[] FIELDS = ZeekConnField.values();

    private final String[] values = new String[FIELDS.length];
    private final ReaderContext context;
    private final SourceFormat format;

    ZeekConnAssembler(ReaderContext context, SourceFormat format) {
        this.context = context;
        this.format = format;
    }

    void reset() {
        java.util.Arrays.fill(values, null);
    }

    /** Sets a field's text; null means unset. */
    void set(ZeekConnField field, String text) {
        values[field.ordinal()] = text;
    }

    /** True when any field that only conn.log carries is present, to tell it from dns.log and friends. */
    boolean looksLikeConnRecord() {
        return has(ZeekConnField.CONN_STATE) || has(ZeekConnField.ORIG_PKTS) || has(ZeekConnField.HISTORY)
                || has(ZeekConnField.ORIG_IP_BYTES);
    }

    LineOutcome build() {
        for (ZeekConnField required : new ZeekConnField[] {ZeekConnField.TS, ZeekConnField.ORIG_H,
                ZeekConnField.ORIG_P, ZeekConnField.RESP_H, ZeekConnField.RESP_P, ZeekConnField.PROTO}) {
            if (!has(required)) {
                return new LineOutcome.Skipped(SkipReason.MISSING_FIELD, "no " + required.zeekName());
            }
        }
        long start;
        try {
            start = timestamp(get(ZeekConnField.TS));
        } catch (NumberFormatException | DateTimeParseException e) {
            return new LineOutcome.Skipped(SkipReason.BAD_TIMESTAMP, "ts '" + get(ZeekConnField.TS) + "'");
        }
        ZeekConnField current = ZeekConnField.DURATION;
        try {
            long duration = has(current) ? Timestamps.secondsToMicros(get(current)) : 0;
            current = ZeekConnField.ORIG_P;
            int origPort = port(get(current));
            current = ZeekConnField.RESP_P;
            int respPort = port(get(current));
            Transport transport = Transport.fromName(get(ZeekConnField.PROTO));
            current = ZeekConnField.IP_PROTO;
            int ipProto = transport != Transport.OTHER ? transport.ipProto()
                    : has(current) ? Integer.parseInt(get(current)) : 0;
            FlowKey key = new FlowKey(get(ZeekConnField.ORIG_H), origPort, get(ZeekConnField.RESP_H), respPort,
                    transport, ipProto);
            current = ZeekConnField.ORIG_BYTES;
            long origBytes = count(current);
            current = ZeekConnField.ORIG_PKTS;
            long origPkts = count(current);
            current = ZeekConnField.ORIG_IP_BYTES;
            Traffic orig = new Traffic(origBytes, origPkts, count(current));
            current = ZeekConnField.RESP_BYTES;
            long respBytes = count(current);
            current = ZeekConnField.RESP_PKTS;
            long respPkts = count(current);
            current = ZeekConnField.RESP_IP_BYTES;
            Traffic resp = new Traffic(respBytes, respPkts, count(current));
            current = ZeekConnField.MISSED_BYTES;
            long missed = count(current);
            String communityId;
            try {
                communityId = context.communityId().of(key);
            } catch (IllegalArgumentException e) {
                return new LineOutcome.Skipped(SkipReason.BAD_ADDRESS,
                        "address '" + key.sourceIp() + "' or '" + key.destinationIp() + "'");
            }
            return new LineOutcome.Parsed(new Connection(start, duration, get(ZeekConnField.UID), key,
                    get(ZeekConnField.SERVICE), orig, resp, missed, get(ZeekConnField.CONN_STATE),
                    get(ZeekConnField.HISTORY), bool(ZeekConnField.LOCAL_ORIG), bool(ZeekConnField.LOCAL_RESP), 0,
                    false, communityId, format, context.sensor(), truth()));
        } catch (NumberFormatException e) {
            return new LineOutcome.Skipped(SkipReason.BAD_NUMBER,
                    current.zeekName() + " '" + get(current) + "'");
        }
    }

    private boolean has(ZeekConnField f) {
        return values[f.ordinal()] != null;
    }

    private String get(ZeekConnField f) {
        return values[f.ordinal()];
    }

    private long count(ZeekConnField f) {
        String s = get(f);
        if (s == null) {
            return 0;
        }
        long v = Long.parseLong(s);
        if (v < 0) {
            throw new NumberFormatException("negative count");
        }
        return v;
    }

    private static int port(String s) {
        int p = Integer.parseInt(s);
        if (p < 0 || p > 65535) {
            throw new NumberFormatException("port out of range");
        }
        return p;
    }

    private static long timestamp(String s) {
        return s.indexOf('T') > 0 && s.indexOf('-') > 0 ? Timestamps.isoToMicros(s) : Timestamps.secondsToMicros(s);
    }

    private Boolean bool(ZeekConnField f) {
        String s = get(f);
        if (s == null) {
            return null;
        }
        return s.equals("T") || s.equals("true");
    }

    private GroundTruth truth() {
        String label = get(ZeekConnField.LABEL);
        return label == null ? null : new GroundTruth(label, get(ZeekConnField.DETAILED_LABEL));
    }
}

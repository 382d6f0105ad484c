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
    private static final ZeekConnField[] REQUIRED = {ZeekConnField.TS, ZeekConnField.ORIG_H, ZeekConnField.ORIG_P,
        ZeekConnField.RESP_H, ZeekConnField.RESP_P, ZeekConnField.PROTO};

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
        return build(ZeekConnField::zeekName);
    }

    /** Builds the connection; {@code names} gives a field's name as this input spells it, for messages. */
    LineOutcome build(java.util.function.Function<ZeekConnField, String> names) {
        for (ZeekConnField required : REQUIRED) {
            if (!has(required)) {
                return new LineOutcome.Skipped(SkipReason.MISSING_FIELD, "no " + names.apply(required));
            }
        }
        long start;
        try {
            start = Timestamps.zeekTimeToMicros(get(ZeekConnField.TS));
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            return new LineOutcome.Skipped(SkipReason.BAD_TIMESTAMP, "ts '" + get(ZeekConnField.TS) + "'");
        }
        try {
            long duration = has(ZeekConnField.DURATION) ? seconds(ZeekConnField.DURATION) : 0;
            Transport transport = Transport.fromName(get(ZeekConnField.PROTO));
            int ipProto = transport != Transport.OTHER ? transport.ipProto()
                    : has(ZeekConnField.IP_PROTO) ? (int) number(ZeekConnField.IP_PROTO, 255) : 0;
            FlowKey key = new FlowKey(get(ZeekConnField.ORIG_H), (int) number(ZeekConnField.ORIG_P, 65535),
                    get(ZeekConnField.RESP_H), (int) number(ZeekConnField.RESP_P, 65535), transport, ipProto);
            Traffic orig = new Traffic(count(ZeekConnField.ORIG_BYTES), count(ZeekConnField.ORIG_PKTS),
                    count(ZeekConnField.ORIG_IP_BYTES));
            Traffic resp = new Traffic(count(ZeekConnField.RESP_BYTES), count(ZeekConnField.RESP_PKTS),
                    count(ZeekConnField.RESP_IP_BYTES));
            long missed = count(ZeekConnField.MISSED_BYTES);
            String communityId;
            try {
                communityId = context.communityId().of(key);
            } catch (IllegalArgumentException e) {
                return new LineOutcome.Skipped(SkipReason.BAD_ADDRESS,
                        "address '" + key.sourceIp() + "' or '" + key.destinationIp() + "'");
            }
            return new LineOutcome.Parsed(new Connection(start, duration, get(ZeekConnField.UID), key,
                    get(ZeekConnField.SERVICE), orig, resp, missed, get(ZeekConnField.CONN_STATE),
                    get(ZeekConnField.HISTORY), local(ZeekConnField.LOCAL_ORIG, key.sourceIp()),
                    local(ZeekConnField.LOCAL_RESP, key.destinationIp()), 0,
                    false, communityId, format, context.sensor(), truth(), tunnelParents()));
        } catch (BadNumber bad) {
            return new LineOutcome.Skipped(SkipReason.BAD_NUMBER,
                    bad.field.zeekName() + " '" + get(bad.field) + "'");
        }
    }

    /** A field whose text is not the number it must be; carries the field for the message. */
    private static final class BadNumber extends Exception {
        final transient ZeekConnField field;

        BadNumber(ZeekConnField field) {
            super(null, null, false, false);
            this.field = field;
        }
    }

    private boolean has(ZeekConnField f) {
        return values[f.ordinal()] != null;
    }

    private String get(ZeekConnField f) {
        return values[f.ordinal()];
    }

    /** A count; unset is 0. */
    private long count(ZeekConnField f) throws BadNumber {
        return has(f) ? number(f, Long.MAX_VALUE) : 0;
    }

    private long number(ZeekConnField f, long max) throws BadNumber {
        try {
            long v = Long.parseLong(get(f));
            if (v < 0 || v > max) {
                throw new BadNumber(f);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadNumber(f);
        }
    }

    private long seconds(ZeekConnField f) throws BadNumber {
        try {
            return Timestamps.secondsToMicros(get(f));
        } catch (NumberFormatException e) {
            throw new BadNumber(f);
        }
    }

    /** The log's own local flag when it has one, else whether the site's local networks hold {@code ip}. */
    private boolean local(ZeekConnField f, String ip) {
        String s = get(f);
        if (s == null) {
            return context.isLocal(ip);
        }
        return s.equals("T") || s.equals("true");
    }

    /** Zeek writes an unset or empty set as {@code -} or {@code (empty)}: both mean no tunnel. */
    private java.util.List<String> tunnelParents() {
        String joined = get(ZeekConnField.TUNNEL_PARENTS);
        if (joined == null || joined.isEmpty()) {
            return java.util.List.of();
        }
        return java.util.List.of(joined.split(","));
    }

    private GroundTruth truth() {
        String label = get(ZeekConnField.LABEL);
        return label == null ? null : new GroundTruth(label, get(ZeekConnField.DETAILED_LABEL));
    }
}

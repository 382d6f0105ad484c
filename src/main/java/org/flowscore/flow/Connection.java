package org.flowscore.flow;

import java.util.List;

/**
 * One connection, normalised from Zeek {@code conn.log} (TSV or JSON) or a Suricata {@code flow} event.
 * Every later stage (features, model, sinks) sees only this record.
 *
 * @param startMicros      start time, microseconds since the epoch (Zeek {@code ts}, Suricata {@code flow.start})
 * @param durationMicros   duration in microseconds; 0 when the log leaves it unset
 * @param recordId         the producer's own id: Zeek {@code uid}, Suricata {@code flow_id} (decimal)
 * @param key              5-tuple, originator first
 * @param service          Zeek {@code service} / Suricata {@code app_proto}; null when none was detected
 * @param orig             what the originator sent
 * @param resp             what the responder sent
 * @param missedBytes      bytes Zeek missed (gaps); 0 when unknown
 * @param connState        Zeek {@code conn_state}, or the state derived from Suricata's TCP flags; null when unknown
 * @param history          Zeek {@code history}; null when unknown
 * @param localOrig        whether the originator is local: Zeek's {@code local_orig}, else what the reader's
 *                         local networks say; null when nobody decided (connections made without a reader)
 * @param localResp        the same for the responder ({@code local_resp})
 * @param urgentPackets    packets with URG set, where the log tells (Suricata's {@code tcp.urg}), else 0
 * @param payloadEstimated true when payload bytes were estimated from whole-packet counts (Suricata)
 * @param communityId      Community ID v1 of the 5-tuple
 * @param format           the log format it came from
 * @param sensor           name of the sensor that saw it (configured per input)
 * @param truth            the label carried by the log, or null
 * @param tunnelParents    record ids of the tunnels this connection was carried in, outermost last (Zeek's
 *                         {@code tunnel_parents}); empty when it was not tunnelled
 */
public record Connection(
        long startMicros,
        long durationMicros,
        String recordId,
        FlowKey key,
        String service,
        Traffic orig,
        Traffic resp,
        long missedBytes,
        String connState,
        String history,
        Boolean localOrig,
        Boolean localResp,
        int urgentPackets,
        boolean payloadEstimated,
        String communityId,
        SourceFormat format,
        String sensor,
        GroundTruth truth,
        List<String> tunnelParents) {

    public Connection {
        if (key == null || orig == null || resp == null || format == null) {
            throw new IllegalArgumentException("a connection needs a flow key, traffic on both sides and a format");
        }
        if (durationMicros < 0) {
            throw new IllegalArgumentException("negative duration: " + durationMicros);
        }
        tunnelParents = tunnelParents == null ? List.of() : List.copyOf(tunnelParents);
    }

    /** A connection that was not carried in a tunnel: what every log line without {@code tunnel_parents} gives. */
    public Connection(long startMicros, long durationMicros, String recordId, FlowKey key, String service,
                      Traffic orig, Traffic resp, long missedBytes, String connState, String history,
                      Boolean localOrig, Boolean localResp, int urgentPackets, boolean payloadEstimated,
                      String communityId, SourceFormat format, String sensor, GroundTruth truth) {
        this(startMicros, durationMicros, recordId, key, service, orig, resp, missedBytes, connState, history,
                localOrig, localResp, urgentPackets, payloadEstimated, communityId, format, sensor, truth, List.of());
    }

    /** End time in microseconds since the epoch: the order Zeek and Suricata write connections in. */
    public long endMicros() {
        return startMicros + durationMicros;
    }

    public Transport transport() {
        return key.transport();
    }

    /** The same connection moved in time, as replays and benchmarks shift real logs. */
    public Connection withStartMicros(long newStartMicros) {
        return new Connection(newStartMicros, durationMicros, recordId, key, service, orig, resp, missedBytes, connState,
                history, localOrig, localResp, urgentPackets, payloadEstimated, communityId, format, sensor, truth,
                tunnelParents);
    }

    /** The same connection with another label, as a training corpus corrects a capture's known mislabels. */
    public Connection withTruth(GroundTruth newTruth) {
        return new Connection(startMicros, durationMicros, recordId, key, service, orig, resp, missedBytes, connState,
                history, localOrig, localResp, urgentPackets, payloadEstimated, communityId, format, sensor, newTruth,
                tunnelParents);
    }

    /** The same connection under another record id (Zeek uid), as a benchmark makes every record its own. */
    public Connection withRecordId(String newRecordId) {
        return new Connection(startMicros, durationMicros, newRecordId, key, service, orig, resp, missedBytes, connState,
                history, localOrig, localResp, urgentPackets, payloadEstimated, communityId, format, sensor, truth,
                tunnelParents);
    }
}

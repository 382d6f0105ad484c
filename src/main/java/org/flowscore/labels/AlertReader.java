package org.flowscore.labels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.function.Consumer;
import org.flowscore.flow.CommunityId;
import org.flowscore.flow.FlowKey;
import org.flowscore.flow.Transport;
import org.flowscore.format.Timestamps;
import org.flowscore.source.InputException;
import org.flowscore.source.InputFile;
import org.flowscore.source.InputOpener;

/**
 * Reads the {@code alert} events of a Suricata EVE file (plain or gzipped). Only lines that mention
 * {@code "alert"} are parsed: an EVE file is mostly flow, DNS and TLS events. An alert line that cannot be
 * read is counted and the first such problem kept for the summary; reading goes on.
 */
public final class AlertReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What one file held.
     *
     * @param alerts       alert events read
     * @param unreadable   alert lines skipped
     * @param firstProblem the first skipped line's number and why; null when none was
     */
    public record Read(long alerts, long unreadable, String firstProblem) {
    }

    private AlertReader() {
    }

    /**
     * @param hasher computes each alert's Community ID as the readers do for connections (same seed)
     */
    public static Read read(InputFile file, CommunityId hasher, Consumer<SuricataAlert> sink) throws InputException {
        long alerts = 0;
        long unreadable = 0;
        String firstProblem = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(InputOpener.open(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (!line.contains("\"alert\"")) {
                    continue;
                }
                String problem;
                try {
                    JsonNode event = JSON.readTree(line);
                    if (event == null || !"alert".equals(event.path("event_type").asText())) {
                        continue;
                    }
                    sink.accept(alert(event, hasher));
                    alerts++;
                    continue;
                } catch (JsonProcessingException e) {
                    problem = "not JSON: " + e.getOriginalMessage();
                } catch (IllegalArgumentException | DateTimeException e) {
                    problem = e.getMessage();
                }
                unreadable++;
                if (firstProblem == null) {
                    firstProblem = "line " + number + ": " + problem;
                }
            }
        } catch (IOException e) {
            throw new InputException(file.displayName() + ": cannot read: " + e.getMessage(), e);
        }
        return new Read(alerts, unreadable, firstProblem);
    }

    private static SuricataAlert alert(JsonNode event, CommunityId hasher) {
        JsonNode alert = event.path("alert");
        if (!alert.isObject() || !alert.path("signature_id").canConvertToLong()) {
            throw new IllegalArgumentException("an alert event without alert.signature_id");
        }
        // The flow's start is the time a Zeek connection of the same packets starts at. The alert's own timestamp
        // is the alerting packet's, or, for an alert raised as an offline run ends a flow, at times the first
        // packet's of the whole capture (slips-test6 has ten such alerts on flows of hours later).
        JsonNode flowStart = event.path("flow").path("start");
        String field = flowStart.isTextual() ? "flow.start" : "timestamp";
        String text = flowStart.isTextual() ? flowStart.asText() : event.path("timestamp").asText("");
        long time;
        try {
            time = Timestamps.isoToMicros(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not an ISO-8601 time", e);
        }
        JsonNode flowId = event.get("flow_id");
        String sourceIp = event.path("src_ip").asText(null);
        return new SuricataAlert(flowId == null || flowId.isNull() ? null : flowId.asText(), time, sourceIp,
                communityId(event, sourceIp, hasher), alert.path("signature_id").asLong(),
                alert.path("signature").asText(""), alert.path("category").asText(""),
                alert.path("severity").asInt(SuricataAlert.INFORMATIONAL_SEVERITY));
    }

    /** The alert's Community ID, or null when its 5-tuple is incomplete or of a protocol the hash does not know. */
    private static String communityId(JsonNode event, String sourceIp, CommunityId hasher) {
        String destinationIp = event.path("dest_ip").asText(null);
        Transport transport = Transport.fromName(event.path("proto").asText(null));
        if (sourceIp == null || destinationIp == null || transport == Transport.OTHER) {
            return null;
        }
        boolean icmp = transport.isIcmp();
        int sourcePort = event.path(icmp ? "icmp_type" : "src_port").asInt(0);
        int destinationPort = event.path(icmp ? "icmp_code" : "dest_port").asInt(0);
        try {
            return hasher.of(FlowKey.of(sourceIp, sourcePort, destinationIp, destinationPort, transport));
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }
}

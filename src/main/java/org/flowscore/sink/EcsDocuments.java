package org.flowscore.sink;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.flowscore.features.FeatureSet;
import org.flowscore.flow.Connection;
import org.flowscore.flow.FlowKey;
import org.flowscore.flow.SourceFormat;
import org.flowscore.model.ModelInfo;
import org.flowscore.model.ScoredFlow;
import org.flowscore.model.score.Contribution;

/**
 * Renders a scored flow as an ECS document, shaped like Elastic's own Zeek and Suricata integrations
 * write connections ({@code source.*}, {@code destination.*}, {@code network.*}, {@code event.*},
 * {@code zeek.session_id} / {@code suricata.eve.flow_id}; {@code capture.session_id} for capture's own) so
 * existing dashboards and pivots work, tunnelled connections with their {@code tunnel_parents}, with the
 * model's output and the features (the 41, and the extended ones when computed) under {@code flowscore.*}.
 * {@code network.direction} comes from the site's local networks or the log's own local flags. An alert is
 * the flow's document with another {@code event.kind} and {@code event.dataset}, spliced from the same text.
 * What the allowlist and the alert rules decided ({@link FlowMarks}) is written under {@code flowscore.allowlisted},
 * {@code flowscore.allowlist.id} and {@code flowscore.alert.*}. One instance per thread.
 */
public final class EcsDocuments {
    public static final String ECS_VERSION = "8.17.0";

    /**
     * A flow's documents as UTF-8 JSON: its event, and its alert copy when one was asked for and it is flagged
     * (else null).
     */
    public record Documents(byte[] event, byte[] alert) {
    }

    private static final JsonLine.Name TIMESTAMP = JsonLine.Name.of("@timestamp");
    private static final JsonLine.Name ECS = JsonLine.Name.of("ecs");
    private static final JsonLine.Name VERSION = JsonLine.Name.of("version");
    private static final JsonLine.Name EVENT = JsonLine.Name.of("event");
    private static final JsonLine.Name ID = JsonLine.Name.of("id");
    private static final JsonLine.Name KIND = JsonLine.Name.of("kind");
    private static final JsonLine.Name CATEGORY = JsonLine.Name.of("category");
    private static final JsonLine.Name TYPE = JsonLine.Name.of("type");
    private static final JsonLine.Name MODULE = JsonLine.Name.of("module");
    private static final JsonLine.Name DATASET = JsonLine.Name.of("dataset");
    private static final JsonLine.Name START = JsonLine.Name.of("start");
    private static final JsonLine.Name END = JsonLine.Name.of("end");
    private static final JsonLine.Name DURATION = JsonLine.Name.of("duration");
    private static final JsonLine.Name RISK_SCORE = JsonLine.Name.of("risk_score");
    private static final JsonLine.Name RISK_SCORE_NORM = JsonLine.Name.of("risk_score_norm");
    private static final JsonLine.Name OBSERVER = JsonLine.Name.of("observer");
    private static final JsonLine.Name NAME = JsonLine.Name.of("name");
    private static final JsonLine.Name PRODUCT = JsonLine.Name.of("product");
    private static final JsonLine.Name SOURCE = JsonLine.Name.of("source");
    private static final JsonLine.Name DESTINATION = JsonLine.Name.of("destination");
    private static final JsonLine.Name IP = JsonLine.Name.of("ip");
    private static final JsonLine.Name ADDRESS = JsonLine.Name.of("address");
    private static final JsonLine.Name PORT = JsonLine.Name.of("port");
    private static final JsonLine.Name BYTES = JsonLine.Name.of("bytes");
    private static final JsonLine.Name PACKETS = JsonLine.Name.of("packets");
    private static final JsonLine.Name NETWORK = JsonLine.Name.of("network");
    private static final JsonLine.Name TRANSPORT = JsonLine.Name.of("transport");
    private static final JsonLine.Name IANA_NUMBER = JsonLine.Name.of("iana_number");
    private static final JsonLine.Name PROTOCOL = JsonLine.Name.of("protocol");
    private static final JsonLine.Name COMMUNITY_ID = JsonLine.Name.of("community_id");
    private static final JsonLine.Name DIRECTION = JsonLine.Name.of("direction");
    private static final JsonLine.Name RELATED = JsonLine.Name.of("related");
    private static final JsonLine.Name ZEEK = JsonLine.Name.of("zeek");
    private static final JsonLine.Name SESSION_ID = JsonLine.Name.of("session_id");
    private static final JsonLine.Name CONNECTION = JsonLine.Name.of("connection");
    private static final JsonLine.Name STATE = JsonLine.Name.of("state");
    private static final JsonLine.Name HISTORY = JsonLine.Name.of("history");
    private static final JsonLine.Name TUNNEL_PARENTS = JsonLine.Name.of("tunnel_parents");
    private static final JsonLine.Name ICMP = JsonLine.Name.of("icmp");
    private static final JsonLine.Name CODE = JsonLine.Name.of("code");
    private static final JsonLine.Name CAPTURE = JsonLine.Name.of("capture");
    private static final JsonLine.Name SURICATA = JsonLine.Name.of("suricata");
    private static final JsonLine.Name EVE = JsonLine.Name.of("eve");
    private static final JsonLine.Name FLOW_ID = JsonLine.Name.of("flow_id");
    private static final JsonLine.Name ICMP_TYPE = JsonLine.Name.of("icmp_type");
    private static final JsonLine.Name ICMP_CODE = JsonLine.Name.of("icmp_code");
    private static final JsonLine.Name FLOWSCORE = JsonLine.Name.of("flowscore");
    private static final JsonLine.Name SCORE = JsonLine.Name.of("score");
    private static final JsonLine.Name LABEL = JsonLine.Name.of("label");
    private static final JsonLine.Name THRESHOLD = JsonLine.Name.of("threshold");
    private static final JsonLine.Name MODEL = JsonLine.Name.of("model");
    private static final JsonLine.Name ALGORITHM = JsonLine.Name.of("algorithm");
    private static final JsonLine.Name CALIBRATION = JsonLine.Name.of("calibration");
    private static final JsonLine.Name SOURCE_FORMAT = JsonLine.Name.of("source_format");
    private static final JsonLine.Name CONN_STATE = JsonLine.Name.of("conn_state");
    private static final JsonLine.Name PAYLOAD_ESTIMATED = JsonLine.Name.of("payload_estimated");
    private static final JsonLine.Name EXPLANATION = JsonLine.Name.of("explanation");
    private static final JsonLine.Name FEATURE = JsonLine.Name.of("feature");
    private static final JsonLine.Name VALUE = JsonLine.Name.of("value");
    private static final JsonLine.Name CONTRIBUTION = JsonLine.Name.of("contribution");
    private static final JsonLine.Name TRUTH = JsonLine.Name.of("truth");
    private static final JsonLine.Name DETAIL = JsonLine.Name.of("detail");
    private static final JsonLine.Name FEATURES = JsonLine.Name.of("features");
    private static final JsonLine.Name ALLOWLISTED = JsonLine.Name.of("allowlisted");
    private static final JsonLine.Name ALLOWLIST = JsonLine.Name.of("allowlist");
    private static final JsonLine.Name ALERT = JsonLine.Name.of("alert");
    private static final JsonLine.Name SEVERITY = JsonLine.Name.of("severity");
    private static final JsonLine.Name GROUP = JsonLine.Name.of("group");
    private static final byte[] EVENT_KIND = ascii("event");
    private static final byte[] ALERT_KIND = ascii("alert");
    private static final byte[] FLOW_DATASET = ascii("flowscore.flow");
    private static final byte[] ALERT_DATASET = ascii("flowscore.alert");
    private static final List<JsonLine.Name> KDD_NAMES = names(FeatureSet.NSL_KDD);
    private static final List<JsonLine.Name> EXTENDED_NAMES = names(FeatureSet.EXTENDED);

    private final JsonLine json = new JsonLine();
    private final DocumentIds ids = new DocumentIds();
    private final ModelInfo model;
    private final double threshold;

    public EcsDocuments(ModelInfo model, double threshold) {
        this.model = model;
        this.threshold = threshold;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static List<JsonLine.Name> names(FeatureSet set) {
        return set.names().stream().map(JsonLine.Name::of).toList();
    }

    /** The deterministic id of the flow's document. */
    public String id(ScoredFlow flow) {
        return ids.of(flow.connection());
    }

    /** The flow's documents without marks: as {@link #render(ScoredFlow, String, boolean, FlowMarks)} with none. */
    public Documents render(ScoredFlow flow, String id, boolean withAlert) {
        return render(flow, id, withAlert, FlowMarks.NONE);
    }

    /**
     * The flow's event document, one line of JSON, and its alert copy when {@code withAlert} and the flow is
     * flagged and gets an alert of its own ({@link FlowMarks#alertOfItsOwn}).
     *
     * @param id    the flow's {@link #id}
     * @param marks what the allowlist and the alert rules made of it
     */
    public Documents render(ScoredFlow flow, String id, boolean withAlert, FlowMarks marks) {
        Connection c = flow.connection();
        FlowKey k = c.key();
        json.begin().timestamp(TIMESTAMP, c.startMicros())
                .object(ECS).field(VERSION, ECS_VERSION).endObject()
                .object(EVENT).field(ID, id);
        int kindAt = json.length() + 1 + KIND.encoded().length + 1;
        json.field(KIND, "event").array(CATEGORY).value("network").endArray().array(TYPE);
        for (String t : EcsEventTypes.of(c)) {
            json.value(t);
        }
        json.endArray().field(MODULE, "flowscore");
        int datasetAt = json.length() + 1 + DATASET.encoded().length + 1;
        json.field(DATASET, "flowscore.flow")
                .timestamp(START, c.startMicros())
                .timestamp(END, c.endMicros())
                .field(DURATION, c.durationMicros() * 1000)
                .field(RISK_SCORE, Math.round(flow.score() * 10000) / 100.0)
                .field(RISK_SCORE_NORM, Math.round(flow.score() * 10000) / 100.0)
                .endObject();

        json.object(OBSERVER).field(NAME, c.sensor()).field(PRODUCT, c.format().producer()).field(TYPE, "sensor")
                .endObject();
        endpoint(SOURCE, k.sourceIp(), k.sourcePort(), c.orig().ipBytes(), c.orig().packets(), c);
        endpoint(DESTINATION, k.destinationIp(), k.destinationPort(), c.resp().ipBytes(), c.resp().packets(), c);

        json.object(NETWORK).field(TRANSPORT, c.transport().ecsName())
                .field(IANA_NUMBER, Integer.toString(k.ipProto()))
                .field(TYPE, k.sourceIp().indexOf(':') >= 0 ? "ipv6" : "ipv4");
        if (c.service() != null && !c.service().isEmpty()) {
            json.field(PROTOCOL, firstService(c.service()));
        }
        json.field(COMMUNITY_ID, c.communityId())
                .field(BYTES, c.orig().ipBytes() + c.resp().ipBytes())
                .field(PACKETS, c.orig().packets() + c.resp().packets())
                .field(DIRECTION, flow.direction().ecsName())
                .endObject();

        json.object(RELATED).array(IP).value(k.sourceIp());
        if (!k.destinationIp().equals(k.sourceIp())) {
            json.value(k.destinationIp());
        }
        json.endArray().endObject();

        producerFields(c);
        flowscore(flow, marks);
        byte[] event = json.end();
        if (!withAlert || !flow.attack() || !marks.alertOfItsOwn()) {
            return new Documents(event, null);
        }
        return new Documents(event, alertCopy(event, kindAt, datasetAt));
    }

    /** The event with {@code "alert"} for its kind and {@code "flowscore.alert"} for its dataset. */
    private static byte[] alertCopy(byte[] event, int kindAt, int datasetAt) {
        byte[] alert = new byte[event.length + ALERT_KIND.length - EVENT_KIND.length + ALERT_DATASET.length
                - FLOW_DATASET.length];
        int at = splice(event, 0, kindAt, alert, 0, ALERT_KIND);
        at = splice(event, kindAt + EVENT_KIND.length, datasetAt, alert, at, ALERT_DATASET);
        int rest = datasetAt + FLOW_DATASET.length;
        System.arraycopy(event, rest, alert, at, event.length - rest);
        return alert;
    }

    /** Copies {@code from[start, end)} then {@code insert} to {@code to} at {@code at}; returns where it ended. */
    private static int splice(byte[] from, int start, int end, byte[] to, int at, byte[] insert) {
        System.arraycopy(from, start, to, at, end - start);
        at += end - start;
        System.arraycopy(insert, 0, to, at, insert.length);
        return at + insert.length;
    }

    /** The first of Zeek's comma-separated services, lower-cased, as ECS's {@code network.protocol}. */
    private static String firstService(String service) {
        int comma = service.indexOf(',');
        return (comma < 0 ? service : service.substring(0, comma)).toLowerCase(Locale.ROOT);
    }

    private void endpoint(JsonLine.Name side, String ip, int port, long bytes, long packets, Connection c) {
        json.object(side).field(IP, ip).field(ADDRESS, ip);
        if (!c.transport().isIcmp()) {
            json.field(PORT, port);
        }
        json.field(BYTES, bytes).field(PACKETS, packets).endObject();
    }

    /** The producer's own identifiers, named as Elastic's integrations name them, for pivots. */
    private void producerFields(Connection c) {
        if (c.format().producer().equals("zeek")) {
            json.object(ZEEK);
            if (c.recordId() != null) {
                json.field(SESSION_ID, c.recordId());
            }
            json.object(CONNECTION);
            if (c.connState() != null) {
                json.field(STATE, c.connState());
            }
            if (c.history() != null) {
                json.field(HISTORY, c.history());
            }
            tunnelParents(c);
            if (c.transport().isIcmp()) {
                json.object(ICMP).field(TYPE, c.key().sourcePort()).field(CODE, c.key().destinationPort()).endObject();
            }
            json.endObject().endObject();
        } else if (c.format() == SourceFormat.PCAP) {
            // capture's own connections: their id, so a tunnelled connection's parents can be looked up.
            json.object(CAPTURE).field(SESSION_ID, c.recordId());
            tunnelParents(c);
            json.endObject();
        } else if (c.format().producer().equals("suricata")) {
            json.object(SURICATA).object(EVE);
            if (c.recordId() != null) {
                json.field(FLOW_ID, c.recordId());
            }
            if (c.transport().isIcmp()) {
                json.field(ICMP_TYPE, c.key().sourcePort()).field(ICMP_CODE, c.key().destinationPort());
            }
            json.endObject().endObject();
        }
    }

    private void marks(FlowMarks marks) {
        if (marks.allowlistEntry() != null) {
            json.field(ALLOWLISTED, true).object(ALLOWLIST).field(ID, marks.allowlistEntry()).endObject();
        }
        if (marks.alertKind() != null) {
            json.object(ALERT).field(KIND, marks.alertKind()).field(SEVERITY, marks.alertSeverity());
            if (marks.alertGroup() != null) {
                json.object(GROUP).field(ID, marks.alertGroup()).endObject();
            }
            json.endObject();
        }
    }

    /** Zeek's {@code tunnel_parents}: the ids of the tunnels the connection came out of, when it was tunnelled. */
    private void tunnelParents(Connection c) {
        if (!c.tunnelParents().isEmpty()) {
            json.array(TUNNEL_PARENTS);
            for (String parent : c.tunnelParents()) {
                json.value(parent);
            }
            json.endArray();
        }
    }

    private void flowscore(ScoredFlow flow, FlowMarks marks) {
        json.object(FLOWSCORE).field(SCORE, flow.score()).field(LABEL, flow.attack() ? "attack" : "normal")
                .field(THRESHOLD, threshold)
                .object(MODEL).field(NAME, model.name()).field(VERSION, model.version())
                .field(ALGORITHM, model.algorithm());
        if (model.calibration() != null) {
            json.field(CALIBRATION, model.calibration().id());
        }
        json.endObject().field(SOURCE_FORMAT, flow.connection().format().cliName())
                .field(CONN_STATE, flow.features().flag());
        if (flow.connection().payloadEstimated()) {
            json.field(PAYLOAD_ESTIMATED, true);
        }
        if (!flow.explanation().isEmpty()) {
            json.array(EXPLANATION);
            for (Contribution why : flow.explanation()) {
                json.element().field(FEATURE, why.feature()).field(VALUE, why.value())
                        .field(CONTRIBUTION, Math.round(why.contribution() * 1e6) / 1e6).endObject();
            }
            json.endArray();
        }
        marks(marks);
        if (flow.connection().truth() != null) {
            json.object(TRUTH).field(LABEL, flow.connection().truth().label());
            if (flow.connection().truth().detail() != null) {
                json.field(DETAIL, flow.connection().truth().detail());
            }
            json.endObject();
        }
        json.object(FEATURES);
        FeatureSet set = FeatureSet.of(flow.featured());
        List<JsonLine.Name> names = set == FeatureSet.NSL_KDD ? KDD_NAMES : EXTENDED_NAMES;
        double[] x = flow.values();
        for (int i = 0; i < x.length; i++) {
            if (set.isCategorical(i)) {
                json.field(names.get(i), set.format(i, x[i]));
            } else if (set.isFractional(i)) {
                json.field(names.get(i), x[i]);
            } else {
                json.field(names.get(i), (long) x[i]);
            }
        }
        json.endObject().endObject();
    }
}

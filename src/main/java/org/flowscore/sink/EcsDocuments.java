package org.flowscore.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
 * {@code network.direction} comes from the site's local networks or the log's own local flags. One instance
 * per thread.
 */
public final class EcsDocuments {
    public static final String ECS_VERSION = "8.17.0";

    private final JsonFactory factory = new JsonFactory();
    private final StringWriter buffer = new StringWriter(2048);
    private final DocumentIds ids = new DocumentIds();
    private final ModelInfo model;
    private final double threshold;

    public EcsDocuments(ModelInfo model, double threshold) {
        this.model = model;
        this.threshold = threshold;
    }

    /** The deterministic id of the flow's document. */
    public String id(ScoredFlow flow) {
        return ids.of(flow.connection());
    }

    /** The document as one line of JSON; {@code kind} is {@code event} or {@code alert}. */
    public String json(ScoredFlow flow, String kind) {
        buffer.getBuffer().setLength(0);
        try (JsonGenerator g = factory.createGenerator(buffer)) {
            write(g, flow, kind);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString();
    }

    private void write(JsonGenerator g, ScoredFlow flow, String kind) throws IOException {
        Connection c = flow.connection();
        FlowKey k = c.key();
        g.writeStartObject();
        g.writeStringField("@timestamp", Timestamps.iso(c.startMicros()));
        g.writeObjectFieldStart("ecs");
        g.writeStringField("version", ECS_VERSION);
        g.writeEndObject();

        g.writeObjectFieldStart("event");
        g.writeStringField("id", ids.of(c));
        g.writeStringField("kind", kind);
        g.writeArrayFieldStart("category");
        g.writeString("network");
        g.writeEndArray();
        g.writeArrayFieldStart("type");
        for (String t : EcsEventTypes.of(c)) {
            g.writeString(t);
        }
        g.writeEndArray();
        g.writeStringField("module", "flowscore");
        g.writeStringField("dataset", "alert".equals(kind) ? "flowscore.alert" : "flowscore.flow");
        g.writeStringField("start", Timestamps.iso(c.startMicros()));
        g.writeStringField("end", Timestamps.iso(c.endMicros()));
        g.writeNumberField("duration", c.durationMicros() * 1000);
        g.writeNumberField("risk_score", Math.round(flow.score() * 10000) / 100.0);
        g.writeNumberField("risk_score_norm", Math.round(flow.score() * 10000) / 100.0);
        g.writeEndObject();

        g.writeObjectFieldStart("observer");
        g.writeStringField("name", c.sensor());
        g.writeStringField("product", c.format().producer());
        g.writeStringField("type", "sensor");
        g.writeEndObject();

        endpoint(g, "source", k.sourceIp(), k.sourcePort(), c.orig().ipBytes(), c.orig().packets(), c);
        endpoint(g, "destination", k.destinationIp(), k.destinationPort(), c.resp().ipBytes(), c.resp().packets(), c);

        g.writeObjectFieldStart("network");
        g.writeStringField("transport", c.transport().ecsName());
        g.writeStringField("iana_number", Integer.toString(k.ipProto()));
        g.writeStringField("type", k.sourceIp().indexOf(':') >= 0 ? "ipv6" : "ipv4");
        if (c.service() != null && !c.service().isEmpty()) {
            g.writeStringField("protocol", c.service().split(",")[0].toLowerCase(java.util.Locale.ROOT));
        }
        g.writeStringField("community_id", c.communityId());
        g.writeNumberField("bytes", c.orig().ipBytes() + c.resp().ipBytes());
        g.writeNumberField("packets", c.orig().packets() + c.resp().packets());
        g.writeStringField("direction", flow.direction().ecsName());
        g.writeEndObject();

        g.writeObjectFieldStart("related");
        g.writeArrayFieldStart("ip");
        g.writeString(k.sourceIp());
        if (!k.destinationIp().equals(k.sourceIp())) {
            g.writeString(k.destinationIp());
        }
        g.writeEndArray();
        g.writeEndObject();

        producerFields(g, c);
        flowscore(g, flow);
        g.writeEndObject();
    }

    private static void endpoint(JsonGenerator g, String side, String ip, int port, long bytes, long packets,
                                 Connection c) throws IOException {
        g.writeObjectFieldStart(side);
        g.writeStringField("ip", ip);
        g.writeStringField("address", ip);
        if (!c.transport().isIcmp()) {
            g.writeNumberField("port", port);
        }
        g.writeNumberField("bytes", bytes);
        g.writeNumberField("packets", packets);
        g.writeEndObject();
    }

    /** The producer's own identifiers, named as Elastic's integrations name them, for pivots. */
    private static void producerFields(JsonGenerator g, Connection c) throws IOException {
        if (c.format().producer().equals("zeek")) {
            g.writeObjectFieldStart("zeek");
            if (c.recordId() != null) {
                g.writeStringField("session_id", c.recordId());
            }
            g.writeObjectFieldStart("connection");
            if (c.connState() != null) {
                g.writeStringField("state", c.connState());
            }
            if (c.history() != null) {
                g.writeStringField("history", c.history());
            }
            tunnelParents(g, c);
            if (c.transport().isIcmp()) {
                g.writeObjectFieldStart("icmp");
                g.writeNumberField("type", c.key().sourcePort());
                g.writeNumberField("code", c.key().destinationPort());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        } else if (c.format() == SourceFormat.PCAP) {
            // capture's own connections: their id, so a tunnelled connection's parents can be looked up.
            g.writeObjectFieldStart("capture");
            g.writeStringField("session_id", c.recordId());
            tunnelParents(g, c);
            g.writeEndObject();
        } else if (c.format().producer().equals("suricata")) {
            g.writeObjectFieldStart("suricata");
            g.writeObjectFieldStart("eve");
            if (c.recordId() != null) {
                g.writeStringField("flow_id", c.recordId());
            }
            if (c.transport().isIcmp()) {
                g.writeNumberField("icmp_type", c.key().sourcePort());
                g.writeNumberField("icmp_code", c.key().destinationPort());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    /** Zeek's {@code tunnel_parents}: the ids of the tunnels the connection came out of, when it was tunnelled. */
    private static void tunnelParents(JsonGenerator g, Connection c) throws IOException {
        if (!c.tunnelParents().isEmpty()) {
            g.writeArrayFieldStart("tunnel_parents");
            for (String parent : c.tunnelParents()) {
                g.writeString(parent);
            }
            g.writeEndArray();
        }
    }

    private void flowscore(JsonGenerator g, ScoredFlow flow) throws IOException {
        g.writeObjectFieldStart("flowscore");
        g.writeNumberField("score", flow.score());
        g.writeStringField("label", flow.attack() ? "attack" : "normal");
        g.writeNumberField("threshold", threshold);
        g.writeObjectFieldStart("model");
        g.writeStringField("name", model.name());
        g.writeStringField("version", model.version());
        g.writeStringField("algorithm", model.algorithm());
        if (model.calibration() != null) {
            g.writeStringField("calibration", model.calibration().id());
        }
        g.writeEndObject();
        g.writeStringField("source_format", flow.connection().format().cliName());
        g.writeStringField("conn_state", flow.features().flag());
        if (flow.connection().payloadEstimated()) {
            g.writeBooleanField("payload_estimated", true);
        }
        if (!flow.explanation().isEmpty()) {
            g.writeArrayFieldStart("explanation");
            for (Contribution why : flow.explanation()) {
                g.writeStartObject();
                g.writeStringField("feature", why.feature());
                g.writeStringField("value", why.value());
                g.writeNumberField("contribution", Math.round(why.contribution() * 1e6) / 1e6);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (flow.connection().truth() != null) {
            g.writeObjectFieldStart("truth");
            g.writeStringField("label", flow.connection().truth().label());
            if (flow.connection().truth().detail() != null) {
                g.writeStringField("detail", flow.connection().truth().detail());
            }
            g.writeEndObject();
        }
        g.writeObjectFieldStart("features");
        FeatureSet set = flow.extended() == null ? FeatureSet.NSL_KDD : FeatureSet.EXTENDED;
        double[] x = set.vector(flow.featured());
        for (int i = 0; i < x.length; i++) {
            String name = set.names().get(i);
            if (set.isCategorical(i)) {
                g.writeStringField(name, set.format(i, x[i]));
            } else if (set.isFractional(i)) {
                g.writeNumberField(name, x[i]);
            } else {
                g.writeNumberField(name, (long) x[i]);
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}

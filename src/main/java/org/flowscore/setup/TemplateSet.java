package org.flowscore.setup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What setup installs for one namespace, read from the reviewed files in {@code mappings/elasticsearch/}
 * (shipped in the jar): for each of the flow and alert data streams an index template of its own, composed
 * of the shared mappings component and, on clusters with ILM, a lifecycle component naming the stream's
 * policy. The lifecycle parts are left out without ILM because a cluster without it rejects the
 * {@code index.lifecycle.name} setting. Each object's {@code _meta.version} is stamped with the flowscore
 * version, so an upgrade rewrites what changed.
 */
public final class TemplateSet {
    static final String FOLDER = "/mappings/elasticsearch/";
    static final String MAPPINGS = "flowscore-mappings";
    static final List<String> STREAMS = List.of("flow", "alert");

    private static final ObjectMapper JSON = new ObjectMapper();

    private TemplateSet() {
    }

    /** In install order: policies before the components naming them, components before the templates. */
    public static List<ManagedObject> of(String namespace, String version, boolean withIlm) {
        List<ManagedObject> out = new ArrayList<>();
        if (withIlm) {
            for (String stream : STREAMS) {
                ObjectNode policy = load("flowscore." + stream + ".ilm-policy.json");
                stamp((ObjectNode) policy.get("policy"), version);
                out.add(new ManagedObject(ObjectKind.ILM_POLICY, policyName(stream), policy));
            }
            for (String stream : STREAMS) {
                out.add(component(lifecycleComponent(stream), version));
            }
        }
        out.add(component(MAPPINGS, version));
        for (String stream : STREAMS) {
            ObjectNode template = load(stream + ".index-template.json");
            ArrayNode patterns = template.putArray("index_patterns");
            patterns.add(dataStream(stream, namespace));
            if (withIlm) {
                ((ArrayNode) template.get("composed_of")).add(lifecycleComponent(stream));
            }
            stamp(template, version);
            out.add(new ManagedObject(ObjectKind.INDEX_TEMPLATE, dataStream(stream, namespace), template));
        }
        return out;
    }

    /** The data stream name, e.g. {@code logs-flowscore.flow-default}. */
    public static String dataStream(String stream, String namespace) {
        return "logs-flowscore." + stream + "-" + namespace;
    }

    static String policyName(String stream) {
        return "flowscore." + stream;
    }

    static String lifecycleComponent(String stream) {
        return "flowscore." + stream + "-lifecycle";
    }

    private static ManagedObject component(String name, String version) {
        ObjectNode body = load(name + ".component-template.json");
        stamp(body, version);
        return new ManagedObject(ObjectKind.COMPONENT_TEMPLATE, name, body);
    }

    private static void stamp(ObjectNode owner, String version) {
        ((ObjectNode) owner.get("_meta")).put("version", version);
    }

    static ObjectNode load(String file) {
        try (InputStream in = TemplateSet.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("missing from the build: " + FOLDER + file);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + file, e);
        }
    }
}

package org.flowscore.labels;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the site's label sources said about its flows: how many flows each source marked (a flow can be marked
 * by several), and what each flow became.
 */
public final class LabelCounts {

    /** Where a label came from. */
    public enum Source {
        ALLOWLIST("allowlist"),
        ALERT_FLOW_ID("Suricata alerts, same flow_id"),
        ALERT_COMMUNITY_ID("Suricata alerts, same Community ID and time"),
        NOTICE("Zeek notices, same uid"),
        THREAT_INTEL("threat-intelligence sources");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** What a flow became, in order of precedence from the top (allowlisted first). */
    public enum Outcome {
        ALLOWLISTED("benign, allowlisted"),
        ATTACK("attack"),
        HELD_OUT("held-out signatures only"),
        INFORMATIONAL("informational alerts only"),
        BENIGN("benign, the site's history");

        private final String description;

        Outcome(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final EnumMap<Source, Long> marked = new EnumMap<>(Source.class);
    private final EnumMap<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);

    void mark(Source source) {
        marked.merge(source, 1L, Long::sum);
    }

    void count(Outcome outcome) {
        outcomes.merge(outcome, 1L, Long::sum);
    }

    public long marked(Source source) {
        return marked.getOrDefault(source, 0L);
    }

    public long outcome(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    /** Flows marked per source, by description, every source listed. */
    public Map<String, Long> markedBySource() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Source s : Source.values()) {
            out.put(s.description(), marked(s));
        }
        return out;
    }

    /** Flows per outcome, by description, every outcome listed. */
    public Map<String, Long> byOutcome() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            out.put(o.description(), outcome(o));
        }
        return out;
    }
}

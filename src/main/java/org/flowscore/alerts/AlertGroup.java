package org.flowscore.alerts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.flow.Connection;
import org.flowscore.model.ScoredFlow;

/**
 * The flagged flows of one {@link GroupKey} while its window is open, and the acknowledgements of those that wait
 * for its document. Everything it keeps is a count, a set, an extreme or a bounded sample chosen by a total order,
 * and scores are summed as whole millionths, so the result is the same in whatever order the flows come.
 */
final class AlertGroup {
    /** How many flows the document names (highest scores first) for the pivot to them. */
    static final int SAMPLE = 10;
    /** How many addresses at the other end {@code related.ip} lists beside the subject. */
    static final int PEERS = 100;

    /** A flow the sample may keep. */
    private record Member(double score, String id, String communityId) {
    }

    private static final Comparator<Member> HIGHEST_FIRST = Comparator.comparingDouble(Member::score).reversed()
            .thenComparing(Member::id);

    private final GroupKey key;
    private final String id;
    private final Set<String> sources = new HashSet<>();
    private final Set<String> destinations = new HashSet<>();
    private final Set<Integer> ports = new HashSet<>();
    private final Set<String> transports = new HashSet<>();
    private final TreeSet<String> peers = new TreeSet<>();
    private final TreeSet<Member> sample = new TreeSet<>(HIGHEST_FIRST);
    private final Map<String, Integer> firstReasons = new HashMap<>();
    private final List<Acknowledgement> waiting = new ArrayList<>();
    private String product;
    private long flows;
    private long firstStart = Long.MAX_VALUE;
    private long lastEnd = Long.MIN_VALUE;
    private double maxScore = Double.NEGATIVE_INFINITY;
    private long scoreMillionths;
    private long bytes;
    private long packets;

    AlertGroup(GroupKey key, String id) {
        this.key = key;
        this.id = id;
    }

    GroupKey key() {
        return key;
    }

    String id() {
        return id;
    }

    /**
     * Adds a flagged flow of the group.
     *
     * @param flowId its document id
     * @param stored called once the group's document is stored (nothing waits for {@link Acknowledgement#NONE})
     */
    void add(ScoredFlow flow, String flowId, Acknowledgement stored) {
        Connection c = flow.connection();
        product = c.format().producer();
        flows++;
        firstStart = Math.min(firstStart, c.startMicros());
        lastEnd = Math.max(lastEnd, c.endMicros());
        sources.add(c.key().sourceIp());
        destinations.add(c.key().destinationIp());
        if (!c.transport().isIcmp()) {
            ports.add(c.key().destinationPort());
        }
        transports.add(c.transport().ecsName());
        keepBounded(peers, key.subjectRole().equals("destination") ? c.key().sourceIp() : c.key().destinationIp(),
                PEERS);
        keepBounded(sample, new Member(flow.score(), flowId, c.communityId()), SAMPLE);
        if (!flow.explanation().isEmpty()) {
            firstReasons.merge(flow.explanation().getFirst().feature(), 1, Integer::sum);
        }
        maxScore = Math.max(maxScore, flow.score());
        scoreMillionths += Math.round(flow.score() * 1e6);
        bytes += c.orig().ipBytes() + c.resp().ipBytes();
        packets += c.orig().packets() + c.resp().packets();
        if (stored != Acknowledgement.NONE) {
            waiting.add(stored);
        }
    }

    /** The acknowledgements to call once the document is stored. */
    List<Acknowledgement> waiting() {
        return Collections.unmodifiableList(waiting);
    }

    GroupSummary summary() {
        List<String> related = new ArrayList<>();
        related.add(key.subject());
        peers.stream().filter(p -> !p.equals(key.subject())).forEach(related::add);
        String top = firstReasons.entrySet().stream()
                .min(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(null);
        return new GroupSummary(key, id, product, flows, firstStart, lastEnd, sources.size(), destinations.size(),
                ports.size(), only(sources), only(destinations), only(ports), only(transports), maxScore,
                Math.round((double) scoreMillionths / flows / 100) / 1e4, top,
                sample.stream().map(Member::id).toList(), sample.stream().map(Member::communityId).toList(),
                List.copyOf(related), bytes, packets);
    }

    private static <T> T only(Set<T> values) {
        return values.size() == 1 ? values.iterator().next() : null;
    }

    /** Adds to a set that keeps its first {@code limit} in its order: the same set whatever the order of adding. */
    private static <T> void keepBounded(TreeSet<T> set, T value, int limit) {
        set.add(value);
        if (set.size() > limit) {
            set.pollLast();
        }
    }
}

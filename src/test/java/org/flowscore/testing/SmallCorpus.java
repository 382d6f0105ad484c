package org.flowscore.testing;

/** A corpus recipe small enough for tests that train: three small captures of the shared data, ten trees. */
public final class SmallCorpus {
    /** An IoT device's benign day, a client's four minutes, a bot's day. */
    public static final String RECIPE = """
            name: small
            captures:
              - path: zeek/iot23-honeypot-4-1/conn.log.labeled
              - path: zeek/zat-2013-tsv/conn.log
                benign: true
              - path: labelled/iot23-malware-8-1/conn.log.labeled
            injection:
              seed: 1
              warmup: 3
              maxRowsPerAttack: 500
            training:
              seed: 42
              trees: 10
              cvTrees: 10
              folds: 3
              maxDepth: 12
              nodeSize: 5
              mtry: 16
              fpBudget: 0.01
              exclude: [service]
            """;

    private SmallCorpus() {
    }
}

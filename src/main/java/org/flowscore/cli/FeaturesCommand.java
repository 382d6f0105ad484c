package org.flowscore.cli;

import java.io.Writer;
import java.util.concurrent.Callable;
import org.flowscore.features.FeatureExtractor;
import org.flowscore.features.FeatureSet;
import org.flowscore.read.ParallelReader;
import org.flowscore.read.ReadStats;
import org.flowscore.sink.FeatureCsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "features",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Computes the 41 NSL-KDD features of every connection (with --extended, the extended ones too) and"
                    + " writes them as CSV.",
            "",
            "The columns are the NSL-KDD features in data-set order and format (duration, protocol_type, service,"
                    + " flag, src_bytes, ... dst_host_srv_rerror_rate), then timestamp, record_id (Zeek uid or"
                    + " Suricata flow_id), community_id and the 5-tuple. Rows come in connection end order, the"
                    + " order the traffic windows see them. Bad lines are counted and skipped; the summary on stderr"
                    + " says how many and where.",
            "",
            "All inputs of one run are one stream, read in the order given (folders and globs in path order, which"
                    + " is chronological for zeekctl archives): give each sensor's logs a run of their own.",
        },
        footer = {
            "",
            "Examples:",
            "  flowscore features sample-logs/zeek-tsv/conn.log",
            "  flowscore features -o april.csv '/opt/zeek/logs/2024-04-*/conn.*.log.gz'",
            "  flowscore features --format suricata-eve - < /var/log/suricata/eve.json",
        })
final class FeaturesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Mixin
    FeatureOptions features;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--extended",
            description = "Also compute the extended features and write them after the 41: packets and IP bytes, what"
                    + " the TCP history says, locality of each end, port classes, and each originator's, responder's"
                    + " and channel's behaviour over minutes and an hour (scans, sweeps, floods, beacons, brute"
                    + " force). docs/features.md describes each.")
    boolean extended;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the CSV; - for standard output (default).")
    String output = "-";

    @Override
    public Integer call() throws Exception {
        var inputs = input.resolve();
        var readOptions = input.readOptions();
        var settings = features.settings();
        var services = features.serviceTable();
        ReadStats stats = new ReadStats();
        try (Writer out = Outputs.open(output, spec.commandLine());
             FeatureCsvWriter csv = new FeatureCsvWriter(out, extended ? FeatureSet.EXTENDED : FeatureSet.NSL_KDD)) {
            FeatureExtractor extractor = new FeatureExtractor(settings, extended ? features.extendedSettings() : null,
                    services, csv);
            ParallelReader.readAll(inputs, readOptions, threads.count(), stats, extractor);
            extractor.flush();
            var err = spec.commandLine().getErr();
            err.println(stats.summary());
            FeatureExtractor.Stats windows = extractor.stats();
            if (windows.late() > 0 || windows.forcedOut() > 0) {
                err.println("windows: " + windows.late() + " connections were logged more than --max-lateness after"
                        + " later-ending ones and " + windows.forcedOut() + " left a full reorder buffer early; they"
                        + " were windowed when they arrived. (All inputs of a run are one stream in time order:"
                        + " give each sensor's logs a run of their own.)");
            }
            err.flush();
        }
        return ExitCodes.OK;
    }
}

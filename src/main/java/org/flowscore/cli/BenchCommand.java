package org.flowscore.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.io.file.PathUtils;
import org.flowscore.bench.BenchCorpus;
import org.flowscore.bench.DetectionBenchmark;
import org.flowscore.bench.DetectionReport;
import org.flowscore.bench.DetectionTable;
import org.flowscore.bench.EndToEndBenchmark;
import org.flowscore.bench.EsBenchmark;
import org.flowscore.bench.KafkaBenchmark;
import org.flowscore.bench.PcapBenchmark;
import org.flowscore.bench.PipelineBenchmark;
import org.flowscore.bench.ScoringBenchmark;
import org.flowscore.bench.TailBenchmark;
import org.flowscore.capture.CaptureException;
import org.flowscore.corpus.Corpus;
import org.flowscore.corpus.CorpusException;
import org.flowscore.corpus.CorpusRecipe;
import org.flowscore.elastic.EsConnectionException;
import org.flowscore.features.ExtendedSettings;
import org.flowscore.features.FeatureSettings;
import org.flowscore.features.NslKddReader;
import org.flowscore.flow.Connection;
import org.flowscore.flow.SourceFormat;
import org.flowscore.model.BuiltInModel;
import org.flowscore.model.Model;
import org.flowscore.model.ModelBundle;
import org.flowscore.model.ModelException;
import org.flowscore.read.ConnectionReader;
import org.flowscore.read.ParallelReader;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.setup.SetupException;
import org.flowscore.source.InputFile;
import org.flowscore.source.InputResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measures the pipeline's speed, single thread, on a corpus built from real logs.",
            "",
            "The connections of the given Zeek logs are repeated (shifted in time) up to --records and written as"
                    + " Zeek TSV, Zeek JSON and Suricata EVE; each format is then read, and read with features, and"
                    + " the median records/s of --rounds runs is reported with the heap left after.",
            "",
            "With --score FILE it measures the main job end to end: whole score processes (NDJSON, CSV, NDJSON with a"
                    + " 256 MB heap) and a features process over the file, against decompressing and cutting its"
                    + " lines (zcat | wc -l) in the same run.",
            "",
            "With --pcap FILE it measures capture: packets/s from the file into connections (decoding and flow"
                    + " table), next to pcap4j reading the same file alone.",
            "",
            "With --scoring PATH it measures model scoring instead: the flattened random forest against Smile's"
                    + " per-row predict, and the explanations, on an NSL-KDD file (KDDTest+.txt) or, for a model of"
                    + " connection logs (--model default), on logs, after their features (the 41, then the"
                    + " extended).",
            "",
            "With --detection it measures detection quality: leave one capture out over the corpus of the default"
                    + " model (docs/detection.md), with --report DIR for the HTML page and its curves.",
            "",
            "With --es URL it measures writing to Elasticsearch: score --es end to end (read, features, model, bulk"
                    + " writer) on the given logs, --passes times under other sensor names, against the raw ceiling"
                    + " of the same server (the same documents, pre-serialised, posted by a plain _bulk loop). Meant"
                    + " for a local test server: it writes into data streams of new namespaces bench*.",
            "",
            "With --kafka HOST:PORT it measures consume: the logs' connections as Zeek JSON records of 8 sensors in a"
                    + " new 4-partition topic, consumed by one instance and by two of a group into NDJSON (records/s"
                    + " to the last flow), against a plain consumer fetching the same topic in the same run (as"
                    + " kafka-consumer-perf-test does); with --es URL too, one instance indexing it, against the raw"
                    + " _bulk ceiling of --es.",
            "",
            "With --tail URL it measures the tailer: a writer appends the logs' connections (re-timed to end now) to"
                    + " a Zeek conn.log at --rate lines/s while a tailer follows it into Elasticsearch; every tenth"
                    + " line is searched for until found (p50/p90/p99 from flush to searchable), and the heap is"
                    + " sampled. Run it with FLOWSCORE_JAVA_OPTS=-Xmx256m to hold it to the memory target.",
        },
        footer = {
            "",
            "Example (the figures in the README come from this):",
            "  flowscore bench ../shared/data/zeek/rita-missing-host",
            "  flowscore bench --score rita1m.log.gz --records 986160 \\",
            "      ../shared/data/zeek/rita-missing-host",
            "  flowscore bench --scoring ../shared/data/nsl-kdd/KDDTest+.txt",
            "  flowscore bench --scoring ../shared/data/zeek/rita-missing-host \\",
            "      --model default",
            "  flowscore bench --detection --report detection-report",
            "  flowscore bench --pcap ../shared/data/pcap/zeek-btest/ssh/ssh.pcap",
            "  flowscore bench --es http://localhost:9200 \\",
            "      ../shared/data/zeek/rita-missing-host/2024-04-19",
            "  flowscore bench --kafka localhost:9092 --es http://localhost:9200 \\",
            "      --records 400000 ../shared/data/zeek/rita-missing-host",
            "  flowscore bench --tail http://localhost:9200 --rate 1000 --records 60000 \\",
            "      ../shared/data/zeek/rita-missing-host",
        })
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Zeek conn logs (files, folders, globs) whose connections make up the corpus.")
    List<String> paths = List.of();

    @Option(names = "--scoring", paramLabel = "PATH",
            description = "Benchmark model scoring instead of the pipeline: on the rows of an NSL-KDD file, or on the"
                    + " connections of logs (with --model default), whose feature extraction is measured too.")
    Path scoringData;

    @Option(names = "--score", paramLabel = "FILE",
            description = "Benchmark the main job end to end instead: whole score (NDJSON, CSV, and NDJSON with"
                    + " -Xmx256m) and features processes over this log file, each against zcat | wc -l of the same"
                    + " file in the same run; --rounds runs of each, interleaved, the fastest reported. When FILE is"
                    + " not there it is first written from the logs given: their connections repeated, shifted in"
                    + " time, up to --records, as gzipped Zeek TSV.")
    Path scoreFile;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--pcap", paramLabel = "FILE",
            description = "Benchmark reading this pcap/pcapng file into connections against pcap4j reading it alone.")
    Path pcap;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "With --scoring, --es or --tail: a built-in model (default, nsl-kdd) or a bundle's path"
                    + " (default: nsl-kdd with --scoring, the default model otherwise).")
    String model;

    @Option(names = "--es", paramLabel = "URL",
            description = "Benchmark writing to this Elasticsearch (no authentication) instead of the pipeline.")
    URI es;

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "Benchmark consume against raw consumption on this Kafka broker (a topic is created).")
    String kafka;

    @Option(names = "--tail", paramLabel = "URL",
            description = "Benchmark the tailer's latency and heap, writing to this Elasticsearch (no authentication).")
    URI tail;

    @Option(names = "--rate", paramLabel = "N",
            description = "With --tail: lines written per second (default: ${DEFAULT-VALUE}).")
    int rate = 1000;

    @Option(names = "--passes", paramLabel = "N",
            description = "With --es: how many times the logs are scored per measurement (default: ${DEFAULT-VALUE}).")
    int passes = 3;

    @Option(names = "--records", paramLabel = "N", description = "Records per format (default: ${DEFAULT-VALUE}).")
    long records = 1_000_000;

    @Option(names = "--rounds", paramLabel = "N", description = "Measured runs per stage (default: ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(names = "--detection",
            description = "Benchmark detection quality instead: leave one capture out over the corpus.")
    boolean detection;

    @Option(names = "--corpus", paramLabel = "FILE",
            description = "With --detection: the corpus recipe (default: models/flowscore-default.corpus.yml).")
    Path corpus = Path.of("models", "flowscore-default.corpus.yml");

    @Option(names = "--shared-data", paramLabel = "DIR",
            description = "With --detection: the folder the corpus paths are under (default: ../shared/data, or"
                    + " $FLOWSCORE_SHARED_DATA).")
    Path sharedData;

    @Option(names = "--report", paramLabel = "DIR",
            description = "With --detection: also write an HTML page with the ROC and trade-off curves into DIR.")
    Path report;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where the corpus files are written, then deleted (default: the system temp folder).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        if (records < 1 || rounds < 1) {
            throw new UserFacingException("--records and --rounds must be at least 1");
        }
        var out = spec.commandLine().getOut();
        if (detection) {
            return detection(out);
        }
        if (scoreFile != null) {
            return endToEnd(out);
        }
        if (pcap != null) {
            try {
                new PcapBenchmark(pcap, Math.max(rounds, 3), out).run();
            } catch (CaptureException e) {
                throw new UserFacingException(e.getMessage(), e);
            }
            return ExitCodes.OK;
        }
        if (scoringData != null) {
            try {
                ModelBundle bundle = ModelBundle.openNamed(model == null ? BuiltInModel.NSL_KDD.id() : model);
                out.printf("scoring: model %s %s on %s, single thread%n", bundle.info().name(), bundle.info().version(),
                        scoringData);
                new ScoringBenchmark(bundle, scoringRows(bundle, out), Math.max(rounds, 5), out).run();
            } catch (ModelException e) {
                throw new UserFacingException(e.getMessage(), e);
            }
            return ExitCodes.OK;
        }
        if (paths.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give Zeek conn logs to build the corpus from, or --scoring FILE");
        }
        if (kafka != null) {
            return kafka(out);
        }
        if (es != null) {
            if (passes < 1) {
                throw new UserFacingException("--passes must be at least 1");
            }
            try {
                Model scoring = ModelBundle.readNamed(model);
                out.printf("model %s %s%n", scoring.info().name(), scoring.info().version());
                new EsBenchmark(es, scoring, InputResolver.resolve(paths), passes, out).run();
            } catch (ModelException | SetupException | EsConnectionException e) {
                throw new UserFacingException(e.getMessage(), e);
            }
            return ExitCodes.OK;
        }
        List<Connection> base = new java.util.ArrayList<>();
        ReadStats stats = new ReadStats();
        new ConnectionReader(ReadOptions.defaults(), stats).readAll(InputResolver.resolve(paths), base::add);
        if (tail != null) {
            if (rate < 1) {
                throw new UserFacingException("--rate must be at least 1");
            }
            Path dir = Files.createTempDirectory(workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir")),
                    "flowscore-bench-tail-");
            try {
                Model scoring = ModelBundle.readNamed(model);
                new TailBenchmark(tail, scoring, base, rate, records, out).run(dir);
            } catch (ModelException | SetupException | EsConnectionException e) {
                throw new UserFacingException(e.getMessage(), e);
            } finally {
                deleteQuietly(dir);
            }
            return ExitCodes.OK;
        }
        out.printf("corpus: %,d real connections from %d files, repeated to %,d records per format%n",
                base.size(), stats.files(), records);
        out.printf("JVM: %s, %d processors, max heap %,d MB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        Path dir = Files.createTempDirectory(workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir")),
                "flowscore-bench-");
        try {
            new PipelineBenchmark(new BenchCorpus(base), records, rounds, out).run(dir);
        } finally {
            deleteQuietly(dir);
        }
        base.clear();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        out.printf("heap in use after the run (after GC): %,d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        return ExitCodes.OK;
    }

    private int kafka(java.io.PrintWriter out) throws Exception {
        List<InputFile> inputs = InputResolver.resolve(paths);
        List<Connection> base = new java.util.ArrayList<>();
        new ConnectionReader(ReadOptions.defaults(), new ReadStats()).readAll(inputs, base::add);
        Path dir = Files.createTempDirectory(workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir")),
                "flowscore-bench-kafka-");
        try {
            new KafkaBenchmark(kafka, es, ModelBundle.readNamed(model), inputs, base, records, out).run(dir);
        } catch (ModelException | SetupException | EsConnectionException | org.apache.kafka.common.KafkaException e) {
            throw new UserFacingException(e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
        return ExitCodes.OK;
    }

    /** {@code --score FILE}, the file first written from the logs given when it is not there. */
    private int endToEnd(java.io.PrintWriter out) throws Exception {
        if (!Files.exists(scoreFile)) {
            if (paths.isEmpty()) {
                throw new UserFacingException(scoreFile + " does not exist; give Zeek conn logs to build it from");
            }
            List<Connection> base = new java.util.ArrayList<>();
            new ConnectionReader(ReadOptions.defaults(), new ReadStats()).readAll(InputResolver.resolve(paths),
                    base::add);
            out.printf("writing %,d records (%,d real connections repeated, shifted in time) to %s%n", records,
                    base.size(), scoreFile);
            out.flush();
            new BenchCorpus(base).write(SourceFormat.ZEEK_TSV, records, scoreFile);
        }
        long[] connections = {0};
        ParallelReader.readAll(List.of(new InputFile(scoreFile)), ReadOptions.defaults(), threads.count(),
                new ReadStats(), c -> connections[0]++);
        new EndToEndBenchmark(scoreFile, connections[0], rounds, threads.count(), out).run();
        return ExitCodes.OK;
    }

    private int detection(java.io.PrintWriter out) throws Exception {
        Path root = sharedData != null ? sharedData : CorpusOptions.defaultSharedData();
        var err = spec.commandLine().getErr();
        try {
            CorpusRecipe recipe = CorpusRecipe.read(corpus);
            Corpus loaded = Corpus.load(recipe, root, FeatureSettings.defaults(), ExtendedSettings.defaults());
            Model baseline = ModelBundle.openBuiltIn(BuiltInModel.NSL_KDD).model();
            var results = DetectionBenchmark.run(loaded, baseline, line -> {
                err.println(line);
                err.flush();
            });
            out.print(DetectionTable.text(results));
            out.print(nslKddTestSets(baseline, root));
            out.flush();
            if (report != null) {
                err.println("report written to " + DetectionReport.write(results, DetectionTable.PROTOCOL, report));
            }
        } catch (CorpusException | ModelException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    /**
     * The rows to score: an NSL-KDD file's, or the connections of logs with the model's features, whose
     * extraction is measured on the way.
     */
    private List<org.flowscore.features.LabelledFeatures> scoringRows(ModelBundle bundle, java.io.PrintWriter out)
            throws Exception {
        org.flowscore.source.InputFile file = new org.flowscore.source.InputFile(scoringData);
        if (java.nio.file.Files.isRegularFile(scoringData) && org.flowscore.dataset.DatasetLoader.isNslKdd(file)) {
            return NslKddReader.readAll(scoringData);
        }
        List<Connection> connections = new java.util.ArrayList<>();
        new ConnectionReader(ReadOptions.defaults(), new ReadStats())
                .readAll(InputResolver.resolve(List.of(scoringData.toString())), connections::add);
        var info = bundle.info();
        new org.flowscore.bench.ExtractionBenchmark(connections, info.featureSettings(), info.extendedSettings(),
                Math.max(rounds, 5), out).run();
        return new org.flowscore.dataset.DatasetLoader(info.featureSet(), info.featureSettings(),
                info.extendedSettings(), org.flowscore.features.ServiceTable.bundled(), ReadOptions.defaults())
                .load(List.of(new org.flowscore.dataset.DatasetLoader.Generated(scoringData.toString(),
                        scoringData.toString(), connections))).rows();
    }

    /** The NSL-KDD model on the data set's own test files, when the data folder has them. */
    private static String nslKddTestSets(Model model, Path root) throws Exception {
        StringBuilder sb = new StringBuilder("\n" + model.info().name() + " on the NSL-KDD test sets:\n");
        for (String file : List.of("KDDTest+.txt", "KDDTest-21.txt")) {
            Path path = root.resolve("nsl-kdd").resolve(file);
            if (Files.exists(path)) {
                var e = org.flowscore.eval.Evaluation.run(model, org.flowscore.features.LabelledDataset.of(
                        org.flowscore.features.FeatureSet.NSL_KDD, NslKddReader.readAll(path), true, "", List.of(file)));
                sb.append(String.format("  %-15s accuracy %.4f, ROC AUC %.4f, %,d rows%n", file,
                        e.metrics().accuracy(), e.metrics().rocAuc(), e.rows()));
            }
        }
        return sb.toString();
    }

    private static void deleteQuietly(Path dir) {
        try {
            PathUtils.deleteDirectory(dir);
        } catch (IOException e) {
            System.err.println("flowscore: could not delete " + dir + ": " + e.getMessage());
        }
    }
}

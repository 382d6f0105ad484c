package org.flowscore.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "flowscore",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Scores Zeek and Suricata connections with NSL-KDD-style features and a machine-learning model.",
            "",
            "Reads Zeek conn.log (TSV or JSON, plain or gzipped) and Suricata eve.json flow events, computes the 41"
                    + " NSL-KDD features per connection, scores each with a model and writes ECS documents (NDJSON)"
                    + " or CSV; trains and evaluates models; prepares Elasticsearch for them.",
        },
        subcommands = {
            ScoreCommand.class,
            TailCommand.class,
            ConsumeCommand.class,
            PublishCommand.class,
            RekeyCommand.class,
            StatusCommand.class,
            BackfillCommand.class,
            CaptureCommand.class,
            SetupCommand.class,
            EvaluateCommand.class,
            TrainCommand.class,
            CalibrateCommand.class,
            AdaptCommand.class,
            FeaturesCommand.class,
            SimulateCommand.class,
            BenchCommand.class,
        },
        footer = {
            "",
            // Each example under its caption, so that every line fits the 80 columns help falls back to.
            "Examples:",
            "  score with the shipped model:",
            "    flowscore score sample-logs/ -o scored.ndjson",
            "  41 features per connection as CSV, from a file, a folder or standard input:",
            "    flowscore features sample-logs/zeek-tsv/conn.log",
            "    flowscore features /opt/zeek/logs/2024-04-19/ -o day.csv",
            "    zcat conn.*.log.gz | flowscore features -",
            "  fit the threshold to your site, adapt the model with your IDS's alerts",
            "  as labels, or train a model of your own traffic:",
            "    flowscore calibrate --data /opt/zeek/logs/ --alerts-per-day 20 -o site.zip",
            "    flowscore adapt --data /opt/zeek/logs/ --labels eve.json \\",
            "      --alerts-per-day 20 -o site.zip",
            "    flowscore train --algorithm isolation-forest --data /opt/zeek/logs/ \\",
            "      --out site.zip",
            "  install the Elasticsearch templates:",
            "    flowscore setup --es http://localhost:9200",
            "  follow live logs (the daemon):",
            "    flowscore tail --config /etc/flowscore/flowscore.yml",
            "  many sensors through Kafka (instances of one consumer group):",
            "    flowscore consume --config /etc/flowscore/flowscore-kafka.yml",
            "  labelled attack traffic to test with:",
            "    flowscore simulate --attack mixed -o mixed.log",
            "",
            "Run 'flowscore COMMAND --help' for a command's options.",
            "Exit codes: 0 success, 1 runtime failure, 2 usage error.",
        })
final class FlowscoreCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing a command: " + String.join(", ", spec.subcommands().keySet()));
    }
}

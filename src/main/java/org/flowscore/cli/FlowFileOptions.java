package org.flowscore.cli;

import picocli.CommandLine.Option;

/** The file output of the commands that may also write to Elasticsearch ({@code score}, {@code backfill}). */
final class FlowFileOptions {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write; - for standard output (the default without --es; with --es, no file"
                    + " unless given).")
    String output;

    @Option(names = "--output-format", paramLabel = "FORMAT", description = "ndjson (default) or csv.")
    OutputFormat format = OutputFormat.ndjson;

    /** The file to write: the one given, else standard output unless the flows go to Elasticsearch; or null. */
    String file(boolean toElasticsearch) {
        return output != null ? output : toElasticsearch ? null : "-";
    }
}

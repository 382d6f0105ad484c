package org.flowscore.cli;

import java.util.List;
import org.flowscore.flow.CommunityId;
import org.flowscore.flow.LocalNetworks;
import org.flowscore.flow.SourceFormat;
import org.flowscore.format.ReaderContext;
import org.flowscore.read.ReadOptions;
import org.flowscore.source.InputException;
import org.flowscore.source.InputFile;
import org.flowscore.source.InputResolver;
import org.flowscore.source.LineAssembler;
import org.flowscore.source.LineSource;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** How to find and read the logs: shared by every command that reads them. */
final class InputOptions {

    /** The values of {@code --format}; {@code auto} detects each input's format from its first lines. */
    enum FormatChoice {
        auto(null), zeek_tsv(SourceFormat.ZEEK_TSV), zeek_json(SourceFormat.ZEEK_JSON),
        suricata_eve(SourceFormat.SURICATA_EVE);

        final SourceFormat format;

        FormatChoice(SourceFormat format) {
            this.format = format;
        }
    }

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Zeek conn.log (TSV or JSON) or Suricata eve.json: files, folders (every conn*.log* and"
                    + " eve*.json* below them), quoted globs such as 'logs/2024-04-*/conn.*.log.gz', or - for"
                    + " standard input. Gzip is detected from the content, not the name.")
    List<String> paths;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "auto (default: detected per file from its first lines), zeek-tsv, zeek-json or suricata-eve.")
    FormatChoice format = FormatChoice.auto;

    @Option(names = "--strict",
            description = "Stop with exit code 1 at the first malformed line instead of counting and skipping it.")
    boolean strict;

    @Option(names = "--sensor", paramLabel = "NAME",
            description = "Sensor name stamped on every connection (default: ${DEFAULT-VALUE}).")
    String sensor = ReaderContext.DEFAULT_SENSOR;

    @Option(names = "--community-id-seed", paramLabel = "N",
            description = "Community ID seed, 0-65535; must match your sensors' setting (default: ${DEFAULT-VALUE}).")
    int communityIdSeed = 0;

    @Option(names = "--local-nets", paramLabel = "CIDR[,CIDR...]", split = ",",
            description = "Your own address ranges, which decide each connection's direction (inbound, outbound,"
                    + " internal, external) where the log has no local_orig/local_resp (Suricata, Zeek without"
                    + " Site::local_nets) and which the extended features use (default: RFC 1918, 100.64.0.0/10,"
                    + " 169.254.0.0/16, fc00::/7, fe80::/10).")
    List<String> localNets;

    @Option(names = "--zeek-scope-separator", paramLabel = "SEP",
            description = "What joins id and orig_h in Zeek JSON keys (Zeek's Log::default_scope_sep): . or _"
                    + " (default: learned from each file's first record).")
    String zeekScopeSeparator;

    @Option(names = "--max-line-bytes", paramLabel = "N", hidden = true,
            description = "Lines longer than this are skipped as too long (default: ${DEFAULT-VALUE}).")
    int maxLineBytes = LineSource.DEFAULT_MAX_LINE_BYTES;

    List<InputFile> resolve() throws InputException {
        return InputResolver.resolve(paths);
    }

    ReadOptions readOptions() {
        if (communityIdSeed < 0 || communityIdSeed > 65535) {
            throw new UserFacingException("--community-id-seed must be between 0 and 65535, got " + communityIdSeed);
        }
        if (maxLineBytes < LineAssembler.PREVIEW_BYTES) {
            throw new UserFacingException("--max-line-bytes must be at least " + LineAssembler.PREVIEW_BYTES
                    + ", got " + maxLineBytes);
        }
        if (zeekScopeSeparator != null && zeekScopeSeparator.isEmpty()) {
            throw new UserFacingException("--zeek-scope-separator cannot be empty: use . or _ as your Zeek writes it");
        }
        return new ReadOptions(format.format, strict, maxLineBytes,
                new ReaderContext(sensor, new CommunityId(communityIdSeed), localNetworks(localNets),
                        zeekScopeSeparator));
    }

    /** The ranges of a {@code --local-nets} option or config key; the defaults when none were given. */
    static LocalNetworks localNetworks(List<String> cidrs) {
        if (cidrs == null || cidrs.isEmpty()) {
            return LocalNetworks.defaults();
        }
        try {
            return LocalNetworks.parse(cidrs);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("--local-nets: " + e.getMessage(), e);
        }
    }

    /** Accepts the dashed names users type ({@code zeek-tsv}) for the enum constants. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<FormatChoice> {
        @Override
        public FormatChoice convert(String value) {
            try {
                return FormatChoice.valueOf(value.toLowerCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a format: use auto, zeek-tsv, zeek-json or suricata-eve");
            }
        }
    }
}

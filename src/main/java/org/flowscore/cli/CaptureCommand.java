package org.flowscore.cli;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flowscore.capture.CaptureException;
import org.flowscore.capture.CaptureRun;
import org.flowscore.capture.Libpcap;
import org.flowscore.capture.PacketCapture;
import org.flowscore.capture.flowtable.ConnectionRecords;
import org.flowscore.capture.flowtable.FlowTimeouts;
import org.flowscore.flow.CommunityId;
import org.flowscore.format.ReaderContext;
import org.flowscore.model.Model;
import org.flowscore.sink.Tee;
import org.pcap4j.core.PcapHandle;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "capture",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Builds connections from packets, without Zeek or Suricata, and scores them.",
            "",
            "The same pipeline as score: features, model, outputs.",
            "",
            "Packets come from a live interface (--interface) or from pcap/pcapng files (--pcap). A flow table"
                    + " assembles them into connections the way Zeek writes conn.log: originator, conn_state,"
                    + " history, payload bytes from TCP sequence numbers, packet and IP-byte counts. A connection is"
                    + " scored when it ends: closed or reset (after a short delay for trailing ACKs), idle past its"
                    + " timeout, or at the end of the input. The documents are those of score (NDJSON or CSV).",
            "",
            "Needs libpcap (Debian/Ubuntu: apt-get install libpcap0.8); only this command does. A live capture also"
                    + " needs root or the capture capabilities (setcap cap_net_raw,cap_net_admin=eip on the java"
                    + " binary). Ctrl-C stops a live capture; the open connections are then scored too.",
        },
        footer = {
            "",
            "Examples:",
            "  flowscore capture --pcap ../shared/data/pcap/zeek-btest/ssh/ssh.pcap \\",
            "      -o scored.ndjson",
            "  sudo flowscore capture --interface eth0 --filter 'not port 9200' \\",
            "      -o /var/log/flowscore.ndjson",
            "  flowscore capture --pcap day1.pcapng day2.pcapng --output-format csv \\",
            "      -o scored.csv",
        })
final class CaptureCommand implements Callable<Integer> {
    static final class Source {
        @Option(names = "--interface", paramLabel = "NAME", required = true,
                description = "Capture live on this network interface (see 'ip link').")
        String networkInterface;

        @Option(names = "--pcap", paramLabel = "FILE", arity = "1..*", required = true,
                description = "Read these pcap or pcapng files, in order, as one capture.")
        List<Path> files;
    }

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--filter", paramLabel = "BPF",
            description = "Only packets matching this BPF expression (man pcap-filter), e.g. 'tcp or udp'.")
    String filter;

    @Option(names = "--tcp-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Emit a TCP connection idle this long (default: 5m, Zeek's).")
    Duration tcpTimeout = FlowTimeouts.ZEEK.tcp();

    @Option(names = "--udp-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Emit a UDP connection idle this long (default: 1m, Zeek's).")
    Duration udpTimeout = FlowTimeouts.ZEEK.udp();

    @Option(names = "--icmp-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Emit an ICMP (or other IP protocol) connection idle this long (default: 1m, Zeek's).")
    Duration icmpTimeout = FlowTimeouts.ZEEK.icmp();

    @Option(names = "--max-connections", paramLabel = "N",
            description = "Connections tracked at once; past it the longest-idle one is scored early, so a"
                    + " SYN flood cannot exhaust memory (default: ${DEFAULT-VALUE}).")
    int maxConnections = FlowTimeouts.ZEEK.maxConnections();

    @Option(names = "--sensor", paramLabel = "NAME",
            description = "Sensor name written into every document (default: ${DEFAULT-VALUE}).")
    String sensor = ReaderContext.DEFAULT_SENSOR;

    @Mixin
    ModelOption modelOption;

    @Mixin
    ThresholdOption threshold;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write; - for standard output (default: ${DEFAULT-VALUE}).")
    String output = "-";

    @Option(names = "--output-format", paramLabel = "FORMAT", description = "ndjson (default) or csv.")
    OutputFormat outputFormat = OutputFormat.ndjson;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--local-nets", paramLabel = "CIDR[,CIDR...]", split = ",",
            description = "Your own address ranges, which set each connection's local flags and direction (default:"
                    + " RFC 1918, 100.64.0.0/10, 169.254.0.0/16, fc00::/7, fe80::/10).")
    List<String> localNets;

    @Option(names = "--top", paramLabel = "N",
            description = "How many of the highest-scoring flows the summary lists (default: ${DEFAULT-VALUE}).")
    int top = 5;

    @Override
    public Integer call() throws Exception {
        FlowTimeouts timeouts = timeouts();
        Model model = modelOption.load();
        double cut = threshold.resolve(model);
        var err = spec.commandLine().getErr();
        TopFlows topFlows = new TopFlows(top);
        try (OutputStream out = Outputs.openBytes(output, spec.commandLine())) {
            CaptureRun.Result run = CaptureRun.run(capture -> read(capture, err), timeouts,
                    new ConnectionRecords(sensor, new CommunityId(0), InputOptions.localNetworks(localNets)), model,
                    cut, new Tee(List.of(outputFormat.output(out, model), topFlows)), threads.count());
            err.println(run.packets().summary());
            err.printf("scored %,d flows with %s %s (threshold %s): %,d flagged as attack%n", run.scored(),
                    model.info().name(), model.info().version(), cut, run.flagged());
            topFlows.print(err);
            err.flush();
        } catch (CaptureException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    private void read(PacketCapture capture, java.io.PrintWriter err) throws CaptureException {
        AtomicBoolean stop = new AtomicBoolean();
        if (source.files != null) {
            for (Path file : source.files) {
                err.println("flowscore: reading " + file);
                err.flush();
                capture.readFile(file, filter, stop::get);
            }
            return;
        }
        try (PcapHandle handle = Libpcap.openInterface(source.networkInterface, filter)) {
            StopSignals.onStop(() -> stop.set(true));
            err.println("flowscore: capturing on " + source.networkInterface + " (Ctrl-C to stop)");
            err.flush();
            capture.readInterface(handle, stop::get);
        }
    }

    private FlowTimeouts timeouts() {
        if (maxConnections < 1) {
            throw new UserFacingException("--max-connections must be at least 1, got " + maxConnections);
        }
        for (Duration d : new Duration[] {tcpTimeout, udpTimeout, icmpTimeout}) {
            if (d.isZero()) {
                throw new UserFacingException("--tcp-timeout, --udp-timeout and --icmp-timeout must be above 0");
            }
        }
        return FlowTimeouts.ZEEK.withInactivity(tcpTimeout, udpTimeout, icmpTimeout).withMaxConnections(maxConnections);
    }
}

package org.flowscore.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.flowscore.flow.Connection;
import org.flowscore.read.ReadStats;
import org.flowscore.simulate.Attack;
import org.flowscore.simulate.Background;
import org.flowscore.simulate.LoginService;
import org.flowscore.simulate.Pacer;
import org.flowscore.simulate.RotatingLog;
import org.flowscore.simulate.Scenario;
import org.flowscore.simulate.Simulator;
import org.flowscore.source.InputFile;
import org.flowscore.source.InputResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Generates labelled attack traffic as Zeek or Suricata would log it.",
            "",
            "Attacks are optionally interleaved into real benign logs replayed on the same timeline, and written to"
                    + " a file or live with zeekctl-style rotation.",
            "",
            "Attacks: portscan (vertical SYN scan of one server), hostsweep (one port across a /16), synflood"
                    + " (spoofed SYN bursts), bruteforce (SSH or FTP password guessing), beacon (periodic HTTP"
                    + " check-ins with jitter), exfil (large uploads to one external host), mixed (all of them:"
                    + " beacon and exfil throughout, the loud ones one after another). Every connection carries its"
                    + " truth (IoT-23 label/detailed-label; label/detailed_label in EVE), so 'evaluate' and 'train'"
                    + " read the output as it is. The same options, background and --seed give the same bytes.",
        },
        footer = {
            "",
            "Examples:",
            "  flowscore simulate --attack portscan --duration 1m -o scan.log",
            "  flowscore simulate --attack mixed -o mixed.log \\",
            "      --background ../shared/data/zeek/zat-2013-tsv/conn.log",
            "  flowscore evaluate --data mixed.log     recall of the model per attack",
            "  flowscore simulate --attack synflood --rate 20 --format suricata-eve \\",
            "      -o - | head",
            "  flowscore simulate --attack mixed --background logs/ --follow \\",
            "      --rotate-every 1m -o live/",
            "",
            "With --follow the timeline starts now and each connection is written when it ends; the current file is"
                    + " OUTPUT/conn.log (eve.json), archives go to OUTPUT/YYYY-MM-DD/ as conn.HH:MM:SS-HH:MM:SS.log.gz"
                    + " (times in UTC).",
        })
final class SimulateCommand implements Callable<Integer> {

    /** The values of {@code --attack}. */
    enum AttackChoice {
        portscan, hostsweep, synflood, bruteforce, beacon, exfil, mixed
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--attack", paramLabel = "ATTACK", required = true,
            description = "portscan, hostsweep, synflood, bruteforce, beacon, exfil or mixed.")
    AttackChoice attack;

    @Option(names = "--background", paramLabel = "PATH", arity = "1..*",
            description = "Benign Zeek or Suricata logs to replay under the attacks, shifted to the timeline and"
                    + " repeated to fill it; each PATH (file, folder, glob) is one stream. Attacks aim at the busiest"
                    + " internal hosts in it.")
    List<String> background = List.of();

    @Option(names = "--rate", paramLabel = "N",
            description = "Attack connections per second (default: the attack's own: portscan 50, hostsweep 20,"
                    + " synflood 500, bruteforce 2, beacon 1/30, exfil 1/60). Not with mixed.")
    Double rate;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Length of the simulated timeline: 90s, 10m, 1h, 2d (default: 10m).")
    Duration duration = Duration.ofMinutes(10);

    @Option(names = "--seed", paramLabel = "S", description = "Seed for every random choice (default: 1).")
    long seed = 1;

    @Option(names = "--start", paramLabel = "TIME",
            description = "Start of the timeline, ISO-8601 UTC (default: 2024-04-19T12:00:00Z; --follow starts now).")
    Instant start = Instant.parse("2024-04-19T12:00:00Z");

    @Option(names = "--service", paramLabel = "SERVICE", description = "What bruteforce attacks: ssh (default) or ftp.")
    LoginService service = LoginService.SSH;

    @Option(names = "--format", paramLabel = "FORMAT", converter = InputOptions.FormatConverter.class,
            description = "zeek-tsv (default; with IoT-23 label columns), zeek-json or suricata-eve.")
    InputOptions.FormatChoice format = InputOptions.FormatChoice.zeek_tsv;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write: a file, - for standard output (default); with --follow, a folder.")
    String output = "-";

    @Option(names = "--follow",
            description = "Write live: each connection when it ends, rotating files like zeekctl.")
    boolean follow;

    @Option(names = "--rotate-every", paramLabel = "D", converter = DurationConverter.class,
            description = "With --follow: rotation interval, aligned like zeekctl's (default: 1h; at least 1s).")
    Duration rotateEvery = Duration.ofHours(1);

    @Option(names = "--gzip", negatable = true, fallbackValue = "true",
            description = "With --follow: gzip archived files (default; --no-gzip keeps them plain).")
    boolean gzip = true;

    @Override
    public Integer call() throws Exception {
        Scenario scenario = scenario();
        ReadStats readStats = new ReadStats();
        List<List<InputFile>> streams = new ArrayList<>();
        for (String path : background) {
            streams.add(InputResolver.resolve(List.of(path)));
        }
        List<List<Connection>> replayed = Background.load(streams, readStats);
        var err = spec.commandLine().getErr();
        if (!background.isEmpty()) {
            err.println("background: " + readStats.summary());
        }
        Simulator.Summary summary = follow ? writeLive(scenario, replayed) : writeFile(scenario, replayed);
        err.println("simulated " + summary.connections() + " connections from " + Instant.ofEpochSecond(
                scenario.startMicros() / 1_000_000) + " for " + duration + ": " + summary.perLabel().entrySet()
                .stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        err.println("hosts: " + summary.network().describe());
        err.flush();
        return ExitCodes.OK;
    }

    private Scenario scenario() {
        if (format == InputOptions.FormatChoice.auto) {
            throw usage("--format: simulate writes zeek-tsv, zeek-json or suricata-eve");
        }
        if (duration.toNanos() < 1000) {
            throw usage("--duration must be positive, got " + duration);
        }
        if (rate != null && !(rate > 0 && rate <= 1_000_000)) {
            throw usage("--rate must be above 0 and at most 1000000 connections per second, got " + rate);
        }
        if (rate != null && attack == AttackChoice.mixed) {
            throw usage("--rate applies to a single attack; mixed runs each attack at its own rate");
        }
        if (follow && spec.commandLine().getParseResult().hasMatchedOption("--start")) {
            throw usage("--start and --follow do not go together: a live run starts now");
        }
        if (follow && rotateEvery.toSeconds() < 1) {
            throw usage("--rotate-every must be at least 1s, got " + rotateEvery);
        }
        if (follow && output.equals("-")) {
            throw usage("--follow writes rotating files: give --output a folder");
        }
        List<Attack> attacks = attack == AttackChoice.mixed ? Arrays.asList(Attack.values())
                : List.of(Attack.valueOf(attack.name().toUpperCase(java.util.Locale.ROOT)));
        long startMicros = follow ? Pacer.SYSTEM.nowMicros() : start.getEpochSecond() * 1_000_000 + start.getNano() / 1000;
        return new Scenario(attacks, rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate), startMicros,
                duration.toNanos() / 1000, seed, service);
    }

    private Simulator.Summary writeFile(Scenario scenario, List<List<Connection>> replayed) throws IOException {
        try (Writer out = Outputs.open(output, spec.commandLine())) {
            return Simulator.write(scenario, replayed, format.format, out);
        } catch (IOException e) {
            throw new UserFacingException("--output " + output + ": cannot write: " + e.getMessage(), e);
        }
    }

    private Simulator.Summary writeLive(Scenario scenario, List<List<Connection>> replayed) throws IOException,
            InterruptedException {
        try (RotatingLog log = new RotatingLog(Path.of(output), format.format, rotateEvery.toNanos() / 1000, gzip,
                Pacer.SYSTEM)) {
            spec.commandLine().getErr().println("writing live to " + log.live() + ", rotating every "
                    + rotateEvery + (gzip ? ", archives gzipped" : ""));
            spec.commandLine().getErr().flush();
            return Simulator.writeLive(scenario, replayed, log);
        } catch (IOException e) {
            throw new UserFacingException("--output " + output + ": cannot write: " + e.getMessage(), e);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}

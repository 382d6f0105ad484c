package org.flowscore.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flowscore.flow.Connection;
import org.flowscore.flow.SourceFormat;

/**
 * Runs a scenario: the background replays and the attack generators, interleaved on one timeline and
 * handed on in end order, the order Zeek and Suricata write connections in (a connection is logged when it
 * is over). Everything random comes from the scenario's seed, split in a fixed order, so the same scenario
 * and background give the same connections, byte for byte once written.
 */
public final class Simulator {

    /**
     * @param connections every connection written
     * @param perLabel    connections by detailed label ({@code portscan}, …), benign ones under {@code benign}
     * @param network     the addresses the attacks used
     */
    public record Summary(long connections, Map<String, Long> perLabel, Network network) {
    }

    private Simulator() {
    }

    public static Summary run(Scenario scenario, List<List<Connection>> background, Consumer<Connection> out) {
        return run(scenario.seed(), scenario.startMicros(), scenario.endMicros(), scenario.loginService(), background,
                scenario::episodes, out);
    }

    /**
     * Runs attack episodes planned by {@code plan} (from its own random stream) over the background.
     *
     * @param startMicros the background is moved to start here
     * @param endMicros   nothing starts at or after this; the background repeats until then
     */
    static Summary run(long seed, long startMicros, long endMicros, LoginService loginService,
                       List<List<Connection>> background, Function<SplittableRandom, List<Episode>> plan,
                       Consumer<Connection> out) {
        SplittableRandom root = new SplittableRandom(seed);
        Network network = Network.of(background, root.split());
        List<Episode> episodes = plan.apply(root.split());
        List<ConnectionStream> streams = new ArrayList<>();
        for (List<Connection> stream : background) {
            streams.add(new BackgroundReplay(stream, startMicros, endMicros, root.split()));
        }
        for (Episode episode : episodes) {
            streams.add(AttackGenerator.start(episode, network, loginService, root.split()));
        }
        Map<String, Long> perLabel = new TreeMap<>();
        long[] total = {0};
        interleave(streams, c -> {
            total[0]++;
            perLabel.merge(labelOf(c), 1L, Long::sum);
            out.accept(c);
        });
        return new Summary(total[0], perLabel, network);
    }

    private static String labelOf(Connection c) {
        String detail = c.truth().detail();
        return c.truth().isAttack() && detail != null && !detail.equals("-") ? detail : c.truth().label();
    }

    /** Runs the scenario into one log file: header at the timeline's start, footer at its end. */
    public static Summary write(Scenario scenario, List<List<Connection>> background, SourceFormat format, Writer out)
            throws IOException {
        LogWriter log = LogWriter.of(format, out);
        log.open(scenario.startMicros());
        Summary summary;
        try {
            summary = run(scenario, background, c -> {
                try {
                    log.write(c);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        log.close(scenario.endMicros());
        return summary;
    }

    /**
     * Runs the scenario live into {@code log}, each connection when it ends (the scenario should start now).
     *
     * @throws InterruptedException when the thread is interrupted while waiting; what was written stays
     */
    public static Summary writeLive(Scenario scenario, List<List<Connection>> background, RotatingLog log)
            throws IOException, InterruptedException {
        try {
            return run(scenario, background, c -> {
                try {
                    log.write(c);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    throw new Interrupted(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (Interrupted e) {
            Thread.currentThread().interrupt();
            throw e.cause;
        }
    }

    /** Carries an interruption out of the connection consumer. */
    private static final class Interrupted extends RuntimeException {
        final InterruptedException cause;

        Interrupted(InterruptedException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    /** A stream's next connection, and which stream it came from (ties go to the earlier stream). */
    private record Head(Connection connection, int stream) {
    }

    /** A connection waiting for its end, numbered so equal end times keep start order. */
    private record Open(Connection connection, long sequence) {
    }

    /**
     * Merges the streams by start time; a connection is released once no connection still to come can end
     * before it, that is when the next start has passed its end.
     */
    static void interleave(List<ConnectionStream> streams, Consumer<Connection> out) {
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator
                .comparingLong((Head h) -> h.connection().startMicros()).thenComparingInt(Head::stream));
        for (int i = 0; i < streams.size(); i++) {
            Connection first = streams.get(i).next();
            if (first != null) {
                heads.add(new Head(first, i));
            }
        }
        PriorityQueue<Open> open = new PriorityQueue<>(Comparator
                .comparingLong((Open o) -> o.connection().endMicros()).thenComparingLong(Open::sequence));
        long sequence = 0;
        while (!heads.isEmpty()) {
            Head head = heads.poll();
            Connection c = head.connection();
            while (!open.isEmpty() && open.peek().connection().endMicros() <= c.startMicros()) {
                out.accept(open.poll().connection());
            }
            open.add(new Open(c, sequence++));
            Connection following = streams.get(head.stream()).next();
            if (following != null) {
                heads.add(new Head(following, head.stream()));
            }
        }
        while (!open.isEmpty()) {
            out.accept(open.poll().connection());
        }
    }
}

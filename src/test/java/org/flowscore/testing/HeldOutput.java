package org.flowscore.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.sink.FlowOutput;
import org.flowscore.sink.RenderedFlow;
import org.flowscore.sink.Renditions;

/**
 * An output that keeps every flow it is given and holds its acknowledgement until the test releases it: at
 * once, later, out of order, or never (a destination that went away at shutdown). It keeps alert documents too,
 * acknowledged as they come unless told to hold them. Thread-safe, for runners that write on their own thread
 * while the test watches.
 */
public final class HeldOutput implements FlowOutput {
    private final Renditions needs;
    private final BiPredicate<Integer, RenderedFlow> acknowledgeAtOnce;
    private final List<RenderedFlow> flows = new ArrayList<>();
    private final List<Acknowledgement> held = new ArrayList<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final List<Acknowledgement> heldAlerts = new ArrayList<>();
    private IntPredicate acknowledgeAlertAtOnce = i -> true;
    private int finishes;

    /** An alert document as it was given. */
    public record Alert(String id, String document) {
    }

    /**
     * @param acknowledgeAtOnce which flows, by their position in the output, are acknowledged as they come;
     *                          the others are held
     */
    public HeldOutput(Renditions needs, IntPredicate acknowledgeAtOnce) {
        this(needs, (position, flow) -> acknowledgeAtOnce.test(position));
    }

    /** @param acknowledgeAtOnce which flows, by position and content, are acknowledged as they come */
    public HeldOutput(Renditions needs, BiPredicate<Integer, RenderedFlow> acknowledgeAtOnce) {
        this.needs = needs;
        this.acknowledgeAtOnce = acknowledgeAtOnce;
    }

    /** Acknowledges every flow as it comes: a destination that is never behind. */
    public static HeldOutput acknowledging() {
        return new HeldOutput(new Renditions(true, false, false), i -> true);
    }

    @Override
    public Renditions needs() {
        return needs;
    }

    @Override
    public void write(RenderedFlow flow, Acknowledgement stored) {
        boolean now;
        synchronized (this) {
            now = acknowledgeAtOnce.test(flows.size(), flow);
            flows.add(flow);
            held.add(now ? null : stored);
        }
        if (now) {
            stored.acknowledged();
        }
    }

    /** Which alert documents, by their position among alerts, are acknowledged as they come; the others are held. */
    public synchronized HeldOutput holdingAlerts(IntPredicate acknowledgeAtOnce) {
        this.acknowledgeAlertAtOnce = acknowledgeAtOnce;
        return this;
    }

    @Override
    public void alert(String id, String document, Acknowledgement stored) {
        boolean now;
        synchronized (this) {
            now = acknowledgeAlertAtOnce.test(alerts.size());
            alerts.add(new Alert(id, document));
            heldAlerts.add(now ? null : stored);
        }
        if (now) {
            stored.acknowledged();
        }
    }

    /** The alert documents, in the order they came. */
    public synchronized List<Alert> alerts() {
        return List.copyOf(alerts);
    }

    /** Acknowledges the held alert document at {@code position} (among alerts, in the order they came). */
    public void releaseAlert(int position) {
        Acknowledgement ack;
        synchronized (this) {
            ack = heldAlerts.set(position, null);
        }
        if (ack == null) {
            throw new IllegalStateException("alert " + position + " was not held");
        }
        ack.acknowledged();
    }

    @Override
    public void flush() {
    }

    /** Returns at once, acknowledging nothing more: what is held stays held. */
    @Override
    public synchronized void finish() {
        finishes++;
    }

    /** Acknowledges the held flow at {@code position} (in the order flows came). */
    public void release(int position) {
        Acknowledgement ack;
        synchronized (this) {
            ack = held.set(position, null);
        }
        if (ack == null) {
            throw new IllegalStateException("flow " + position + " was not held");
        }
        ack.acknowledged();
    }

    public synchronized List<RenderedFlow> flows() {
        return List.copyOf(flows);
    }

    /** Their ECS documents, in order. */
    public synchronized List<String> events() {
        return flows.stream().map(HeldOutput::event).toList();
    }

    /** A flow's ECS document as text. */
    public static String event(RenderedFlow flow) {
        return new String(flow.event(), StandardCharsets.UTF_8);
    }

    public synchronized int size() {
        return flows.size();
    }

    /** Positions still held. */
    public synchronized List<Integer> held() {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            if (held.get(i) != null) {
                positions.add(i);
            }
        }
        return positions;
    }

    /** Waits until it holds {@code count} flows: a runner on another thread got that far. */
    public void awaitSize(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + size() + " of " + count + " flows arrived within " + timeout);
            }
            Thread.sleep(10);
        }
    }

    public synchronized int finishes() {
        return finishes;
    }
}

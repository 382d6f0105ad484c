package org.flowscore.cli;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a request to stop, not an immediate exit: the run checkpoints and returns, and the
 * process exits 0 (a JVM shutdown hook could not, since the JVM then exits 143 or 130 whatever it does).
 * A second signal while stopping falls back to the JVM's default, for an operator who means it.
 */
final class StopSignals {
    private StopSignals() {
    }

    static void onStop(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal signal = new Signal(name);
            Signal.handle(signal, received -> {
                Signal.handle(received, sun.misc.SignalHandler.SIG_DFL);
                stop.run();
            });
        }
    }
}

package org.flowscore.flow;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How an output tells the reader that a record is stored for good. Outputs receive one with each record
 * and call it exactly once, when every document they made of the record is acknowledged: indexed,
 * already there (409), or written to the dead-letter file; for a file output, when the file is flushed.
 * Outputs know only this interface, so no reading code depends on an output and no output on the registry.
 */
@FunctionalInterface
public interface Acknowledgement {
    /** For a record nobody tracks (batch runs without a registry). */
    Acknowledgement NONE = () -> { };

    void acknowledged();

    /**
     * An acknowledgement that passes on once it was itself called {@code times} times: for an output that
     * writes several documents for one record (a flow and its alert copy).
     */
    static Acknowledgement after(int times, Acknowledgement then) {
        if (times == 1 || then == NONE) {
            return then;
        }
        AtomicInteger left = new AtomicInteger(times);
        return () -> {
            if (left.decrementAndGet() == 0) {
                then.acknowledged();
            }
        };
    }
}

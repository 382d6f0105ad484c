package org.flowscore.simulate;

import java.util.SplittableRandom;

/**
 * Visits 0 … 2^bits−1 in a scrambled order without storing them, the way masscan-style scanners spread
 * probes. Every step is a bijection on {@code bits}-wide numbers: {@code i → (a·i + b) mod 2^bits} with odd
 * {@code a}, then xor-shifts and a second odd multiplier, so consecutive values show no stride.
 */
final class Permutation {
    private final long mask;
    private final long a;
    private final long b;
    private final long c;
    private final int shift;
    private long i;

    Permutation(int bits, SplittableRandom rng) {
        this.mask = (1L << bits) - 1;
        this.a = (rng.nextLong() | 1) & mask;
        this.b = rng.nextLong() & mask;
        this.c = (rng.nextLong() | 1) & mask;
        this.shift = bits / 2 + 1;
    }

    /** The next value; after 2^bits values the order repeats. */
    long next() {
        long x = (a * i++ + b) & mask;
        x ^= x >>> shift;
        x = (x * c) & mask;
        return x ^ (x >>> shift);
    }
}

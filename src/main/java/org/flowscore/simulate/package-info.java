/**
 * Synthetic attacks (scans, sweeps, floods, brute force, beacons, exfiltration) over real or generated background
 * traffic, written as logs or injected into a corpus.
 *
 * <p>May import: flow, format, read, source.
 */
package org.flowscore.simulate;

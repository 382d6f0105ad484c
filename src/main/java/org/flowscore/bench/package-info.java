/**
 * Benchmarks behind {@code flowscore bench}: scoring, extraction, detection across captures, Elasticsearch, tail
 * and capture throughput.
 *
 * <p>May import: any package.
 */
package org.flowscore.bench;

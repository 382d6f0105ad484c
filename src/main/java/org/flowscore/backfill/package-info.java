/**
 * {@code backfill}: months of rotated, gzipped history into the runtime, planned by time range and registry, read
 * on several threads, written once in file order, resumable.
 *
 * <p>May import: features, flow, model, read, runtime, sink, source, source.registry.
 */
package org.flowscore.backfill;

/**
 * {@code tail}: the daemon that follows logs as they are written into the runtime, one scoring stream per followed
 * path, checkpointing what the outputs acknowledged, with its status and metrics.
 *
 * <p>May import: allowlist, flow, format, model, read, runtime, sink, sink.es, source, source.follow, source.registry.
 */
package org.flowscore.tail;

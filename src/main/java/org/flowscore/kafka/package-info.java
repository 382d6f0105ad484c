/**
 * Kafka beyond one machine: {@code consume}, a consumer group member scoring the sensors of the partitions it owns
 * into the runtime (one scoring stream per sensor, offsets committed over what the outputs acknowledged, windows
 * rebuilt on assignment); {@code publish}, logs into keyed records; {@code rekey}, an unkeyed topic into one keyed
 * by sensor.
 *
 * <p>May import: allowlist, backfill, flow, format, model, read, runtime, sink, sink.es, sink.kafka, source, source.follow, source.kafka, source.registry, tail.
 */
package org.flowscore.kafka;

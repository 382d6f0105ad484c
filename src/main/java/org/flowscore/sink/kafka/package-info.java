/**
 * Scored flows into a Kafka topic, for teams that index through a pipeline of their own: each flow's ECS document
 * keyed by its deterministic id, acknowledged once the brokers have it; the acknowledging producer {@code publish}
 * shares.
 *
 * <p>May import: flow, sink.
 */
package org.flowscore.sink.kafka;

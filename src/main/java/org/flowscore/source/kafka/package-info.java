/**
 * Kafka as a source: what a record's value holds (a Zeek JSON record, bare or in zeek-kafka's envelope, a Suricata
 * EVE line, a shipper's envelope around either), which sensor a record belongs to, a partition's committable
 * offset (over records every output acknowledged) and the client's connection and security settings.
 *
 * <p>May import: flow, source.registry.
 */
package org.flowscore.source.kafka;

/**
 * The tail settings file: YAML, then the environment, then flags, merged and checked into the settings tail and
 * its Elasticsearch output run with.
 *
 * <p>May import: elastic, flow, kafka, sink.es, source.kafka, tail.
 */
package org.flowscore.config;

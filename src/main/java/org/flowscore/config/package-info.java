/**
 * The tail settings file: YAML, then the environment, then flags, merged and checked into the settings tail and
 * its Elasticsearch output run with.
 *
 * <p>May import: alerts, elastic, flow, sink.es, tail.
 */
package org.flowscore.config;

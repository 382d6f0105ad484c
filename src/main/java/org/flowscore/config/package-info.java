/**
 * The daemons' settings files (tail's; consume's, publish's and rekey's with their kafka section): YAML, then the
 * environment, then flags, merged and checked into the settings they and their outputs run with.
 *
 * <p>May import: alerts, elastic, flow, kafka, sink.es, source.kafka, tail.
 */
package org.flowscore.config;

/**
 * {@code capture}: packets (pcap files or an interface, through pcap4j) decoded, encapsulations removed, and
 * tracked into connections for the runtime.
 *
 * <p>May import: capture.flowtable, flow, model, runtime, sink.
 */
package org.flowscore.capture;

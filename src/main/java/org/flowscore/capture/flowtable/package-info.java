/**
 * Packets into Zeek-like connection records: tracking per flow, TCP state and history, timeouts and the memory
 * bound.
 *
 * <p>May import: flow.
 */
package org.flowscore.capture.flowtable;

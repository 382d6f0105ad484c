/**
 * What every stage shares about one connection: the {@link org.flowscore.flow.Connection} record (key, traffic,
 * state, ground truth), Community ID, local networks and direction, and the {@link
 * org.flowscore.flow.Acknowledgement} a record carries from its source to its output.
 *
 * <p>May import: nothing.
 */
package org.flowscore.flow;

/**
 * Log lines into connections, one reader per format (Zeek TSV and JSON, Suricata EVE), format detection, and the
 * writers that produce the same formats (simulate, tests).
 *
 * <p>May import: flow, source.
 */
package org.flowscore.format;

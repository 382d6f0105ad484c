/**
 * A site's own word as labels for its connections: Suricata alerts (by flow id, or Community ID and start for
 * Zeek), Zeek notices by uid, threat-intelligence sources, and an allowlist that wins over them; informational
 * alerts left out by default; counted per source.
 *
 * <p>May import: flow, format, source.
 */
package org.flowscore.labels;

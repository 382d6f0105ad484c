/**
 * The analyst's side of the outputs: every scored flow marked before it is rendered (the allowlist entry that
 * covers it; for a flagged flow its alert kind, severity and alert group), and, by default, one alert document per
 * group of flagged flows (one host, one kind of behaviour, one time window) instead of one per flow, written once its
 * window closed, with each member's acknowledgement waiting for it.
 *
 * <p>May import: allowlist, features, flow, model, sink.
 */
package org.flowscore.alerts;

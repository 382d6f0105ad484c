/**
 * Allowlists: the file of entries (addresses or ranges on either side, a port, a service, each with a comment and
 * an optional expiry) that mark flows as known and wanted, so they are still scored and indexed but never alerted
 * on; its parsing with the line of every mistake, and its reload when it changes.
 *
 * <p>May import: flow.
 */
package org.flowscore.allowlist;

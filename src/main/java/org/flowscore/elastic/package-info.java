/**
 * Connecting to Elasticsearch, shared by setup and the output: authentication, TLS (CA file or fingerprint), data
 * stream namespaces, and failures worded for the user.
 *
 * <p>May import: nothing.
 */
package org.flowscore.elastic;

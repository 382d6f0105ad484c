/**
 * Preparing Elasticsearch: the index and component templates, cluster checks, over plain HTTP.
 *
 * <p>May import: elastic.
 */
package org.flowscore.setup;

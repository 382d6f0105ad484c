/**
 * The Kibana saved objects (dashboards, searches, data view) and importing them.
 *
 * <p>May import: setup.
 */
package org.flowscore.setup.kibana;

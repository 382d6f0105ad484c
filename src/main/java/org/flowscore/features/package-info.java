/**
 * Connections into features: the 41 NSL-KDD features (per connection, 2-second and 100-connection windows, the
 * reorder buffer that puts connections into end order), the extended set, and the labelled datasets (NSL-KDD,
 * labelled logs) that come as features.
 *
 * <p>May import: flow.
 */
package org.flowscore.features;

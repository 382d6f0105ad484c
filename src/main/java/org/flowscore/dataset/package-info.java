/**
 * Training and evaluation data loaded from files: labelled logs and NSL-KDD, each capture a stream of its own.
 *
 * <p>May import: features, flow, read, source.
 */
package org.flowscore.dataset;

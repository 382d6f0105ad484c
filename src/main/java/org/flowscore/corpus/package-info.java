/**
 * Training corpora described by a recipe: real captures, injected simulated attacks, exclusions and caps, and the
 * training that holds out whole captures.
 *
 * <p>May import: dataset, features, flow, model, model.train, read, simulate, source.
 */
package org.flowscore.corpus;

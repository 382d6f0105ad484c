/**
 * Bytes into lines: input files and folders resolved and ordered, gzip opened by its magic bytes, lines split with
 * their byte offsets (for checkpoints) and over-long ones cut off.
 *
 * <p>May import: nothing.
 */
package org.flowscore.source;

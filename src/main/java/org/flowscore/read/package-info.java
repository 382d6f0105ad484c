/**
 * Files into connections with counts: the format's reader over every line of a file (detected or forced), every
 * line that is not a connection counted by kind or skip reason, or stopping the run under {@code --strict}; the
 * lenient parser of followed files.
 *
 * <p>May import: flow, format, source.
 */
package org.flowscore.read;

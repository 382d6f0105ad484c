/**
 * Following a path as a log writer uses it: appends, rotation (rename and new file), copytruncate, files that come
 * and go while stopped (rotation catch-up).
 *
 * <p>May import: source, source.registry.
 */
package org.flowscore.source.follow;

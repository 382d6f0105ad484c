/**
 * The commands: options parsed and checked, then the runtime called; errors worded for the user.
 *
 * <p>May import: any package.
 */
package org.flowscore.cli;

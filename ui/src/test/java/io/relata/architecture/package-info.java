/**
 * The module layering as executable rules. They live in {@code ui} because only here are all
 * modules on one classpath.
 */
package io.relata.architecture;

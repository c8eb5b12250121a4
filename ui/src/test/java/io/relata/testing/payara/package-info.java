/**
 * How the Arquillian tests start Payara Micro: its own container, made to start again when it
 * misread the start-up output. Client side only; deliberately outside {@code io.relata.testing},
 * whose classes go into every test deployment.
 */
package io.relata.testing.payara;

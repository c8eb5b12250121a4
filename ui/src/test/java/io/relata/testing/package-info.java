/**
 * Shared test machinery: the database of the Arquillian tests, the one place that builds test
 * deployments, a running relata.jar driven like an operator would, and a headless Chromium.
 */
package io.relata.testing;

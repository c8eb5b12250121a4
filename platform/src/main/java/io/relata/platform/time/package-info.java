/**
 * Time as the platform sees it. Everything that reads the time (token expiry, audit, SLAs, jobs)
 * injects the {@link java.time.Clock} produced here, so that tests can control it.
 */
package io.relata.platform.time;

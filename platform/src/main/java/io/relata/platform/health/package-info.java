/**
 * MicroProfile Health checks: {@code /health/ready} and {@code /health/live}, each reporting the
 * database. Launchers and load balancers look at these, never at a log line: Payara Micro reports
 * itself started even when the application failed to deploy.
 */
package io.relata.platform.health;

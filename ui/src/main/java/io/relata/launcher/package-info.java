/**
 * The runnable jar's entry point ({@code java -jar relata.jar}): starts an embedded PostgreSQL in
 * the data folder unless {@code RELATA_DB_URL} names an external one, then runs Payara Micro with
 * the WAR as a child process, waits until the application reports itself ready, and on Ctrl-C or
 * SIGTERM stops the server first and the database second. Not part of the WAR.
 */
package io.relata.launcher;

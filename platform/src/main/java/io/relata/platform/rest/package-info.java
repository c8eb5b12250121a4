/**
 * The REST API's shared plumbing: the JAX-RS application at {@code /api}, and the one place where
 * failures become RFC 9457 problem documents ({@code application/problem+json}). Resources live
 * with their concepts (for example {@code identity}); they throw {@link
 * io.relata.platform.rest.ProblemException}s and never build error responses themselves. No stack
 * trace, SQL or class name ever reaches a client.
 */
package io.relata.platform.rest;

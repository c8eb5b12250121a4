/**
 * Who is acting: users, their passwords, the API tokens issued to them, and the first {@code admin}
 * account. Passwords are hashed with PBKDF2 through Jakarta Security's {@code Pbkdf2PasswordHash};
 * tokens are random, shown once, and stored as SHA-256 digests. Every request that passes {@link
 * io.relata.platform.identity.BearerTokenFilter} carries an {@link
 * io.relata.platform.identity.Actor}; resources marked {@link
 * io.relata.platform.identity.Anonymous} are the only exceptions.
 */
package io.relata.platform.identity;

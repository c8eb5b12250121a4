/**
 * The directory: user accounts and groups as administrators manage them under {@code /api/v1/users}
 * and {@code /api/v1/groups} — who is active, which role and permission sets each user holds, and
 * who belongs to which group. Everything here needs the {@code manage-users} permission; granting
 * or taking away the built-in {@code administrator} set needs that set.
 *
 * <p>May depend on {@code identity} (accounts, password hashing, login lockout, tokens), {@code
 * access} (the permission check and the holdings a decision reads) and {@code metadata} (the role
 * and permission-set names that exist).
 */
package io.relata.platform.directory;

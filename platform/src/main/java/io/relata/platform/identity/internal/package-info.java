/** JPA implementations of the identity repositories; nothing outside {@code identity} uses them. */
package io.relata.platform.identity.internal;

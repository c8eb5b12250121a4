/**
 * A user's own list views: saved by the user for themselves, no admin right needed, checked against
 * what that user may see of the object. Shared views are the object's metadata.
 */
package io.relata.platform.view;

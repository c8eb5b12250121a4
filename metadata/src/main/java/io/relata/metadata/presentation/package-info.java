/**
 * Apps and dashboards: the documents that say how users find their work, not what it is. Compiled
 * after the objects and the access model they name; a change of the objects carries them along
 * ({@link io.relata.metadata.presentation.PresentationRewrite}).
 */
package io.relata.metadata.presentation;

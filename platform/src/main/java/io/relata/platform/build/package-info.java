/**
 * What a metadata change leaves to do after its commit, so that writers never wait for it: indexes
 * of large tables built {@code CONCURRENTLY} ({@link io.relata.platform.build.IndexBuild}) and the
 * search words of the records stored before computed again in batches ({@link
 * io.relata.platform.build.SearchRefresh}). The plan marks such steps deferred; {@link
 * io.relata.platform.build.DeferredSteps} queues their jobs in the change's transaction, and {@link
 * io.relata.platform.build.BuildProgress} tells Setup how far they are.
 *
 * <p>Depends on {@code schema} (what a table should have), {@code job}, {@code access} (the current
 * model) and {@code metadata} (the change hook); nothing depends on it.
 */
package io.relata.platform.build;

/**
 * The signed-in user of a browser session, and the guard that sends everybody else to the sign-in
 * page. Views are private unless annotated {@link io.relata.ui.session.PublicView}.
 */
package io.relata.ui.session;

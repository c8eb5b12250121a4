/**
 * Vaadin screens. They read and write only through the platform's services with the signed-in
 * {@link io.relata.platform.identity.Actor}, and never decide access themselves. Texts come from
 * {@code vaadin-i18n/translations*.properties}.
 */
package io.relata.ui;

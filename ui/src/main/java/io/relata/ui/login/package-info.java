/** The sign-in page at {@code /}. */
package io.relata.ui.login;

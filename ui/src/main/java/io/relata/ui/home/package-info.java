/** The first page after sign-in; the app shell replaces it in the screens issue. */
package io.relata.ui.home;

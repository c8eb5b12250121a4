/** {@code /home}: the greeting, the app's home dashboard, its objects, the records seen last. */
package io.relata.ui.home;

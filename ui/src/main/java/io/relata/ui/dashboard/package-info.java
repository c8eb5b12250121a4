/**
 * {@code /dashboards/{name}} and the dashboards on an app's home: widgets computed by the
 * platform's aggregates under the viewer's record security ({@link
 * io.relata.ui.dashboard.Figures}), drawn by ECharts loaded from its WebJar as a static resource
 * ({@link io.relata.ui.dashboard.Chart}); a click on a bar opens the list filtered to it.
 */
package io.relata.ui.dashboard;

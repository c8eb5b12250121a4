package io.relata.ui.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.html.Div;
import java.util.function.BiConsumer;

/**
 * A chart drawn in the browser by ECharts, loaded once per page from its WebJar as a static
 * resource (no npm build: STACK.md pitfall 10), rendered as SVG. A click on a bar, point or funnel
 * stage reports its category and series to the server.
 */
final class Chart extends Div {

  /** The library, from its WebJar. */
  static final String LIBRARY = io.relata.ui.screen.WebJars.url("echarts", "dist/echarts.min.js");

  private static final String DRAW =
      """
      const el = this;
      const option = JSON.parse($0);
      const figures = JSON.parse($1);
      // names come from records and users: the tooltip's HTML gets them as text only
      const esc = (s) => String(s).replace(/[&<>"']/g,
          (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
      const line = (p) =>
          p.marker + esc(p.seriesName) + ': ' + esc(figures[p.seriesIndex][p.dataIndex]);
      // axis figures in the viewer's language: "50 tn" in Swedish, "50K" in English
      const compact = new Intl.NumberFormat($3, {notation: 'compact'});
      if (option.yAxis) {
        option.yAxis.axisLabel = {formatter: (v) => compact.format(v)};
      }
      option.tooltip.formatter = (ps) => Array.isArray(ps)
          ? esc(ps[0].name) + '<br>' + ps.map(line).join('<br>')
          : ps.marker + esc(ps.name) + ': ' + esc(figures[0][ps.dataIndex]);
      window.relataCharts = window.relataCharts || new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = $2;
        script.onload = resolve;
        // a failed load is tried again by the next chart, not remembered for the page's life
        script.onerror = (e) => { window.relataCharts = undefined; reject(e); };
        document.head.appendChild(script);
      });
      window.relataCharts.then(() => {
        if (el.relataChart) { el.relataChart.dispose(); }
        const chart = echarts.init(el, null, {renderer: 'svg'});
        chart.setOption(option);
        chart.on('click', (p) => el.$server.open(p.dataIndex, p.seriesIndex || 0));
        el.relataChart = chart;
        if (!el.relataResize) {
          el.relataResize = new ResizeObserver(() => el.relataChart && el.relataChart.resize());
          el.relataResize.observe(el);
        }
        el.setAttribute('data-drawn', 'true');
      });
      """;

  private final String option;
  private final String figures;
  private final BiConsumer<Integer, Integer> opened;

  Chart(ObjectNode option, ArrayNode figures, BiConsumer<Integer, Integer> opened) {
    this.option = option.toString();
    this.figures = figures.toString();
    this.opened = opened;
    addClassName("relata-chart");
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    super.onAttach(attachEvent);
    getElement().executeJs(DRAW, option, figures, LIBRARY, getLocale().toLanguageTag());
  }

  @ClientCallable
  private void open(int category, int series) {
    opened.accept(category, series);
  }
}

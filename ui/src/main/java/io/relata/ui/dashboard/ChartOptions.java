package io.relata.ui.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.metadata.presentation.Widget;
import io.relata.ui.format.Values;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The ECharts option of a chart widget, built from the figures the platform computed: categories on
 * the axis, a series per value of the second grouping (stacked for bars), a funnel in the
 * pipeline's order. Figures as the viewer reads them travel beside it for the tooltips.
 */
final class ChartOptions {

  /** Relata's palette: Lumo's primary blue first, then colours that stay apart in print. */
  private static final String[] PALETTE = {
    "#1a73e8", "#12a37f", "#f29d38", "#8e5cd9", "#e8505b", "#2bb3c0", "#a4a63b", "#7a8699"
  };

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ChartOptions() {}

  static ObjectNode of(Widget widget, Figures figures) {
    ObjectNode option = NODES.objectNode();
    option.put("animation", false);
    ArrayNode colours = option.putArray("color");
    for (String colour : PALETTE) {
      colours.add(colour);
    }
    option.putObject("aria").put("enabled", true);
    option.putObject("textStyle").put("fontFamily", "inherit");
    boolean several = figures.series().size() > 1;
    if (several) {
      option.putObject("legend").put("type", "scroll").put("top", 0);
    }
    if (widget.type() == Widget.Type.FUNNEL) {
      option.putObject("tooltip").put("trigger", "item");
      ObjectNode funnel = option.putArray("series").addObject();
      funnel.put("type", "funnel").put("sort", "none").put("gap", 2).put("minSize", "30%");
      funnel.put("left", "4%").put("right", "4%").put("top", 8).put("bottom", 8);
      funnel.putObject("label").put("show", true).put("position", "inside");
      ArrayNode data = funnel.putArray("data");
      Figures.Series only = figures.series().get(0);
      for (int i = 0; i < figures.categories().size(); i++) {
        Figures.Category category = figures.categories().get(i);
        ObjectNode item = data.addObject().put("name", category.label());
        item.put("value", only.values().get(i));
        category.colour().ifPresent(c -> item.putObject("itemStyle").put("color", c));
      }
      return option;
    }
    option.putObject("tooltip").put("trigger", "axis");
    option
        .putObject("grid")
        .put("left", 8)
        .put("right", 16)
        .put("top", several ? 36 : 16)
        .put("bottom", 8)
        .put("containLabel", true);
    ObjectNode x = option.putObject("xAxis").put("type", "category");
    x.putObject("axisLabel").put("hideOverlap", true);
    ArrayNode categories = x.putArray("data");
    figures.categories().forEach(c -> categories.add(c.label()));
    option.putObject("yAxis").put("type", "value");
    ArrayNode series = option.putArray("series");
    boolean line = widget.type() == Widget.Type.LINE;
    for (Figures.Series s : figures.series()) {
      ObjectNode one = series.addObject();
      one.put("name", s.label()).put("type", line ? "line" : "bar");
      if (line) {
        one.put("smooth", false).put("symbolSize", 6);
      } else {
        one.put("barMaxWidth", 48);
        if (several) {
          one.put("stack", "total");
        }
      }
      ArrayNode data = one.putArray("data");
      for (int i = 0; i < s.values().size(); i++) {
        Optional<String> colour =
            several || line ? Optional.empty() : figures.categories().get(i).colour();
        if (colour.isPresent()) {
          data.addObject()
              .put("value", s.values().get(i))
              .putObject("itemStyle")
              .put("color", colour.get());
        } else {
          data.add(s.values().get(i));
        }
      }
    }
    return option;
  }

  /** The figures as the viewer reads them, by series and category, for tooltips. */
  static ArrayNode formatted(Figures figures, Values values) {
    ArrayNode all = NODES.arrayNode();
    for (Figures.Series s : figures.series()) {
      ArrayNode one = all.addArray();
      for (BigDecimal value : s.values()) {
        one.add(figures.format(values, value));
      }
    }
    return all;
  }
}

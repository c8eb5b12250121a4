package io.relata.ui.screen;

import com.vaadin.flow.router.BeforeEnterEvent;
import java.util.List;
import java.util.Optional;

/** What the address of a screen says beyond its route: its query parameters, one value each. */
public final class Address {

  private Address() {}

  /** The first value of the parameter {@code name}; empty when absent or blank. */
  public static Optional<String> parameter(BeforeEnterEvent event, String name) {
    List<String> values =
        event.getLocation().getQueryParameters().getParameters().getOrDefault(name, List.of());
    return values.stream().findFirst().filter(v -> !v.isBlank());
  }
}

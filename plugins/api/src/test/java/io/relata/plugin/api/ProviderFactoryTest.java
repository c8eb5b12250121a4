package io.relata.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderFactoryTest {

  record Named(String id, int order) implements ProviderFactory<String> {
    @Override
    public String create() {
      return id + "@" + order;
    }
  }

  @Test
  void coreProvidersHaveTheDefaultOrderSoAPluginCanPrecedeThem() {
    ProviderFactory<String> core =
        new ProviderFactory<>() {
          @Override
          public String id() {
            return "core.text";
          }

          @Override
          public String create() {
            return "core";
          }
        };
    ProviderFactory<String> plugin = new Named("core.text", 10);

    ProviderFactory<String> chosen =
        List.of(core, plugin).stream()
            .min(Comparator.comparingInt(ProviderFactory::order))
            .orElseThrow();

    assertEquals(1000, core.order());
    assertSame(plugin, chosen);
  }
}

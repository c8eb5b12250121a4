package io.relata.ui.screen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Addresses of files in the WebJars the screens load as static resources (charts, the rich-text
 * editor): the servlet container serves them from each jar's {@code META-INF/resources}, so they
 * never enter Vaadin's bundle. The version in the address is the jar's own, read from it: the pom
 * is the one place that names it.
 */
public final class WebJars {

  private WebJars() {}

  /** {@code webjars/<name>/<version>/<file>}, relative to the application's root. */
  public static String url(String name, String file) {
    String pom = "/META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
    try (InputStream in = WebJars.class.getResourceAsStream(pom)) {
      if (in == null) {
        throw new IllegalStateException("the WebJar " + name + " is not on the class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return "webjars/" + name + "/" + properties.getProperty("version") + "/" + file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

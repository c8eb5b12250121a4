package io.relata.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Screenshots of screens as the browser test saw them, under {@code target/screenshots/}: for
 * people to look at, on a desktop's window and on a phone's.
 */
public final class Screenshots {

  /** A laptop's window. */
  public static final Dimension DESKTOP = new Dimension(1440, 900);

  /** A phone held upright (CSS pixels of a common 6.1" phone). */
  public static final Dimension PHONE = new Dimension(390, 844);

  private Screenshots() {}

  public static Path save(ChromeDriver browser, String name) {
    Path folder = Path.of(System.getProperty("relata.test.work", "target"), "..", "screenshots");
    try {
      Files.createDirectories(folder);
      Path target = folder.resolve(name + ".png").normalize();
      Files.copy(
          browser.getScreenshotAs(OutputType.FILE).toPath(),
          target,
          StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new IllegalStateException("cannot save the screenshot " + name, e);
    }
  }
}

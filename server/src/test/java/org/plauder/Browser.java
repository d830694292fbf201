package org.plauder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium driven by Selenium, for tests against pages the server serves. */
public final class Browser {

  private Browser() {}

  public static ChromeDriver start(int width, int height) {
    return start(width, height, new String[0]);
  }

  /** The same with more Chromium arguments; {@code --lang=de-DE} also makes it the language pages are told. */
  public static ChromeDriver start(int width, int height, String... moreArguments) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
        "--window-size=" + width + "," + height);
    options.addArguments(moreArguments);
    for (String argument : moreArguments) {
      if (argument.startsWith("--lang=")) {
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", argument.substring("--lang=".length())));
      }
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
    return driver;
  }

  /** Saves a PNG screenshot under server/target/screenshots/ and returns its path. */
  public static Path screenshot(ChromeDriver driver, String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new AssertionError("could not save screenshot " + name, e);
    }
  }
}

package io.relata.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A story told in a real Chromium against the shared relata.jar ({@link SharedRelata}): each test
 * gets a browser of its own at desktop size, closed after it, and signs in as a user of the story.
 */
@ExtendWith(SharedRelata.class)
public abstract class BrowserStory {

  protected static RelataProcess server;
  protected static ApiClient admin;

  protected ChromeDriver browser;
  protected WebDriverWait wait;
  protected BrowserActions actions;

  @BeforeAll
  static void shareServer() {
    server = SharedRelata.server();
    admin = SharedRelata.admin();
  }

  /** A new browser for the test; also for a story that goes on as someone else. */
  @BeforeEach
  protected void openBrowser() throws java.io.IOException {
    browser = Browser.open();
    browser.manage().window().setSize(Screenshots.DESKTOP);
    wait = Browser.await(browser);
    actions = new BrowserActions(browser, wait);
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  /** Signs in on the sign-in page as {@code username}, with the stories' password, to home. */
  protected void signIn(String username) {
    browser.get(server.uri("/").toString());
    SignInPage page = new SignInPage(browser);
    page.signIn(username, SharedRelata.PASSWORD);
    page.awaitHome();
  }
}

package io.relata.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The sign-in page and the home view, as a browser test sees them. */
public final class SignInPage {

  private final ChromeDriver browser;
  private final WebDriverWait wait;

  public SignInPage(ChromeDriver browser) {
    this.browser = browser;
    this.wait = Browser.await(browser);
  }

  public WebDriverWait await() {
    return wait;
  }

  /** Types the name and password into the form and submits it. */
  public void signIn(String username, String password) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form input[name='username']")))
        .sendKeys(username);
    browser
        .findElement(By.cssSelector("vaadin-login-form input[name='password']"))
        .sendKeys(password);
    browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
  }

  /** Signs out through the user menu in the bar. */
  public void signOut() {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#user-menu vaadin-menu-bar-button")))
        .click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
  }

  /** Waits for the signed-in home view's greeting. */
  public WebElement awaitHome() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
  }

  /** Waits for the sign-in form, and checks that no signed-in view shows with it. */
  public boolean awaitSignInForm() {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
    return browser.findElements(By.id("greeting")).isEmpty();
  }

  /** Waits for the form to show its error. */
  public void awaitError() {
    WebElement form = browser.findElement(By.tagName("vaadin-login-form"));
    wait.until(driver -> form.getDomAttribute("error") != null);
  }
}

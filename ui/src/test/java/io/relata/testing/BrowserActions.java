package io.relata.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests do on a Vaadin screen as a user would: click what is in sight, type and
 * leave the field, and wait until the server has answered.
 */
public final class BrowserActions {

  private final ChromeDriver browser;
  private final WebDriverWait wait;

  public BrowserActions(ChromeDriver browser, WebDriverWait wait) {
    this.browser = browser;
    this.wait = wait;
  }

  /**
   * Clicks the element with {@code id} once the server has shown it: a button the server just made
   * visible is not in the page until its answer arrives.
   */
  public void click(String id) {
    clickAt(wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id))));
  }

  /** Clicks the first element {@code css} selects, once it is there. */
  public void clickCss(String css) {
    clickAt(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css))));
  }

  private void clickAt(WebElement element) {
    // in sight first, not under the shell's bar or scrolled away with the page
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /** Replaces the text of the field {@code css} selects with {@code text}, then leaves it. */
  public void type(String css, String text) {
    WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
    WebElement input =
        field.getTagName().equals("input")
            ? field
            : field.findElement(By.cssSelector("input, textarea"));
    wait.until(ExpectedConditions.elementToBeClickable(input));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
  }

  /** Waits until no request of the page to the server is in flight. */
  public void awaitServer() {
    wait.until(
        d ->
            (Boolean)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "const c = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;"
                            + " return !!c && Object.values(c).every(x => !x.isActive());"));
  }

  /**
   * Opens the combo box {@code id}, types {@code typed} and picks the item labelled {@code label}.
   */
  public void combo(String id, String typed, String label) {
    WebElement box = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
    box.findElement(By.cssSelector("input")).sendKeys(typed);
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-combo-box-item[normalize-space()='" + label + "']")))
        .click();
    awaitServer();
  }

  /** Opens the multi-select combo box {@code id}, picks the item {@code label} and closes it. */
  public void many(String id, String label) {
    WebElement box = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
    WebElement input = box.findElement(By.cssSelector("input"));
    input.click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//vaadin-multi-select-combo-box-item[normalize-space()='" + label + "']")))
        .click();
    input.sendKeys(Keys.ESCAPE);
    awaitServer();
  }

  /** Opens the select {@code id} and picks the item labelled {@code label}. */
  public void select(String id, String label) {
    click(id);
    pick(label);
  }

  /**
   * Picks the item labelled {@code label} of the select that is open: every select keeps its items
   * in the page, and a closing one's may still be in sight; the open one's are in an opened
   * overlay.
   */
  public void pick(String label) {
    WebElement item =
        wait.until(
            d ->
                d
                    .findElements(
                        By.xpath(
                            "//vaadin-select-overlay[@opened]//vaadin-select-item"
                                + "[normalize-space()='"
                                + label
                                + "']"))
                    .stream()
                    .filter(WebElement::isDisplayed)
                    .findFirst()
                    .orElse(null));
    // a long list scrolls: the item is brought into sight before it is clicked
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", item);
    wait.until(ExpectedConditions.elementToBeClickable(item)).click();
    awaitServer();
  }

  /**
   * Drags {@code source} onto {@code target} as the browser's drag and drop does: Chromium under
   * WebDriver does not start a native drag from synthetic mouse moves, so the events are fired.
   */
  public void drag(WebElement source, WebElement target) {
    ((JavascriptExecutor) browser)
        .executeScript(
            "const [s, t] = arguments; const d = new DataTransfer();"
                + "const fire = (e, n) => e.dispatchEvent(new DragEvent(n,"
                + " {bubbles: true, cancelable: true, dataTransfer: d}));"
                + "fire(s, 'dragstart'); fire(t, 'dragenter'); fire(t, 'dragover');"
                + "fire(t, 'drop'); fire(s, 'dragend');",
            source,
            target);
    awaitServer();
  }

  /** Sets the colour input {@code id} as its picker would. */
  public void colour(String id, String hex) {
    WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            input,
            hex);
    awaitServer();
  }

  /** The texts of Setup's plan dialog's steps, once it is open. */
  public java.util.List<String> planSteps() {
    // the plan, or the refusal that came instead of it, said
    wait.until(
        d ->
            !d.findElements(By.id("plan-apply")).isEmpty()
                || !d.findElements(By.tagName("vaadin-notification-card")).isEmpty());
    java.util.List<WebElement> refusals =
        browser.findElements(By.tagName("vaadin-notification-card"));
    if (browser.findElements(By.id("plan-apply")).isEmpty() && !refusals.isEmpty()) {
      throw new AssertionError("no plan but: " + refusals.get(0).getText());
    }
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-apply")));
    return browser.findElements(By.cssSelector("#plan-steps li")).stream()
        .map(WebElement::getText)
        .map(String::trim)
        .toList();
  }

  /** The board's column of {@code value} (a stage or a picklist value). */
  public WebElement lane(String value) {
    return wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".relata-board-column[data-lane='" + value + "']")));
  }

  /** The board's card of the record named {@code name}. */
  public WebElement card(String name) {
    return wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath(
                "//div[contains(@class,'relata-board-card')][.//a[normalize-space()='"
                    + name
                    + "']]")));
  }
}

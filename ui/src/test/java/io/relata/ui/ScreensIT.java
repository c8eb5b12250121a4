package io.relata.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.testing.ApiClient;
import io.relata.testing.BrowserActions;
import io.relata.testing.BrowserStory;
import io.relata.testing.Screenshots;
import io.relata.testing.SharedRelata;
import io.relata.testing.SignInPage;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The end user's screens in a real Chromium against relata.jar as an operator starts it: a seller
 * signs in, opens the list of opportunities, creates one through the form (a bad value is refused
 * at its field), moves it along the pipeline, logs a call, and finds all of it in the list and the
 * timeline. Screenshots of every screen, on a desktop and on a phone, land in {@code
 * target/screenshots/}.
 */
class ScreensIT extends BrowserStory {

  private static final String ADMIN_PASSWORD = SharedRelata.PASSWORD;
  private static final String SELLER_PASSWORD = "Seller-pass-1";
  private static ApiClient seller;
  private static String acme;

  @BeforeAll
  static void startRelata() throws Exception {
    // the account's related list names opportunities, which refer to accounts: two steps
    jakarta.json.JsonObject account = ApiClient.json(fixture("account"));
    jakarta.json.JsonObject layout = account.getJsonArray("layouts").getJsonObject(0);
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/objects/account",
            jakarta.json.Json.createObjectBuilder(account)
                .add(
                    "layouts",
                    jakarta.json.Json.createArrayBuilder()
                        .add(jakarta.json.Json.createObjectBuilder(layout).remove("relatedLists")))
                .build()
                .toString()));
    ok(admin.send("PUT", "api/v1/metadata/objects/opportunity", fixture("opportunity")));
    ok(admin.send("PUT", "api/v1/metadata/objects/account", fixture("account")));
    ok(admin.send("PUT", "api/v1/metadata/permission-sets/sales", fixture("sales")));
    ok(admin.send("PUT", "api/v1/metadata/dashboards/sales_home", fixture("sales-home")));
    ok(admin.send("PUT", "api/v1/metadata/apps/sales", fixture("sales-app")));
    ok(
        admin.send(
            "PUT", "api/v1/metadata/permission-sets/pipeline_viewer", fixture("pipeline-viewer")));
    String sara =
        id(
            admin.send(
                "POST",
                "api/v1/users",
                "{\"username\":\"sara\",\"password\":\""
                    + SELLER_PASSWORD
                    + "\",\"displayName\":\"Sara Lind\",\"permissionSets\":[\"sales\"]}"));
    seller = ApiClient.signIn(server.uri("/").toURL(), "sara", SELLER_PASSWORD);
    acme =
        id(
            seller.send(
                "POST",
                "api/v1/records/account",
                "{\"name\":\"Acme Oy\",\"industry\":\"software\"}"));
    id(
        seller.send(
            "POST",
            "api/v1/records/account",
            "{\"name\":\"Nordic Retail AB\",\"industry\":\"retail\"}"));
    String[][] deals = {
      {"Acme platform licence", "48000", "high", "qualification"},
      {"Acme support renewal", "12000", "normal", "prospecting"},
      {"Pilot for the warehouse", "7500", "low", "prospecting"}
    };
    for (String[] deal : deals) {
      String opportunity =
          id(
              admin.send(
                  "POST",
                  "api/v1/records/opportunity",
                  "{\"title\":\""
                      + deal[0]
                      + "\",\"amount\":"
                      + deal[1]
                      + ",\"priority\":\""
                      + deal[2]
                      + "\",\"stage\":\""
                      + deal[3]
                      + "\",\"margin\":"
                      + ApiClient.HIDDEN
                      + ",\"account\":\""
                      + acme
                      + "\"}"));
      ok(
          admin.send(
              "PATCH",
              "api/v1/records/opportunity/" + opportunity,
              "{\"owner_id\":\"" + sara + "\"}"));
    }
  }

  @Test
  void aSellerWorksThroughHerDayOnTheScreens() throws Exception {
    try {
      day();
    } catch (RuntimeException | AssertionError e) {
      Screenshots.save(browser, "failed");
      throw e;
    }
  }

  private void day() throws Exception {
    long before = count("opportunity");
    browser.get(server.uri("/").toString());
    SignInPage page = new SignInPage(browser);
    page.signIn("sara", SELLER_PASSWORD);
    assertEquals("Welcome, Sara Lind", page.awaitHome().getText());
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#home-objects [data-object='opportunity']")));
    assertTrue(
        browser.findElements(By.cssSelector("[data-app='sales'] [data-object='activity']")).size()
            == 1,
        "activities are an object of their own, in the app");
    // the app's home dashboard, computed by the platform for her
    assertEquals("1", widgetTotal(0));
    assertEquals("67500.00", widgetTotal(1));
    wait.until(
        d ->
            d.findElements(By.cssSelector("#home-dashboard .relata-chart[data-drawn]")).size()
                == 4);
    String funnel = browser.findElement(By.cssSelector("[data-widget='2']")).getText();
    assertTrue(funnel.contains("Total 3"), funnel);
    Screenshots.save(browser, "desktop-home");

    WebElement tile =
        browser.findElement(By.cssSelector("#home-objects [data-object='opportunity']"));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", tile);
    Screenshots.save(browser, "desktop-home-objects");
    tile.click();
    wait.until(ExpectedConditions.textToBe(By.id("list-title"), "Opportunities"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("records-grid"), "Acme platform licence"));
    assertEquals("3", browser.findElement(By.id("list-count")).getText());
    assertTrue(
        browser.findElements(By.cssSelector("[data-field='margin']")).isEmpty(),
        "a hidden field is no column");
    assertTrue(
        browser.findElement(By.id("records-grid")).getText().contains("€48,000.00"),
        "amounts in the seller's locale");
    Screenshots.save(browser, "desktop-list");
    String csv =
        (String)
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('list-export').href)"
                        + ".then(r => r.text()).then(done, e => done('failed: ' + e));");
    assertTrue(csv.startsWith("\"title\",\"stage\""), csv);
    assertTrue(csv.contains("\"Acme platform licence\""), csv);
    assertEquals(4, csv.strip().split("\\R").length, "a header and three records: " + csv);
    assertFalse(csv.contains("margin") || csv.contains("987654"), "a hidden field is not exported");

    // a column chosen: in the grid and in the address; the hidden field is not offered
    click("list-columns");
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-context-menu-item[data-field='next_step']")))
        .click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("vaadin-grid-cell-content span[data-field='next_step']")));
    assertTrue(
        browser
            .findElements(By.cssSelector("vaadin-context-menu-item[data-field='margin']"))
            .isEmpty());
    Screenshots.save(browser, "desktop-list-columns");
    assertTrue(browser.getCurrentUrl().contains("columns="), browser.getCurrentUrl());
    browser.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);

    // a view of her own: what the list shows now, kept under her label, for her alone
    type("#list-filter input", "amount > 10000" + Keys.ENTER);
    wait.until(ExpectedConditions.textToBe(By.id("list-count"), "2"));
    click("list-save-view");
    type("#view-label input", "Big deals");
    Screenshots.save(browser, "desktop-list-save-view");
    click("view-save");
    wait.until(d -> d.getCurrentUrl().contains("view=~big_deals"));
    browser.get(server.uri("/o/opportunity").toString());
    wait.until(ExpectedConditions.textToBe(By.id("list-count"), "3"));
    browser.get(server.uri("/o/opportunity?view=~big_deals").toString());
    wait.until(ExpectedConditions.textToBe(By.id("list-count"), "2"));
    assertTrue(
        browser
                .findElements(
                    By.cssSelector("vaadin-grid-cell-content span[data-field='next_step']"))
                .size()
            > 0,
        "the view keeps the columns she chose");
    click("list-delete-view");
    click("view-delete-yes");
    wait.until(ExpectedConditions.textToBe(By.id("list-count"), "3"));
    assertFalse(browser.getCurrentUrl().contains("big_deals"), browser.getCurrentUrl());

    // a filter built by pointing: high priority, or under 10,000, in the one condition language
    click("list-filter-builder");
    String first = "#filter-builder-root [data-row]:nth-of-type(1) ";
    choose(first + "[data-role='field']", "Priority");
    choose(first + "[data-role='value']", "High");
    click("filter-builder-add");
    String second = "#filter-builder-root [data-row]:nth-of-type(2) ";
    choose(second + "[data-role='field']", "Amount");
    choose(second + "[data-role='test']", "is less than");
    type(second + "[data-role='value']", "10000");
    choose("#filter-builder-match", "Any of these");
    Screenshots.save(browser, "desktop-filter-builder");
    click("filter-builder-apply");
    wait.until(ExpectedConditions.textToBe(By.id("list-count"), "2"));
    assertEquals(
        "priority = \"high\" or amount < 10000",
        browser.findElement(By.cssSelector("#list-filter input")).getAttribute("value"));
    click("list-filter-builder");
    click("filter-builder-clear");
    wait.until(ExpectedConditions.textToBe(By.id("list-count"), "3"));

    // a new opportunity in the list's dialog: a bad amount is refused at its field, nothing stored
    click("list-new");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("quick-create")));
    type("vaadin-text-field[data-field='title']", "Northwind renewal");
    type("vaadin-big-decimal-field[data-field='amount']", "-5");
    click("quick-create-save");
    WebElement amount =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("vaadin-big-decimal-field[data-field='amount'][invalid]")));
    assertEquals(
        "The amount must be more than zero.",
        ((JavascriptExecutor) browser).executeScript("return arguments[0].errorMessage", amount));
    assertEquals(before, count("opportunity"), "nothing saved");
    Screenshots.save(browser, "desktop-new-refused");

    WebElement amountInput =
        browser.findElement(By.cssSelector("vaadin-big-decimal-field[data-field='amount'] input"));
    amountInput.sendKeys(Keys.chord(Keys.CONTROL, "a"), "12500", Keys.TAB);
    // the account does not exist yet: created from the lookup, in a dialog of its own
    browser.findElement(By.cssSelector("[data-create='account']")).click();
    type("vaadin-text-field[data-field='name']", "Northwind Traders");
    Screenshots.save(browser, "desktop-quick-create-from-lookup");
    List<WebElement> saves = browser.findElements(By.id("quick-create-save"));
    saves.get(saves.size() - 1).click();
    wait.until(
        d ->
            "Northwind Traders"
                .equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return document.querySelector("
                                + "\"vaadin-combo-box[data-field='account'] input\").value")));
    click("quick-create-save");
    WebElement created = wait.until(ExpectedConditions.elementToBeClickable(By.id("created-link")));
    assertEquals("Northwind renewal", created.getText());
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("records-grid"), "Northwind renewal"));
    created.click();
    wait.until(ExpectedConditions.textToBe(By.id("record-name"), "Northwind renewal"));
    assertTrue(
        browser.getCurrentUrl().matches(".*/o/opportunity/[0-9a-f-]{36}$"),
        browser.getCurrentUrl());
    assertTrue(
        browser
            .findElement(By.cssSelector(".relata-highlights"))
            .getText()
            .contains("Northwind Traders"),
        "the account created from the lookup is the record's");
    // read, the form shows values: the account is a link to its record, no editor in sight
    WebElement account =
        browser.findElement(By.cssSelector(".relata-form a[data-field='account']"));
    assertEquals("Northwind Traders", account.getText());
    assertTrue(account.getAttribute("href").matches(".*/o/account/[0-9a-f-]{36}$"));
    assertTrue(
        browser.findElements(By.cssSelector(".relata-form vaadin-text-field")).isEmpty(),
        "no editor before Edit");
    // the link opens the account, whose related list shows the opportunity and links back
    account.click();
    wait.until(ExpectedConditions.textToBe(By.id("record-name"), "Northwind Traders"));
    WebElement related =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".relata-related-list[data-related='opportunity']")));
    assertTrue(related.getText().contains("Opportunities (1)"), related.getText());
    Screenshots.save(browser, "desktop-account-related");
    related.findElement(By.cssSelector("td a[data-field='title']")).click();
    wait.until(ExpectedConditions.textToBe(By.id("record-name"), "Northwind renewal"));
    assertEquals(before + 1, count("opportunity"));
    assertTrue(
        browser.findElements(By.cssSelector("[data-field='margin']")).isEmpty(),
        "a hidden field is not on the form");
    recordId();
    Screenshots.save(browser, "desktop-record");

    // the stage path: proposal needs a close date, asked for in a dialog
    browser.findElement(By.cssSelector("#stage-path [data-stage='proposal']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stage-fields-dialog")));
    // the dialog's date picker: the form behind it shows values, not editors, until "Edit"
    wait.until(
        d ->
            d.findElements(By.cssSelector("vaadin-date-picker[data-field='close_date']")).size()
                == 1);
    browser
        .findElement(By.cssSelector("vaadin-date-picker[data-field='close_date'] input"))
        .sendKeys("31/03/2027", Keys.ENTER);
    Screenshots.save(browser, "desktop-stage-dialog");
    click("stage-fields-apply");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#stage-path [data-stage='proposal'].current")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("timeline"), "Stage: Prospecting → Proposal"));

    // a note, logged on the record
    browser.findElement(By.cssSelector("#activity-composer vaadin-details-summary")).click();
    type("#activity-subject", "Called Northwind about the renewal");
    click("activity-save");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#timeline .relata-timeline-item[data-kind='note']")));
    assertTrue(
        browser
            .findElement(By.id("timeline"))
            .getText()
            .contains("Called Northwind about the renewal"));
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].scrollIntoView()",
            browser.findElement(By.cssSelector("#timeline .relata-timeline-items")));
    Screenshots.save(browser, "desktop-record-timeline");
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("record-name")));

    // an edit of one field
    click("record-edit");
    type("vaadin-text-field[data-field='next_step']", "Send the contract");
    // rich text with its toolbar: a bold line
    WebElement prose =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-field='description'] .ql-editor")));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", prose);
    prose.click();
    prose.sendKeys("Anna signs on Friday");
    prose.sendKeys(Keys.chord(Keys.CONTROL, "a"));
    browser.findElement(By.cssSelector("[data-field='description'] .ql-bold")).click();
    browser.findElement(By.cssSelector("vaadin-text-field[data-field='next_step'] input")).click();
    awaitServer();
    Screenshots.save(browser, "desktop-rich-text");
    click("record-save");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("record-save")));
    assertEquals(
        "Send the contract",
        ApiClient.json(seller.send("GET", "api/v1/records/opportunity/" + recordId(), null))
            .getString("next_step"));
    String description =
        ApiClient.json(seller.send("GET", "api/v1/records/opportunity/" + recordId(), null))
            .getString("description");
    assertTrue(
        description.contains("<strong>Anna signs on Friday</strong>"),
        "the editor's bold text, as the platform kept it: " + description);

    // the list shows the move
    browser.get(server.uri("/o/opportunity?sort=-amount").toString());
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("records-grid"), "Northwind renewal"));
    assertTrue(browser.findElement(By.id("records-grid")).getText().contains("Proposal"));
    assertEquals("4", browser.findElement(By.id("list-count")).getText());

    // the board: counts and sums by the platform, a drag moves, a refused drag stays
    click("list-board");
    WebElement prospecting = lane("prospecting");
    wait.until(d -> lane("prospecting").getText().contains("€19,500.00"));
    assertTrue(prospecting.getText().contains("2"), prospecting.getText());
    assertTrue(prospecting.getText().contains("€1,950.00 weighted (10 %)"), prospecting.getText());
    Screenshots.save(browser, "desktop-board");
    drag(card("Pilot for the warehouse"), lane("qualification"));
    wait.until(d -> lane("qualification").getText().contains("Pilot for the warehouse"));
    wait.until(d -> lane("qualification").getText().contains("€55,500.00"));
    assertFalse(lane("prospecting").getText().contains("Pilot for the warehouse"));
    // the move in the dashboard's figure, and the figure opens the records behind it
    browser.get(server.uri("/home").toString());
    wait.until(d -> "2".equals(widgetTotal(0)));
    browser
        .findElement(By.cssSelector("#home-dashboard [data-widget='0'] .relata-widget-link"))
        .click();
    wait.until(ExpectedConditions.textToBe(By.id("list-count"), "2"));
    assertTrue(browser.getCurrentUrl().contains("filter="), browser.getCurrentUrl());
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("records-grid"), "Pilot for the warehouse"));
    browser.get(server.uri("/dashboards/sales_home").toString());
    wait.until(ExpectedConditions.textToBe(By.id("dashboard-title"), "Sales overview"));
    wait.until(
        d ->
            d.findElements(By.cssSelector(".relata-dashboard .relata-chart[data-drawn]")).size()
                == 4);
    Screenshots.save(browser, "desktop-dashboard");
    // her own copy: widgets she takes away leave hers only
    click("dashboard-copy");
    wait.until(ExpectedConditions.textToBe(By.id("dashboard-title"), "Sales overview (my copy)"));
    assertTrue(browser.getCurrentUrl().contains("/dashboards/~my_sales_home"));
    int widgets = browser.findElements(By.cssSelector(".relata-dashboard .relata-widget")).size();
    browser.findElement(By.cssSelector("[data-widget='3'] .relata-widget-remove")).click();
    wait.until(
        d ->
            d.findElements(By.cssSelector(".relata-dashboard .relata-widget")).size()
                == widgets - 1);
    assertTrue(
        browser
                .findElements(
                    By.cssSelector("vaadin-side-nav-item[data-dashboard='~my_sales_home']"))
                .size()
            == 1);
    browser.get(server.uri("/dashboards/sales_home").toString());
    wait.until(ExpectedConditions.textToBe(By.id("dashboard-title"), "Sales overview"));
    wait.until(
        d -> d.findElements(By.cssSelector(".relata-dashboard .relata-widget")).size() == widgets);
    browser.get(server.uri("/dashboards/~my_sales_home").toString());
    click("dashboard-delete");
    click("dashboard-delete-yes");
    page.awaitHome();
    assertTrue(browser.findElements(By.cssSelector("[data-dashboard='~my_sales_home']")).isEmpty());
    browser.get(server.uri("/dashboards/sales_home").toString());
    wait.until(ExpectedConditions.textToBe(By.id("dashboard-title"), "Sales overview"));
    WebElement acmeTotal =
        browser.findElement(
            By.xpath("//div[@data-widget='5']//div[span[normalize-space()='Acme Oy']]/a"));
    assertEquals("€67,500.00", acmeTotal.getText());
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", acmeTotal);
    Screenshots.save(browser, "desktop-dashboard-table");
    acmeTotal.click();
    wait.until(ExpectedConditions.textToBe(By.id("list-count"), "3"));
    browser.get(server.uri("/o/opportunity/board").toString());
    wait.until(d -> lane("qualification").getText().contains("Pilot for the warehouse"));
    drag(card("Acme platform licence"), lane("won"));
    WebElement refusal =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-notification-card")));
    assertTrue(
        browser
            .findElement(By.tagName("vaadin-notification-card"))
            .getText()
            .contains("cannot move from stage Qualification to Closed won"),
        browser.findElement(By.tagName("vaadin-notification-card")).getText());
    assertTrue(lane("qualification").getText().contains("Acme platform licence"), "snapped back");
    assertFalse(lane("won").getText().contains("Acme platform licence"));
    Screenshots.save(browser, "desktop-board-refused");
    assertTrue(refusal != null);

    // bulk: two records to another owner, one deleted, each after a question naming the count
    browser.get(server.uri("/o/opportunity?sort=title").toString());
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("records-grid"), "Acme platform licence"));
    List<WebElement> boxes = rowBoxes();
    boxes.get(0).click();
    boxes.get(1).click();
    wait.until(ExpectedConditions.textToBe(By.id("bulk-count"), "2 selected"));
    Screenshots.save(browser, "desktop-list-selected");
    click("bulk-assign");
    pick("owner_id", "admin");
    click("bulk-assign-apply");
    confirm("Give 2 records to the new owner?");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.tagName("vaadin-notification-card"), "2 changed, 0 refused"));
    wait.until(ExpectedConditions.textToBe(By.id("list-count"), "2"));
    String adminId = ApiClient.json(admin.send("GET", "api/v1/users/me", null)).getString("id");
    assertEquals(
        2,
        ApiClient.json(
                admin.send(
                    "GET",
                    "api/v1/records/opportunity?limit=10&filter="
                        + java.net.URLEncoder.encode(
                            "owner_id = \"" + adminId + "\" and title starts with \"Acme\"",
                            java.nio.charset.StandardCharsets.UTF_8),
                    null))
            .getJsonArray("items")
            .size());
    wait.until(d -> !rowBoxes().isEmpty());
    rowBoxes().get(1).click();
    wait.until(ExpectedConditions.textToBe(By.id("bulk-count"), "1 selected"));
    click("bulk-delete");
    confirm("Delete one record?");
    wait.until(ExpectedConditions.textToBe(By.id("list-count"), "1"));
    assertEquals(before, count("opportunity"), "one created, one deleted");

    // global search as she types: a hit opens the record
    browser.get(server.uri("/home").toString());
    page.awaitHome();
    browser.findElement(By.cssSelector("#global-search input")).sendKeys("northw");
    WebElement hit =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//vaadin-combo-box-item[.//span[normalize-space()='Northwind renewal']]")));
    Screenshots.save(browser, "desktop-search-type-ahead");
    hit.click();
    wait.until(ExpectedConditions.textToBe(By.id("record-name"), "Northwind renewal"));
    long version = version("opportunity", recordId());
    click("record-edit");
    click("record-save");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("record-save")));
    assertEquals(
        version, version("opportunity", recordId()), "saving an untouched form writes nothing");

    // from one record to another: the page is the same view, and one save is one write
    browser.findElement(By.cssSelector("#global-search input")).sendKeys("acme oy");
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-combo-box-item[.//span[normalize-space()='Acme Oy']]")))
        .click();
    wait.until(ExpectedConditions.textToBe(By.id("record-name"), "Acme Oy"));
    long accountVersion = version("account", acme);
    click("record-edit");
    type("vaadin-text-field[data-field='phone']", "+358 40 123 4567");
    click("record-save");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("record-save")));
    assertEquals(accountVersion + 1, version("account", acme));

    // what the seller may not read is not found, like what does not exist
    browser.get(server.uri("/o/nothing_here").toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("not-found")));
    Screenshots.save(browser, "desktop-not-found");

    // her password, changed by giving the one she has; a token for a script, shown once, revoked
    userMenu("password");
    type("#password-current input", "not-my-password");
    type("#password-new input", "a-new-long-password");
    type("#password-repeat input", "a-new-long-password");
    click("password-save");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("vaadin-password-field#password-current[invalid]")));
    Screenshots.save(browser, "desktop-password-refused");
    type("#password-current input", SELLER_PASSWORD);
    click("password-save");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.tagName("vaadin-notification-card"), "Your password is changed"));
    ApiClient.signIn(server.uri("/").toURL(), "sara", "a-new-long-password");
    userMenu("tokens");
    type("#token-name input", "Zapier");
    click("token-create");
    String secret =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#token-secret")))
            .getAttribute("value");
    assertEquals(
        200,
        new ApiClient(server.uri("/").toURL(), secret)
            .send("GET", "api/v1/users/me", null)
            .statusCode());
    Screenshots.save(browser, "desktop-tokens");
    browser
        .findElement(By.xpath("//div[@data-token][span[normalize-space()='Zapier']]/vaadin-button"))
        .click();
    wait.until(
        d ->
            d.findElement(By.xpath("//div[@data-token][span[normalize-space()='Zapier']]"))
                .getText()
                .contains("revoked"));
    assertEquals(
        401,
        new ApiClient(server.uri("/").toURL(), secret)
            .send("GET", "api/v1/users/me", null)
            .statusCode());
    browser.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);

    // the same screens on a phone
    browser.manage().window().setSize(Screenshots.PHONE);
    browser.get(server.uri("/home").toString());
    page.awaitHome();
    wait.until(
        d ->
            d.findElements(By.cssSelector("#home-dashboard .relata-chart[data-drawn]")).size()
                == 4);
    Screenshots.save(browser, "phone-home");
    browser.get(server.uri("/o/opportunity").toString());
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("records-grid"), "Northwind renewal"));
    Screenshots.save(browser, "phone-list");
    browser.get(server.uri("/o/opportunity/" + recordId()).toString());
    wait.until(ExpectedConditions.textToBe(By.id("record-name"), "Northwind renewal"));
    Screenshots.save(browser, "phone-record");
    // on a phone a card cannot be dragged: its menu moves it, through the same guard
    browser.get(server.uri("/o/opportunity/board").toString());
    WebElement proposalCard =
        wait.until(d -> lane("proposal").findElement(By.cssSelector(".relata-board-card")));
    String moving = proposalCard.findElement(By.tagName("a")).getText();
    Screenshots.save(browser, "phone-board");
    WebElement menu = proposalCard.findElement(By.cssSelector(".relata-card-move"));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", menu);
    menu.click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-button[data-lane='negotiation']")))
        .click();
    wait.until(d -> lane("negotiation").getText().contains(moving));
    assertFalse(lane("proposal").getText().contains(moving));
  }

  @Test
  void theBellTellsASellerOfADealRoutedToHerAndItsTimelineSaysWhy() throws Exception {
    // a seller of her own: the other stories change Sara's password and language
    ok(
        admin.send(
            "POST",
            "api/v1/users",
            "{\"username\":\"nina\",\"password\":\""
                + SELLER_PASSWORD
                + "\",\"displayName\":\"Nina Berg\",\"permissionSets\":[\"sales\"]}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/assignment-rules/opportunity_routing",
            "{\"label\":\"Opportunity routing\",\"object\":\"opportunity\",\"rules\":["
                + "{\"label\":\"Very large deals\",\"condition\":\"amount > 900000\","
                + "\"assignTo\":{\"user\":\"nina\"}}],\"fallback\":{\"user\":\"nina\"}}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/automations/route_big",
            "{\"label\":\"Route very large deals\",\"object\":\"opportunity\","
                + "\"trigger\":{\"type\":\"record\",\"timing\":\"before\",\"on\":[\"create\"]},"
                + "\"condition\":\"amount > 900000\","
                + "\"actions\":[{\"type\":\"assign\",\"rules\":\"opportunity_routing\"}]}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/automations/tell_owner",
            "{\"label\":\"A very large deal\",\"object\":\"opportunity\","
                + "\"trigger\":{\"type\":\"record\",\"timing\":\"after\",\"on\":[\"create\"]},"
                + "\"condition\":\"amount > 900000\","
                + "\"actions\":[{\"type\":\"notify\",\"to\":{\"owner\":true},"
                + "\"message\":\"{title} is yours to close\"}]}"));
    String deal =
        id(
            admin.send(
                "POST",
                "api/v1/records/opportunity",
                "{\"title\":\"Acme group-wide rollout\",\"amount\":950000,"
                    + "\"priority\":\"high\",\"stage\":\"prospecting\",\"account\":\""
                    + acme
                    + "\"}"));
    try {
      browser.get(server.uri("/").toString());
      new SignInPage(browser).signIn("nina", SELLER_PASSWORD);
      WebElement unread =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notifications-unread")));
      assertEquals("1", unread.getText());
      Screenshots.save(browser, "desktop-bell");
      click("notifications");
      WebElement dialog =
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("vaadin-dialog-overlay .relata-notification.relata-unread")));
      assertTrue(
          dialog.getText().contains("Acme group-wide rollout is yours to close"), dialog.getText());
      assertTrue(dialog.getText().contains("A very large deal"), dialog.getText());
      Screenshots.save(browser, "desktop-notifications");
      dialog.click();
      wait.until(ExpectedConditions.urlContains("/o/opportunity/" + deal));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("timeline"),
              "By automation Route very large deals · rule 1 of Opportunity routing"
                  + " “Very large deals”: amount > 900000"));
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("notifications-unread")));
      Screenshots.save(browser, "desktop-record-because");
      browser.manage().window().setSize(Screenshots.PHONE);
      click("notifications");
      wait.until(
          ExpectedConditions.visibilityOfElementLocated(
              By.cssSelector("vaadin-dialog-overlay .relata-notification")));
      Screenshots.save(browser, "phone-notifications");
    } catch (RuntimeException | AssertionError e) {
      Screenshots.save(browser, "failed-bell");
      throw e;
    }
  }

  @Test
  void aDealAwaitsItsApprovalLockedAndTheManagerApprovesItFromHerInbox() throws Exception {
    String otto =
        id(
            admin.send(
                "POST",
                "api/v1/users",
                "{\"username\":\"otto\",\"password\":\""
                    + SELLER_PASSWORD
                    + "\",\"displayName\":\"Otto Vik\",\"permissionSets\":[\"sales\"]}"));
    String pia =
        id(
            admin.send(
                "POST",
                "api/v1/users",
                "{\"username\":\"pia\",\"password\":\""
                    + SELLER_PASSWORD
                    + "\",\"displayName\":\"Pia Ek\",\"permissionSets\":[\"sales\"]}"));
    ok(admin.send("PATCH", "api/v1/users/" + pia, "{\"manager\":\"" + otto + "\"}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/approval-processes/huge_deals",
            "{\"label\":\"Huge deal sign-off\",\"object\":\"opportunity\",\"stage\":\"won\","
                + "\"condition\":\"amount > 5000000\","
                + "\"steps\":[{\"label\":\"Manager\",\"approver\":{\"manager\":true}}]}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/automations/real_names",
            "{\"label\":\"Real names\",\"object\":\"opportunity\","
                + "\"trigger\":{\"type\":\"record\",\"timing\":\"before\",\"on\":[\"update\"]},"
                + "\"actions\":[{\"type\":\"script\",\"source\":"
                + "\"if (record.title.indexOf('TBD') >= 0) problem('title', 'Give the deal its real name');\"}]}"));
    ApiClient piaApi = ApiClient.signIn(server.uri("/").toURL(), "pia", SELLER_PASSWORD);
    String deal =
        id(
            piaApi.send(
                "POST",
                "api/v1/records/opportunity",
                "{\"title\":\"Nordic group framework\",\"amount\":6200000,"
                    + "\"priority\":\"high\",\"stage\":\"negotiation\"}"));
    try {
      browser.get(server.uri("/").toString());
      new SignInPage(browser).signIn("pia", SELLER_PASSWORD);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-approvals")));
      browser.get(server.uri("/o/opportunity/" + deal).toString());
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("record-name")));
      // a script's problem is said at its field, in the form, and nothing is saved
      click("record-edit");
      type("vaadin-text-field[data-field='title']", "TBD framework");
      click("record-save");
      WebElement title =
          wait.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("vaadin-text-field[data-field='title'][invalid]")));
      assertEquals(
          "Give the deal its real name",
          ((JavascriptExecutor) browser).executeScript("return arguments[0].errorMessage", title));
      Screenshots.save(browser, "desktop-record-script-problem");
      click("record-cancel");
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("record-save")));
      assertEquals(
          "Nordic group framework",
          ApiClient.json(piaApi.send("GET", "api/v1/records/opportunity/" + deal, null))
              .getString("title"));

      // she moves it to Won on its path: it stays in Negotiation, sent for approval, and locked
      WebElement won =
          wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.cssSelector(".relata-stage-path [data-stage='won']")));
      won.click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.tagName("vaadin-notification-card"), "Sent for approval: Closed won"));
      WebElement banner =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-banner")));
      assertTrue(
          banner.getText().contains("Awaiting approval: Huge deal sign-off"), banner.getText());
      assertTrue(banner.getText().contains("Negotiation"), banner.getText());
      assertTrue(banner.getText().contains("Closed won"), banner.getText());
      assertTrue(
          browser.findElements(By.id("record-edit")).stream().noneMatch(WebElement::isDisplayed),
          "locked: no edit");
      Screenshots.save(browser, "desktop-record-awaiting-approval");

      browser.manage().deleteAllCookies();
      browser.get(server.uri("/").toString());
      new SignInPage(browser).signIn("otto", SELLER_PASSWORD);
      wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-approvals"))).click();
      WebElement card =
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("#approvals-list .relata-approval")));
      assertTrue(card.getText().contains("Nordic group framework"), card.getText());
      assertTrue(card.getText().contains("Pia Ek"), card.getText());
      Screenshots.save(browser, "desktop-approvals");
      browser.manage().window().setSize(Screenshots.PHONE);
      Screenshots.save(browser, "phone-approvals");
      browser.manage().window().setSize(Screenshots.DESKTOP);

      // a rejection needs its reason, said at the field; she approves instead
      card.findElement(By.cssSelector(".relata-approval-reject")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-confirm"))).click();
      wait.until(ExpectedConditions.attributeToBe(By.id("approval-comment"), "invalid", "true"));
      Screenshots.save(browser, "desktop-approval-reject-needs-comment");
      click("approval-cancel");
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("approval-comment")));
      browser.findElement(By.cssSelector("#approvals-list .relata-approval-approve")).click();
      WebElement comment =
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("#approval-comment textarea")));
      comment.sendKeys("Good terms");
      click("approval-confirm");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approvals-none")));
      assertEquals(
          "won",
          ApiClient.json(piaApi.send("GET", "api/v1/records/opportunity/" + deal, null))
              .getString("stage"));
      // the decision over the API, as the OpenAPI document says; a decided request stays decided
      ApiClient ottoApi = ApiClient.signIn(server.uri("/").toURL(), "otto", SELLER_PASSWORD);
      jakarta.json.JsonObject decided =
          ApiClient.json(ottoApi.send("GET", "api/v1/approvals?inbox=false&state=approved", null))
              .getJsonArray("items")
              .getJsonObject(0);
      assertEquals(
          "Good terms", decided.getJsonArray("decisions").getJsonObject(0).getString("comment"));
      assertEquals(
          "Otto Vik",
          decided.getJsonArray("decisions").getJsonObject(0).getJsonObject("by").getString("name"));
      String request = "api/v1/approvals/" + decided.getString("id");
      assertEquals(409, ottoApi.send("POST", request + "/approve", "{}").statusCode());
      assertEquals(400, ottoApi.send("POST", request + "/reject", "{\"note\":\"x\"}").statusCode());
      assertEquals(
          0,
          ApiClient.json(ottoApi.send("GET", "api/v1/approvals", null))
              .getJsonArray("items")
              .size(),
          "his inbox is empty");

      // the record's timeline tells its owner the request's turns, over the API and on its page
      jakarta.json.JsonArray turns =
          ApiClient.json(
                  piaApi.send("GET", "api/v1/records/opportunity/" + deal + "/timeline", null))
              .getJsonArray("items");
      assertTrue(
          turns.getValuesAs(jakarta.json.JsonObject.class).stream()
              .anyMatch(
                  t ->
                      t.getString("event").equals("approval-approved")
                          && t.getJsonObject("approval").getString("comment").equals("Good terms")),
          turns.toString());
      browser.manage().deleteAllCookies();
      browser.get(server.uri("/").toString());
      new SignInPage(browser).signIn("pia", SELLER_PASSWORD);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-approvals")));
      browser.get(server.uri("/o/opportunity/" + deal).toString());
      WebElement approved =
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector(".relata-timeline-item[data-event='approval_approved']")));
      assertTrue(
          approved.getText().contains("Approved: Closed won (Huge deal sign-off)"),
          approved.getText());
      assertTrue(approved.getText().contains("“Good terms”"), approved.getText());
      assertTrue(
          browser
              .findElement(By.cssSelector(".relata-timeline-item[data-event='approval_asked']"))
              .getText()
              .contains("Sent for approval: Closed won"));
      Screenshots.save(browser, "desktop-record-approval-timeline");
      browser.manage().window().setSize(Screenshots.PHONE);
      browser.navigate().refresh();
      ((JavascriptExecutor) browser)
          .executeScript(
              "arguments[0].scrollIntoView()",
              wait.until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector(".relata-timeline-item[data-event='approval_approved']"))));
      Screenshots.save(browser, "phone-record-approval-timeline");
      browser.manage().window().setSize(Screenshots.DESKTOP);
    } catch (RuntimeException | AssertionError e) {
      Screenshots.save(browser, "failed-approvals");
      throw e;
    }
  }

  @Test
  void aSellerSwitchedToSwedishSeesHerLanguageAndNothingSheMayNotSee() throws Exception {
    String olle =
        id(
            admin.send(
                "POST",
                "api/v1/users",
                "{\"username\":\"olle\",\"password\":\""
                    + SELLER_PASSWORD
                    + "\",\"displayName\":\"Olle Berg\",\"timeZone\":\"Europe/Stockholm\","
                    + "\"permissionSets\":[\"pipeline_viewer\"]}"));
    String his =
        id(
            admin.send(
                "POST",
                "api/v1/records/opportunity",
                "{\"title\":\"Skåne expansion\",\"amount\":48000,\"close_date\":\"2027-03-31\","
                    + "\"margin\":"
                    + ApiClient.HIDDEN
                    + ",\"account\":\""
                    + acme
                    + "\"}"));
    ok(admin.send("PATCH", "api/v1/records/opportunity/" + his, "{\"owner_id\":\"" + olle + "\"}"));
    ok(admin.send("PATCH", "api/v1/records/opportunity/" + his, "{\"margin\":12.5}"));

    browser.get(server.uri("/").toString());
    SignInPage page = new SignInPage(browser);
    page.signIn("olle", SELLER_PASSWORD);
    assertEquals("Welcome, Olle Berg", page.awaitHome().getText());

    // he switches his profile to Swedish
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#user-menu vaadin-menu-bar-button")))
        .click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("profile"))).click();
    WebElement language =
        wait.until(ExpectedConditions.elementToBeClickable(By.id("profile-language")));
    language.click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[normalize-space()='Svenska']")))
        .click();
    Screenshots.save(browser, "desktop-profile");
    click("profile-save");
    wait.until(ExpectedConditions.textToBe(By.id("greeting"), "Välkommen, Olle Berg"));
    assertEquals(
        "Sök i allt (Ctrl+K)",
        browser.findElement(By.id("global-search")).getAttribute("placeholder"));
    assertTrue(
        browser.findElements(By.cssSelector("vaadin-side-nav [data-object='account']")).isEmpty(),
        "an object he may not read is not in the drawer, nor in the app");
    assertTrue(
        browser
                .findElements(By.cssSelector("[data-app='sales'] [data-object='opportunity']"))
                .size()
            == 1);
    // the dashboard in Swedish, computed over what he may read: his one opportunity
    assertEquals("48000.00", widgetTotal(1));
    String dashboard = browser.findElement(By.id("home-dashboard")).getText();
    assertTrue(dashboard.contains("Öppna lista"), dashboard);
    assertTrue(dashboard.contains("Öppen pipeline"), "a widget's title in Swedish: " + dashboard);
    assertTrue(
        browser
            .findElement(By.cssSelector("[data-app='sales']"))
            .getText()
            .contains("Försäljning"));
    assertTrue(spaces(dashboard).contains("48 000,00 €"), dashboard);
    assertFalse(dashboard.contains("Acme Oy"), "no name of an account he may not read");
    Screenshots.save(browser, "sv-home-dashboard");
    Screenshots.save(browser, "sv-home");

    browser.get(server.uri("/o/opportunity").toString());
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("records-grid"), "Skåne expansion"));
    String grid = spaces(browser.findElement(By.id("records-grid")).getText());
    assertEquals("Affärsmöjligheter", browser.findElement(By.id("list-title")).getText());
    assertTrue(grid.contains("Prospektering"), "a stage's label in Swedish: " + grid);
    assertTrue(grid.contains("48 000,00 €"), grid);
    assertTrue(grid.contains("31 mars 2027"), grid);
    assertTrue(browser.findElements(By.cssSelector("[data-field='margin']")).isEmpty());
    assertEquals("Ny", browser.findElement(By.id("list-new")).getText());
    assertTrue(
        browser.findElements(By.id("list-export")).isEmpty(), "no export without the export right");
    assertEquals(
        "Steg",
        browser
            .findElement(By.cssSelector("vaadin-grid-cell-content span[data-field='stage']"))
            .getText());
    Screenshots.save(browser, "sv-list");
    // a shared view, and a layout's section, by the labels their documents give in Swedish
    browser.get(server.uri("/o/opportunity?view=high_priority").toString());
    wait.until(d -> d.findElement(By.id("list-view")).getText().contains("Hög prioritet"));

    // the platform's own problem, at its field, in Swedish; nothing saved
    click("list-new");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("quick-create-save"))).click();
    WebElement title =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("vaadin-text-field[data-field='title'][invalid]")));
    assertEquals(
        "är obligatoriskt",
        ((JavascriptExecutor) browser).executeScript("return arguments[0].errorMessage", title));
    assertEquals(
        "read-only",
        browser
                    .findElement(By.cssSelector("vaadin-big-decimal-field[data-field='amount']"))
                    .getAttribute("readonly")
                != null
            ? "read-only"
            : "editable",
        "a read-only field cannot be typed into");
    assertEquals(
        "mars",
        ((JavascriptExecutor) browser)
            .executeScript(
                "return arguments[0].i18n.monthNames[2]",
                browser.findElement(By.cssSelector("vaadin-date-picker[data-field='close_date']"))),
        "the date picker speaks Swedish too");
    WebElement lookup =
        browser.findElement(By.cssSelector("vaadin-combo-box[data-field='account'] input"));
    lookup.sendKeys("Acme");
    awaitServer();
    assertTrue(
        browser.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty(),
        "a lookup offers nothing of an object he may not read");
    assertTrue(
        browser.findElements(By.cssSelector("[data-create='account']")).isEmpty(),
        "nor to create one");
    Screenshots.save(browser, "sv-new-refused");

    // his record: amounts and dates for Sweden, the hidden field nowhere, the timeline in Swedish
    browser.get(server.uri("/o/opportunity/" + his).toString());
    wait.until(ExpectedConditions.textToBe(By.id("record-name"), "Skåne expansion"));
    String header = spaces(browser.findElement(By.cssSelector(".relata-highlights")).getText());
    assertTrue(header.contains("48 000,00 €"), header);
    assertTrue(header.contains("31 mars 2027"), header);
    assertTrue(
        header.contains("(inte synlig för dig)"),
        "an account he may not read is not named: " + header);
    assertTrue(browser.findElements(By.cssSelector("[data-field='margin']")).isEmpty());
    assertTrue(
        browser.findElements(By.tagName("h3")).stream()
            .anyMatch(h -> h.getText().equals("Planering")),
        "a section's title in Swedish");
    String timeline = browser.findElement(By.id("timeline")).getText();
    assertTrue(timeline.contains("Skapad"), timeline);
    assertFalse(timeline.contains("Margin") || timeline.contains("12,5"), timeline);
    assertEquals("Redigera", browser.findElement(By.id("record-edit")).getText());
    Screenshots.save(browser, "sv-record");

    browser.get(server.uri("/o/opportunity/board").toString());
    wait.until(d -> lane("proposal").getText().contains("viktat"));
    assertTrue(lane("proposal").getText().contains("Offert"), lane("proposal").getText());
    assertTrue(browser.findElements(By.cssSelector("[data-field='margin']")).isEmpty());
    Screenshots.save(browser, "sv-board");

    // an object he may not read is not found, by its list, its record or a search
    browser.get(server.uri("/o/account").toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("not-found")));
    assertTrue(browser.findElement(By.id("not-found")).getText().contains("Hittades inte"));
    browser.get(server.uri("/o/account/" + acme).toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("not-found")));
    browser.get(server.uri("/search?q=Acme").toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("search-hits")));
    assertTrue(
        browser.findElements(By.cssSelector("#search-hits [data-object='account']")).isEmpty());
  }

  /** Waits until the page has no request to the server in flight, as TestBench does. */
  /** Opens the select {@code css} and picks the item labelled {@code label}. */
  private void choose(String css, String label) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[normalize-space()='" + label + "']")))
        .click();
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(By.tagName("vaadin-select-overlay")));
  }

  /** Opens the user menu and picks its item {@code id}. */
  private void userMenu(String id) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#user-menu vaadin-menu-bar-button")))
        .click();
    click(id);
  }

  /** The figure a widget of the home dashboard shows, as a plain number. */
  private String widgetTotal(int widget) {
    return browser
        .findElement(By.cssSelector("[data-widget='" + widget + "'] [data-total]"))
        .getAttribute("data-total");
  }

  private void awaitServer() {
    new BrowserActions(browser, wait).awaitServer();
  }

  /** Text with every kind of space as a plain one: locales group digits with no-break spaces. */
  private static String spaces(String text) {
    return text.replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  private void click(String id) {
    new BrowserActions(browser, wait).click(id);
  }

  /** The selection boxes of the grid's rows, in row order. */
  private List<WebElement> rowBoxes() {
    return browser.findElements(By.cssSelector("#records-grid vaadin-checkbox")).stream()
        .filter(WebElement::isDisplayed)
        .filter(
            box ->
                box.getAttribute("aria-label") == null
                    || !box.getAttribute("aria-label")
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("all"))
        .toList();
  }

  /** Answers yes to the confirmation that asks {@code question}. */
  private void confirm(String question) {
    WebElement dialog =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bulk-confirm")));
    wait.until(
        d ->
            ((String) ((JavascriptExecutor) d).executeScript("return arguments[0].header", dialog))
                .equals(question));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("bulk-confirm-yes"))).click();
  }

  private WebElement lane(String value) {
    return new BrowserActions(browser, wait).lane(value);
  }

  private WebElement card(String name) {
    return new BrowserActions(browser, wait).card(name);
  }

  /** HTML5 drag and drop as the browser fires it: Selenium's mouse drag does not. */
  private void drag(WebElement source, WebElement target) {
    new BrowserActions(browser, wait).drag(source, target);
  }

  private String recordId;

  private String recordId() {
    if (recordId == null) {
      String url = browser.getCurrentUrl();
      recordId = url.substring(url.lastIndexOf('/') + 1);
    }
    return recordId;
  }

  private void type(String css, String text) {
    new BrowserActions(browser, wait).type(css, text);
  }

  private void pick(String field, String typed) {
    WebElement input =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-combo-box[data-field='" + field + "'] input")));
    input.sendKeys(typed);
    WebElement item =
        wait.until(
            ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-combo-box-item")));
    item.click();
  }

  private static long version(String object, String id) throws Exception {
    return ApiClient.json(admin.send("GET", "api/v1/records/" + object + "/" + id, null))
        .getJsonNumber("version")
        .longValue();
  }

  private static long count(String object) throws Exception {
    HttpResponse<String> list =
        admin.send("GET", "api/v1/records/" + object + "?limit=1&total=true", null);
    return ApiClient.json(list).getJsonObject("total").getJsonNumber("count").longValue();
  }

  private static String id(HttpResponse<String> created) {
    assertEquals(201, created.statusCode(), created.body());
    return ApiClient.json(created).getString("id");
  }

  private static void ok(HttpResponse<String> answer) {
    assertTrue(answer.statusCode() / 100 == 2, answer.statusCode() + " " + answer.body());
  }

  private static String fixture(String name) throws Exception {
    try (InputStream in = ScreensIT.class.getResourceAsStream("/screens/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

package io.relata.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.metadata.kind.DocumentKind;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.testing.ApiClient;
import io.relata.testing.Browser;
import io.relata.testing.BrowserStory;
import io.relata.testing.Screenshots;
import io.relata.testing.SharedRelata;
import io.relata.testing.SignInPage;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Setup in a real Chromium against relata.jar as an operator starts it: an admin builds an object
 * in generated forms, sees each change's plan in words before it is done, deletes a field with a
 * value and gets it back from the deleted fields; a refusal shows at its field; a user without the
 * right sees no Setup; an auditor reads the audit log and verifies its chain.
 */
class SetupScreensIT extends BrowserStory {

  private static final String PASSWORD = SharedRelata.PASSWORD;

  @Test
  void anAdminBuildsAnObjectSeesEachPlanAndGetsADeletedFieldBackWithItsValue() throws Exception {
    try {
      signIn("admin");
      click("nav-setup");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("setup-link-objects")));
      Screenshots.save(browser, "desktop-setup-home");

      click("setup-link-objects");
      click("setup-new");
      type("#setup-field-name", "venture");
      type("#setup-field-label", "Venture");
      click("setup-field-fields-add");
      type("#setup-field-fields-0-name", "title");
      type("#setup-field-fields-0-label", "Title");
      combo("setup-field-fields-0-type", "Text");
      click("setup-field-fields-add");
      type("#setup-field-fields-1-name", "budget");
      type("#setup-field-fields-1-label", "Budget");
      combo("setup-field-fields-1-type", "Number");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("setup-field-fields-1-scale")));
      // a default value as its field's type takes it: a number field's is a number
      type("#setup-field-fields-1-defaultValue", "250");
      // a JSON field's is JSON: text that is not is said at its box, kept when the form is drawn
      // again, and never saved
      click("setup-field-fields-add");
      type("#setup-field-fields-2-name", "extras");
      type("#setup-field-fields-2-label", "Extras");
      combo("setup-field-fields-2-type", "JSON");
      type("#setup-field-fields-2-defaultValue", "{\"tier\":");
      wait.until(
          driver ->
              driver
                      .findElement(By.id("setup-field-fields-2-defaultValue"))
                      .getDomAttribute("invalid")
                  != null);
      click("setup-field-fields-add");
      click("setup-field-fields-3-remove");
      awaitServer();
      click("setup-save");
      awaitServer();
      WebElement extras = browser.findElement(By.id("setup-field-fields-2-defaultValue"));
      assertEquals("{\"tier\":", extras.getDomProperty("value"));
      assertTrue(extras.getDomAttribute("invalid") != null, "still said at its box");
      assertTrue(browser.findElements(By.id("plan-apply")).isEmpty(), "nothing proposed");
      type("#setup-field-fields-2-defaultValue", "{\"tier\": 1}");
      wait.until(driver -> extras.getDomAttribute("invalid") == null);
      // broken again, then the field removed with it: nothing stands in the way of the save
      type("#setup-field-fields-2-defaultValue", "{\"tier\":");
      wait.until(driver -> extras.getDomAttribute("invalid") != null);
      click("setup-field-fields-2-remove"); // the story goes on with two fields
      awaitServer();
      actions.combo("setup-field-nameField", "Tit", "Title (title)");
      Screenshots.save(browser, "desktop-setup-new-object");
      click("setup-save");
      List<String> created = planSteps();
      assertTrue(created.contains("creates the table of venture"), created.toString());
      Screenshots.save(browser, "desktop-setup-plan");
      click("plan-apply");
      wait.until(ExpectedConditions.urlContains("/setup/objects/venture"));
      JsonObject fields = venture();
      assertEquals(
          250,
          fields.getJsonArray("fields").getJsonObject(1).getJsonNumber("defaultValue").intValue(),
          fields.toString());

      String apollo =
          ApiClient.json(
                  ok(
                      admin.send(
                          "POST",
                          "api/v1/records/venture",
                          "{\"title\":\"Apollo\",\"budget\":1200}")))
              .getString("id");
      browser.get(server.uri("/setup/objects/venture").toString());
      click("setup-field-fields-1");
      awaitServer();
      click("setup-field-fields-1-remove");
      click("setup-save");
      List<String> deleting = planSteps();
      assertTrue(
          deleting.contains(
              "sets column budget of venture aside with its 1 values; it can be restored for 15"
                  + " days"),
          deleting.toString());
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-warning")));
      Screenshots.save(browser, "desktop-setup-plan-destructive");
      click("plan-apply");
      // a read that meets the change in flight is told to try again (409)
      wait.until(driver -> record(apollo).map(r -> !r.containsKey("budget")).orElse(false));

      browser.get(server.uri("/setup/deleted").toString());
      wait.until(
          ExpectedConditions.visibilityOfElementLocated(By.id("setup-restore-venture-budget")));
      Screenshots.save(browser, "desktop-setup-deleted");
      click("setup-restore-venture-budget");
      List<String> restoring = planSteps();
      assertTrue(
          restoring.contains(
              "restores column budget of venture with the 1 values it had when deleted"),
          restoring.toString());
      click("plan-apply");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("setup-deleted-none")));
      JsonObject back = record(apollo).orElseThrow();
      assertEquals(1200, back.getJsonNumber("budget").intValue(), back.toString());

      // a field renamed in the form keeps its values
      browser.get(server.uri("/setup/objects/venture").toString());
      click("setup-field-fields-1");
      awaitServer();
      type("#setup-field-fields-1-name", "cost");
      click("setup-save");
      List<String> renaming = planSteps();
      assertTrue(
          renaming.contains("renames column budget of venture to cost, keeping its values"),
          renaming.toString());
      click("plan-apply");
      wait.until(driver -> record(apollo).map(r -> r.containsKey("cost")).orElse(false));
      assertEquals(1200, record(apollo).orElseThrow().getJsonNumber("cost").intValue());

      // a validation rule: its condition checked as typed, then tried on a stored record
      click("setup-field-validationRules-add");
      type("#setup-field-validationRules-0-name", "cost_cap");
      type("#setup-field-validationRules-0-message", "Cost above the cap");
      type("#setup-field-validationRules-0-condition", "cost <=");
      WebElement condition = browser.findElement(By.id("setup-field-validationRules-0-condition"));
      wait.until(driver -> condition.getDomAttribute("invalid") != null);
      type("#setup-field-validationRules-0-condition", "cost <= 1000");
      wait.until(driver -> condition.getDomAttribute("invalid") == null);
      // a value is not a test: refused as typed, as it would be on save
      type("#setup-field-validationRules-0-condition", "cost + 1");
      wait.until(driver -> condition.getDomAttribute("invalid") != null);
      assertTrue(
          condition.getDomProperty("errorMessage").contains("must give"),
          condition.getDomProperty("errorMessage"));
      type("#setup-field-validationRules-0-condition", "cost <= 1000");
      wait.until(driver -> condition.getDomAttribute("invalid") == null);
      click("setup-field-validationRules-0-test");
      WebElement input =
          wait.until(
              ExpectedConditions.elementToBeClickable(By.cssSelector("#rule-test-record input")));
      input.sendKeys("Apollo");
      wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.xpath("//vaadin-combo-box-item[normalize-space()='Apollo']")))
          .click();
      click("rule-test-run");
      wait.until(
          ExpectedConditions.textToBe(
              By.id("rule-test-result"), "Apollo would be refused: Cost above the cap"));
      Screenshots.save(browser, "desktop-setup-rule-test");
      click("rule-test-close");
      click("setup-save");
      wait.until(driver -> venture().containsKey("validationRules"));
      HttpResponse<String> refused =
          admin.send("PATCH", "api/v1/records/venture/" + apollo, "{\"title\":\"Apollo 2\"}");
      assertEquals(400, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("Cost above the cap"), refused.body());

      // the revisions say what each changed, and undo one document's change
      long ruled = revision();
      browser.get(server.uri("/setup/revisions").toString());
      wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.xpath("//vaadin-grid-cell-content[normalize-space()='" + ruled + "']")))
          .click();
      WebElement changes =
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(By.id("setup-changes-" + ruled)));
      assertTrue(changes.getText().contains("Changed Objects: venture"), changes.getText());
      assertTrue(changes.getText().contains("changed: Validation rules"), changes.getText());
      Screenshots.save(browser, "desktop-setup-revisions");
      click("setup-undo-" + ruled + "-objects-venture");
      wait.until(driver -> !venture().containsKey("validationRules"));
      ok(admin.send("PATCH", "api/v1/records/venture/" + apollo, "{\"title\":\"Apollo 2\"}"));

      browser.manage().window().setSize(Screenshots.PHONE);
      browser.get(server.uri("/setup/objects/venture").toString());
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("setup-save")));
      Screenshots.save(browser, "phone-setup-object");
      browser.get(server.uri("/setup").toString());
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("setup-link-objects")));
      Screenshots.save(browser, "phone-setup-home");
    } catch (RuntimeException | AssertionError e) {
      Screenshots.save(browser, "failed-setup-object");
      throw e;
    }
  }

  @Test
  void aRefusalShowsAtItsFieldAndChangesNothing() throws Exception {
    try {
      long before = revision();
      signIn("admin");
      browser.get(server.uri("/setup/roles/new").toString());
      type("#setup-field-name", "Not A Name");
      type("#setup-field-label", "Field sales");
      click("setup-save");
      WebElement name = browser.findElement(By.id("setup-field-name"));
      wait.until(driver -> name.getDomAttribute("invalid") != null);
      assertTrue(
          name.getDomProperty("errorMessage").contains("does not have the required form"),
          name.getDomProperty("errorMessage"));
      Screenshots.save(browser, "desktop-setup-refused");
      assertEquals(before, revision());

      // a new document never replaces one of its name
      browser.get(server.uri("/setup/objects/new").toString());
      type("#setup-field-name", "activity");
      type("#setup-field-label", "Not the activities");
      click("setup-save");
      WebElement taken = browser.findElement(By.id("setup-field-name"));
      wait.until(driver -> taken.getDomAttribute("invalid") != null);
      assertTrue(taken.getDomProperty("errorMessage").startsWith("activity is taken"));
      assertEquals(before, revision());
    } catch (RuntimeException | AssertionError e) {
      Screenshots.save(browser, "failed-setup-refused");
      throw e;
    }
  }

  @Test
  void aMatrixChangeReachesASignedInUserAtTheirNextRequestAndExplainSaysWhy() throws Exception {
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/objects/task",
            "{\"name\":\"task\",\"label\":\"Task\",\"pluralLabel\":\"Tasks\","
                + "\"nameField\":\"subject\",\"fields\":[{\"name\":\"subject\","
                + "\"label\":\"Subject\",\"type\":\"text\"},{\"name\":\"effort\","
                + "\"label\":\"Effort\",\"type\":\"number\"}]}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/permission-sets/task_team",
            "{\"name\":\"task_team\",\"label\":\"Task team\","
                + "\"objects\":{\"task\":{\"create\":true,\"read\":true,\"edit\":true}}}"));
    ok(
        admin.send(
            "POST",
            "api/v1/users",
            "{\"username\":\"maja\",\"password\":\""
                + PASSWORD
                + "\",\"displayName\":\"Maja Lund\",\"permissionSets\":[\"task_team\"]}"));
    ApiClient maja = ApiClient.signIn(server.uri("/").toURL(), "maja", PASSWORD);
    ok(maja.send("POST", "api/v1/records/task", "{\"subject\":\"Fix the roof\",\"effort\":3}"));

    // Maja at work in her own browser
    ChromeDriver hers = Browser.open();
    try {
      hers.manage().window().setSize(Screenshots.DESKTOP);
      WebDriverWait herWait = Browser.await(hers);
      hers.get(server.uri("/").toString());
      SignInPage page = new SignInPage(hers);
      page.signIn("maja", PASSWORD);
      page.awaitHome();
      hers.get(server.uri("/o/task").toString());
      herWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list-new")));

      // the admin takes away creating tasks and hides their effort, with the keyboard alone
      signIn("admin");
      browser.get(server.uri("/setup/permission-sets/task_team").toString());
      WebElement create =
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("perm-task-create")));
      assertEquals("true", create.getDomProperty("checked"));
      browser.findElement(By.cssSelector("#setup-field-label input")).click();
      tabTo("perm-task-create");
      browser.switchTo().activeElement().sendKeys(Keys.SPACE);
      awaitServer();
      tabTo("perm-task-fields");
      browser.switchTo().activeElement().sendKeys(Keys.ENTER);
      awaitServer();
      tabTo("perm-task-field-effort");
      browser.switchTo().activeElement().sendKeys(Keys.ENTER);
      actions.pick("Hidden");
      Screenshots.save(browser, "desktop-setup-matrix");
      long before = revision();
      click("setup-save");
      wait.until(driver -> revision() > before);
      JsonObject rights =
          ApiClient.json(ok(admin.send("GET", "api/v1/metadata/permission-sets/task_team", null)))
              .getJsonObject("objects")
              .getJsonObject("task");
      assertTrue(!rights.containsKey("create") && rights.getBoolean("read"), rights.toString());
      assertEquals("hidden", rights.getJsonObject("fields").getString("effort"));

      // her next request: no creating, and the effort is gone, in the browser and over the API
      HttpResponse<String> refused =
          maja.send("POST", "api/v1/records/task", "{\"subject\":\"Paint the fence\"}");
      assertEquals(403, refused.statusCode(), refused.body());
      hers.navigate().refresh();
      herWait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("records-grid"), "Fix the roof"));
      assertTrue(hers.findElements(By.id("list-new")).isEmpty(), "no New for her any more");
      assertTrue(
          !hers.findElement(By.id("records-grid")).getText().contains("Effort"),
          "no effort column");

      // why: the explain tool names the set and the rule
      browser.get(server.uri("/setup").toString());
      click("setup-link-explain");
      actions.combo("explain-user", "Maja", "Maja Lund");
      actions.select("explain-object", "Task");
      actions.combo("explain-record", "Fix", "Fix the roof");
      click("explain-run");
      WebElement read =
          wait.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("#explain-operations [data-operation='read']")));
      assertTrue(read.getText().contains("Read: allowed"), read.getText());
      assertTrue(read.getText().contains("object right from: task_team"), read.getText());
      assertTrue(read.getText().contains("The user owns the record"), read.getText());
      String created =
          browser
              .findElement(By.cssSelector("#explain-operations [data-operation='create']"))
              .getText();
      assertTrue(created.contains("Create: not allowed"), created);
      String effort =
          browser.findElement(By.cssSelector("#explain-fields [data-field='effort']")).getText();
      assertTrue(effort.startsWith("Effort: Hidden"), effort);
      Screenshots.save(browser, "desktop-setup-explain");
      browser.manage().window().setSize(Screenshots.PHONE);
      Screenshots.save(browser, "phone-setup-explain");
      browser.get(server.uri("/setup/permission-sets/task_team").toString());
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("perm-task-read")));
      Screenshots.save(browser, "phone-setup-matrix");
    } catch (RuntimeException | AssertionError e) {
      Screenshots.save(browser, "failed-setup-matrix");
      throw e;
    } finally {
      hers.quit();
    }
  }

  @Test
  void anAdminAddsAUserFreezesThemAndSetsANewPassword() throws Exception {
    try {
      signIn("admin");
      click("nav-setup");
      click("setup-link-users");
      click("users-new");
      type("#user-username", "noah");
      type("#user-password", "short");
      type("#user-displayName", "Noah Berg");
      type("#user-email", "noah@example.com");
      actions.combo("user-manager", "adm", "admin");
      actions.select("user-locale", "Svenska");
      click("user-save");
      // the API's own check, at its field; nobody is created
      WebElement password = browser.findElement(By.id("user-password"));
      wait.until(driver -> password.getDomAttribute("invalid") != null);
      Screenshots.save(browser, "desktop-setup-user-refused");
      assertTrue(signInStatus("noah", "short") >= 400, "nobody created");
      type("#user-password", "Noah-password-1");
      click("user-save");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-freeze")));
      assertEquals(201, signInStatus("noah", "Noah-password-1"));
      String url = browser.getCurrentUrl();
      JsonObject noah =
          ApiClient.json(
              ok(
                  admin.send(
                      "GET", "api/v1/users/" + url.substring(url.lastIndexOf('/') + 1), null)));
      assertEquals("noah@example.com", noah.getString("email"));
      assertEquals("sv", noah.getString("locale"));

      // frozen: no sign-in; a new password works once unfrozen
      click("user-freeze");
      wait.until(ExpectedConditions.textToBe(By.id("user-freeze"), "Unfreeze"));
      assertTrue(signInStatus("noah", "Noah-password-1") >= 400);
      click("user-freeze");
      wait.until(ExpectedConditions.textToBe(By.id("user-freeze"), "Freeze"));
      click("user-reset");
      type("#user-new-password", "Noah-password-2");
      click("user-set-password");
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("user-new-password")));
      assertEquals(201, signInStatus("noah", "Noah-password-2"));
      Screenshots.save(browser, "desktop-setup-user");
      browser.get(server.uri("/setup/users").toString());
      // found by name among the shared server's many users
      type("#users-search", "Noah");
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("users-grid"), "Noah Berg"));
      Screenshots.save(browser, "desktop-setup-users");
    } catch (RuntimeException | AssertionError e) {
      Screenshots.save(browser, "failed-setup-user");
      throw e;
    }
  }

  @Test
  void anAdminReshapesTheRoleHierarchyByDragging() throws Exception {
    for (String role :
        List.of(
            "{\"name\":\"ceo\",\"label\":\"CEO\"}",
            "{\"name\":\"sales_lead\",\"label\":\"Sales lead\",\"parent\":\"ceo\"}",
            "{\"name\":\"seller\",\"label\":\"Seller\",\"parent\":\"ceo\"}")) {
      String name = ApiClient.json(role).getString("name");
      ok(admin.send("PUT", "api/v1/metadata/roles/" + name, role));
    }
    try {
      signIn("admin");
      browser.get(server.uri("/setup/roles").toString());
      actions.drag(
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("role-seller"))),
          browser.findElement(By.id("role-sales_lead")));
      wait.until(driver -> "sales_lead".equals(parentOf("seller")));
      // the tree is drawn again: the seller now under the sales lead
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("#role-sales_lead + .relata-role-children #role-seller")));
      Screenshots.save(browser, "desktop-setup-roles");
      actions.drag(
          browser.findElement(By.id("role-seller")), browser.findElement(By.id("role-root")));
      wait.until(driver -> parentOf("seller") == null);
    } catch (RuntimeException | AssertionError e) {
      Screenshots.save(browser, "failed-setup-roles");
      throw e;
    }
  }

  @Test
  void anAdminGathersAGroupAndSeesWhatASharingRuleWouldShareBeforeSavingIt() throws Exception {
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/objects/contract",
            "{\"name\":\"contract\",\"label\":\"Contract\",\"pluralLabel\":\"Contracts\","
                + "\"nameField\":\"title\",\"recordAccess\":\"private\",\"fields\":["
                + "{\"name\":\"title\",\"label\":\"Title\",\"type\":\"text\"},"
                + "{\"name\":\"region\",\"label\":\"Region\",\"type\":\"text\"}]}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/permission-sets/contract_readers",
            "{\"name\":\"contract_readers\",\"label\":\"Contract readers\","
                + "\"objects\":{\"contract\":{\"read\":true}}}"));
    for (String[] contract :
        new String[][] {{"Aurora", "north"}, {"Boreal", "north"}, {"Cape", "south"}}) {
      ok(
          admin.send(
              "POST",
              "api/v1/records/contract",
              "{\"title\":\"" + contract[0] + "\",\"region\":\"" + contract[1] + "\"}"));
    }
    for (String[] user : new String[][] {{"ulla", "Ulla Berg"}, {"oskar", "Oskar Lind"}}) {
      ok(
          admin.send(
              "POST",
              "api/v1/users",
              "{\"username\":\""
                  + user[0]
                  + "\",\"password\":\""
                  + PASSWORD
                  + "\",\"displayName\":\""
                  + user[1]
                  + "\",\"permissionSets\":[\"contract_readers\"]}"));
    }
    try {
      signIn("admin");
      click("nav-setup");
      click("setup-link-groups");
      click("groups-new");
      type("#group-name", "North team");
      type("#group-label", "North team");
      click("group-save");
      // the API's own check of the name, at its field; nothing is created
      WebElement name = browser.findElement(By.id("group-name"));
      wait.until(driver -> name.getDomAttribute("invalid") != null);
      assertEquals(404, admin.send("GET", "api/v1/groups/north_team", null).statusCode());
      // another admin made a group of the name meanwhile: refused at the name, theirs untouched
      ok(admin.send("PUT", "api/v1/groups/south_team", "{\"label\":\"South team\"}"));
      type("#group-name", "south_team");
      click("group-save");
      wait.until(
          driver ->
              "a group named south_team exists already"
                  .equals(name.getDomProperty("errorMessage")));
      assertEquals(
          "South team",
          ApiClient.json(ok(admin.send("GET", "api/v1/groups/south_team", null)))
              .getString("label"));
      type("#group-name", "north_team");
      click("group-save");
      wait.until(ExpectedConditions.urlContains("/setup/group/north_team"));
      actions.combo("group-add-member", "Ull", "Ulla Berg");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("group-remove-ulla")));
      actions.combo("group-add-member", "Osk", "Oskar Lind");
      click("group-remove-oskar");
      wait.until(ExpectedConditions.numberOfElementsToBe(By.id("group-remove-oskar"), 0));
      JsonObject members =
          ApiClient.json(ok(admin.send("GET", "api/v1/groups/north_team/members", null)));
      assertEquals(1, members.getJsonArray("items").size(), members.toString());
      assertEquals("ulla", members.getJsonArray("items").getJsonObject(0).getString("username"));
      // the list as it stays, once the notifications of the changes are gone
      wait.until(
          ExpectedConditions.numberOfElementsToBe(By.tagName("vaadin-notification-card"), 0));
      Screenshots.save(browser, "desktop-setup-group");
      browser.manage().window().setSize(Screenshots.PHONE);
      Screenshots.save(browser, "phone-setup-group");
      browser.manage().window().setSize(Screenshots.DESKTOP);

      // a sharing rule, its object and group chosen, its reach counted before it is saved
      browser.get(server.uri("/setup/sharing-rules/new").toString());
      type("#setup-field-name", "north_contracts");
      type("#setup-field-label", "North contracts");
      actions.combo("setup-field-object", "Con", "Contract (contract)");
      type("#setup-field-criteria", "regin = \"north\"");
      WebElement criteria = browser.findElement(By.id("setup-field-criteria"));
      wait.until(driver -> criteria.getDomAttribute("invalid") != null);
      type("#setup-field-criteria", "region = \"north\"");
      wait.until(driver -> criteria.getDomAttribute("invalid") == null);
      actions.select("setup-field-sharedWith", "Group");
      actions.combo("setup-field-sharedWith-group", "Nor", "North team (north_team)");
      actions.select("setup-field-access", "Read");
      click("setup-sharing-count");
      wait.until(
          ExpectedConditions.textToBe(
              By.id("setup-sharing-reach"), "Shares 2 of 3 Contracts with 1 active users."));
      Screenshots.save(browser, "desktop-setup-sharing-rule");
      // no table changes: saved at once, without a plan to confirm
      click("setup-save");
      wait.until(ExpectedConditions.urlContains("/setup/sharing-rules/north_contracts"));
      ApiClient ulla = ApiClient.signIn(server.uri("/").toURL(), "ulla", PASSWORD);
      JsonObject shared = ApiClient.json(ok(ulla.send("GET", "api/v1/records/contract", null)));
      assertEquals(2, shared.getJsonArray("items").size(), shared.toString());
      ApiClient oskar = ApiClient.signIn(server.uri("/").toURL(), "oskar", PASSWORD);
      JsonObject none = ApiClient.json(ok(oskar.send("GET", "api/v1/records/contract", null)));
      assertEquals(0, none.getJsonArray("items").size(), none.toString());
    } catch (RuntimeException | AssertionError e) {
      Screenshots.save(browser, "failed-setup-group");
      throw e;
    }
  }

  @Test
  void anAuditorFindsWhoChangedARecordSeesOnlyTheValuesTheyMaySeeAndVerifiesTheChain()
      throws Exception {
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/objects/invoice",
            "{\"name\":\"invoice\",\"label\":\"Invoice\",\"pluralLabel\":\"Invoices\","
                + "\"nameField\":\"title\",\"fields\":["
                + "{\"name\":\"title\",\"label\":\"Title\",\"type\":\"text\"},"
                + "{\"name\":\"amount\",\"label\":\"Amount\",\"type\":\"number\","
                + "\"scale\":0,\"trackHistory\":true},"
                + "{\"name\":\"secret\",\"label\":\"Secret\",\"type\":\"text\","
                + "\"trackHistory\":true}]}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/permission-sets/auditors",
            "{\"name\":\"auditors\",\"label\":\"Auditors\",\"system\":[\"view-audit\"],"
                + "\"objects\":{\"invoice\":{\"read\":true,\"viewAll\":true,\"fields\":{\"secret\":\"hidden\"}}}}"));
    ok(
        admin.send(
            "POST",
            "api/v1/users",
            "{\"username\":\"ines\",\"password\":\""
                + PASSWORD
                + "\",\"displayName\":\"Ines Holm\",\"permissionSets\":[\"auditors\"]}"));
    // Ulf signed in once and has since left: frozen, he is still found as who did something
    String ulf =
        ApiClient.json(
                ok(
                    admin.send(
                        "POST",
                        "api/v1/users",
                        "{\"username\":\"ulf\",\"password\":\""
                            + PASSWORD
                            + "\",\"displayName\":\"Ulf Frost\"}")))
            .getString("id");
    assertEquals(201, signInStatus("ulf", PASSWORD));
    ok(admin.send("PATCH", "api/v1/users/" + ulf, "{\"active\":false}"));
    JsonObject acme =
        ApiClient.json(
            ok(
                admin.send(
                    "POST",
                    "api/v1/records/invoice",
                    "{\"title\":\"Acme\",\"amount\":100,\"secret\":\"first\"}")));
    ok(
        admin.send(
            "POST",
            "api/v1/records/invoice",
            "{\"title\":\"Borealis\",\"amount\":7,\"secret\":\"other\"}"));
    ok(
        admin.send(
            "PATCH",
            "api/v1/records/invoice/" + acme.getString("id"),
            "{\"amount\":250,\"secret\":\"second\"}"));
    // the record picker finds Acme by name once the new object's search is built
    wait.until(
        driver -> {
          try {
            return ApiClient.json(
                        ok(admin.send("GET", "api/v1/search?q=Acme&objects=invoice", null)))
                    .getJsonArray("items")
                    .size()
                == 1;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    try {
      signIn("ines");
      click("nav-setup");
      // the audit is all of Setup an auditor has
      click("setup-link-audit");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-grid")));
      actions.combo("audit-object", "Invo", "Invoices");
      actions.combo("audit-record", "Acm", "Acme");
      // Acme's creation and its change
      wait.until(driver -> auditRows() == 2);
      actions.combo("audit-action", "Record ch", "Record changed");
      wait.until(driver -> auditRows() == 1);
      WebElement grid = browser.findElement(By.id("audit-grid"));
      assertTrue(grid.getText().contains("Amount, Secret"), grid.getText());
      assertTrue(grid.getText().contains("Acme"), "the record by its name: " + grid.getText());
      assertTrue(!grid.getText().contains("Record created"), grid.getText());
      grid.findElements(By.tagName("vaadin-grid-cell-content")).stream()
          .filter(cell -> cell.getText().equals("Record changed"))
          .findFirst()
          .orElseThrow()
          .click();
      WebElement amount =
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector(".relata-audit-value[data-field='amount']")));
      assertEquals("100", amount.findElement(By.className("relata-before")).getText());
      assertEquals("250", amount.findElement(By.className("relata-after")).getText());
      WebElement secret =
          browser.findElement(By.cssSelector(".relata-audit-value[data-field='secret']"));
      assertEquals("Hidden from you", secret.findElement(By.className("relata-after")).getText());
      assertTrue(
          !browser.findElement(By.id("audit-grid")).getText().contains("second"),
          "a hidden field's value is never sent to the screen");

      // the chain, verified on request, and a published head it no longer reaches
      click("audit-verify");
      WebElement state =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-chain-state")));
      assertTrue(state.getText().startsWith("The chain is intact:"), state.getText());
      String head = browser.findElement(By.id("audit-head")).getDomProperty("value");
      assertTrue(head.matches("[1-9][0-9]*:[0-9a-f]{64}"), head);
      ((JavascriptExecutor) browser)
          .executeScript("arguments[0].scrollIntoView({block: 'end'})", amount);
      Screenshots.save(browser, "desktop-setup-audit");
      browser.manage().window().setSize(Screenshots.PHONE);
      Screenshots.save(browser, "phone-setup-audit");
      browser.manage().window().setSize(Screenshots.DESKTOP);
      type("#audit-published", "twelve");
      click("audit-verify");
      WebElement published = browser.findElement(By.id("audit-published"));
      wait.until(driver -> published.getDomAttribute("invalid") != null);
      // the head as it was published, one hex digit of its hash changed
      int digit = head.indexOf(':') + 1;
      type(
          "#audit-published",
          head.substring(0, digit)
              + (head.charAt(digit) == '0' ? '1' : '0')
              + head.substring(digit + 1));
      click("audit-verify");
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("audit-chain-state"), "The chain is broken: Position"));
      Screenshots.save(browser, "desktop-setup-audit-broken");

      // a frozen user's entries, found by them
      browser.get(server.uri("/setup/audit").toString());
      actions.combo("audit-user", "Ulf", "Ulf Frost (Frozen)");
      // his sign-in and the token it issued
      wait.until(driver -> auditRows() == 2);
      assertTrue(
          browser.findElement(By.id("audit-grid")).getText().contains("Signed in"),
          browser.findElement(By.id("audit-grid")).getText());

      // nothing else of Setup is theirs
      for (String page : List.of("/setup/objects", "/setup/users", "/setup/jobs")) {
        browser.get(server.uri(page).toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
      }
    } catch (RuntimeException | AssertionError e) {
      Screenshots.save(browser, "failed-setup-audit");
      throw e;
    }
  }

  @Test
  void aServerFailureIsToldInTheUsersWordsWithAReferenceAndNeverItsStackTrace() throws Exception {
    String bruno =
        ApiClient.json(
                ok(
                    admin.send(
                        "POST",
                        "api/v1/users",
                        "{\"username\":\"bruno\",\"password\":\""
                            + PASSWORD
                            + "\",\"displayName\":\"Bruno Brus\"}")))
            .getString("id");
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/objects/fragile",
            "{\"name\":\"fragile\",\"label\":\"Fragile\",\"nameField\":\"title\","
                + "\"fields\":[{\"name\":\"title\",\"label\":\"Title\",\"type\":\"text\"}]}"));
    String vase =
        ApiClient.json(ok(admin.send("POST", "api/v1/records/fragile", "{\"title\":\"Vase\"}")))
            .getString("id");
    // the database fails under the server: Bruno's row refuses every change, and the fragile
    // object's table is no longer Relata's to read
    try (Connection database = server.superuserConnection();
        Statement sql = database.createStatement()) {
      sql.execute(
          "CREATE FUNCTION relata.test_refuse() RETURNS trigger LANGUAGE plpgsql AS"
              + " $$BEGIN RAISE EXCEPTION 'test: the disk is on fire'; END$$");
      sql.execute(
          "CREATE TRIGGER test_refuse BEFORE UPDATE ON relata.app_user FOR EACH ROW"
              + " WHEN (OLD.username = 'bruno') EXECUTE FUNCTION relata.test_refuse()");
      sql.execute("REVOKE SELECT ON records.fragile FROM relata_app");
      try {
        signIn("admin");
        browser.get(server.uri("/setup/users/" + bruno).toString());
        type("#user-displayName", "Bruno Bränd");
        click("user-save");
        wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("vaadin-notification-card"), "Something went wrong on the server"));
        String said = browser.findElement(By.tagName("vaadin-notification-card")).getText();
        assertTrue(said.startsWith("Something went wrong on the server"), said);
        java.util.regex.Matcher reference =
            java.util.regex.Pattern.compile("reference: ([0-9a-f]{8})").matcher(said);
        assertTrue(reference.find(), said);
        assertTrue(!said.contains("fire") && !said.contains("Exception"), said);
        Screenshots.save(browser, "desktop-failure-notice");
        // it stays until closed, and the page stays as it was
        assertEquals(
            "Bruno Bränd",
            browser.findElement(By.cssSelector("#user-displayName input")).getDomProperty("value"));
        browser.findElement(By.cssSelector("vaadin-notification-card vaadin-button")).click();
        wait.until(
            ExpectedConditions.numberOfElementsToBe(By.tagName("vaadin-notification-card"), 0));
        assertTrue(
            server.output().contains("as reference " + reference.group(1)),
            "the administrator finds it in the log by its reference");
        assertEquals(
            "Bruno Brus",
            ApiClient.json(ok(admin.send("GET", "api/v1/users/" + bruno, null)))
                .getString("displayName"));

        browser.get(server.uri("/o/fragile/" + vase).toString());
        WebElement page =
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("server-error-text")));
        assertTrue(page.getText().startsWith("This page could not be shown"), page.getText());
        assertTrue(page.getText().matches(".*reference: [0-9a-f]{8}$"), page.getText());
        String whole = browser.findElement(By.tagName("body")).getText();
        assertTrue(!whole.contains("permission") && !whole.contains("SQL"), whole);
        Screenshots.save(browser, "desktop-failure-page");
        browser.manage().window().setSize(Screenshots.PHONE);
        Screenshots.save(browser, "phone-failure-page");
        browser.manage().window().setSize(Screenshots.DESKTOP);
      } catch (RuntimeException | AssertionError e) {
        Screenshots.save(browser, "failed-failure");
        throw e;
      } finally {
        sql.execute("GRANT SELECT ON records.fragile TO relata_app");
        sql.execute("DROP TRIGGER test_refuse ON relata.app_user");
        sql.execute("DROP FUNCTION relata.test_refuse()");
      }
    }
  }

  /** How many entries the audit grid holds. */
  private int auditRows() {
    Object size =
        ((JavascriptExecutor) browser)
            .executeScript("return document.getElementById('audit-grid').size");
    return ((Number) size).intValue();
  }

  private static String parentOf(String role) {
    try {
      JsonObject document =
          ApiClient.json(ok(admin.send("GET", "api/v1/metadata/roles/" + role, null)));
      return document.containsKey("parent") ? document.getString("parent") : null;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The status of a sign-in over the API: 201 when it is let in. */
  private static int signInStatus(String username, String password) throws Exception {
    return new ApiClient(server.uri("/").toURL(), null)
        .send(
            "POST",
            "api/v1/auth/tokens",
            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
        .statusCode();
  }

  @Test
  void theObjectManagerWorksWithTheKeyboardAlone() throws Exception {
    try {
      signIn("admin");
      browser.get(server.uri("/setup/objects/new").toString());
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("setup-field-name")));
      tabTo("setup-field-name");
      keys("ticket");
      tabTo("setup-field-label");
      keys("Ticket");
      for (String[] field : new String[][] {{"subject", "Subject"}, {"urgency", "Urgency"}}) {
        int i = field[0].equals("subject") ? 0 : 1;
        tabTo("setup-field-fields-add");
        keys(Keys.ENTER);
        tabTo("setup-field-fields-" + i + "-name");
        keys(field[0]);
        tabTo("setup-field-fields-" + i + "-label");
        keys(field[1]);
        tabTo("setup-field-fields-" + i + "-type");
        keys("Text");
        keys(Keys.ENTER);
      }
      tabTo("setup-field-nameField");
      keys("Subject (subject)");
      keys(Keys.ENTER);
      tabTo("setup-field-layouts-add");
      keys(Keys.ENTER);
      tabTo("setup-field-layouts-0-name");
      keys("main");
      tabTo("setup-field-layouts-0-label");
      keys("Main");
      tabTo("setup-field-layouts-0-sections-add");
      keys(Keys.ENTER);
      tabTo("setup-field-layouts-0-sections-0-label");
      keys("Details");
      tabTo("setup-field-layouts-0-sections-0-fields-add");
      keys("Subject (subject)");
      keys(Keys.ENTER);
      keys("Urgency (urgency)");
      keys(Keys.ENTER);
      // the chip moved first with Alt+Left
      tabBackTo("setup-field-layouts-0-sections-0-fields-chip-urgency");
      keys(Keys.chord(Keys.ALT, Keys.ARROW_LEFT));
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector(
                  "#setup-field-layouts-0-sections-0-fields .relata-name-chip:first-child"
                      + "[data-name='urgency']")));
      Screenshots.save(browser, "desktop-setup-keyboard");
      tabTo("setup-save");
      keys(Keys.ENTER);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-apply")));
      tabTo("plan-apply");
      keys(Keys.ENTER);
      wait.until(ExpectedConditions.urlContains("/setup/objects/ticket"));
      JsonObject ticket =
          ApiClient.json(ok(admin.send("GET", "api/v1/metadata/objects/ticket", null)));
      assertEquals("subject", ticket.getString("nameField"));
      assertEquals(
          "[\"urgency\",\"subject\"]",
          ticket
              .getJsonArray("layouts")
              .getJsonObject(0)
              .getJsonArray("sections")
              .getJsonObject(0)
              .getJsonArray("fields")
              .toString());
    } catch (RuntimeException | AssertionError e) {
      Screenshots.save(browser, "failed-setup-keyboard");
      throw e;
    }
  }

  @Test
  void everySetupPageSpeaksSwedishDanishAndFinnish() throws Exception {
    Map<String, Properties> bundles = new HashMap<>();
    for (String language : List.of("sv", "da", "fi")) {
      Properties bundle = new Properties();
      try (var in =
          Files.newBufferedReader(
              Path.of("src/main/resources/vaadin-i18n/translations_" + language + ".properties"))) {
        bundle.load(in);
      }
      bundles.put(language, bundle);
      ok(
          admin.send(
              "POST",
              "api/v1/users",
              "{\"username\":\"setup_"
                  + language
                  + "\",\"password\":\""
                  + PASSWORD
                  + "\",\"locale\":\""
                  + language
                  + "\",\"permissionSets\":[\"administrator\"]}"));
    }
    // each page and its title's key; each page is read in one of the three languages in turn
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("/setup", "setup.title");
    for (String page :
        List.of("users", "groups", "explain", "revisions", "deleted", "jobs", "runs", "audit")) {
      pages.put("/setup/" + page, "setup." + page + ".title");
    }
    for (DocumentKind kind : DocumentKinds.all()) {
      pages.put("/setup/" + kind.id(), "setup.kind." + kind.id());
      pages.put("/setup/" + kind.id() + "/new", "setup.new-document|setup.kind." + kind.id());
    }
    List<String> languages = List.of("sv", "da", "fi");
    int i = 0;
    for (String language : languages) {
      browser.manage().deleteAllCookies();
      signIn("setup_" + language);
      Properties bundle = bundles.get(language);
      int n = 0;
      for (Map.Entry<String, String> page : pages.entrySet()) {
        if (n++ % languages.size() != i) {
          continue;
        }
        browser.get(server.uri(page.getKey()).toString());
        String[] keys = page.getValue().split("\\|");
        String title =
            keys.length == 1
                ? bundle.getProperty(keys[0])
                : java.text.MessageFormat.format(
                    bundle.getProperty(keys[0]), bundle.getProperty(keys[1]));
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".relata-setup h1"), title));
        String text = browser.findElement(By.tagName("body")).getText();
        assertTrue(
            !text.contains("!" + language + ":") && !text.contains("!en:"),
            page.getKey() + " in " + language + " lacks a text: " + text);
      }
      i++;
    }
  }

  /** Types into whatever has the focus, then lets the server answer. */
  private void keys(CharSequence... typed) {
    browser.switchTo().activeElement().sendKeys(typed);
    awaitServer();
  }

  /** Presses Shift+Tab until the focus is in the element {@code id}. */
  private void tabBackTo(String id) {
    for (int i = 0; i < 60; i++) {
      if (focusIn(id)) {
        return;
      }
      browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
    }
    throw new AssertionError("Shift+Tab never reached " + id);
  }

  private boolean focusIn(String id) {
    return Boolean.TRUE.equals(
        ((JavascriptExecutor) browser)
            .executeScript(
                "let e = document.activeElement;"
                    + " while (e && e.shadowRoot && e.shadowRoot.activeElement)"
                    + " e = e.shadowRoot.activeElement;"
                    + " return !!(e && e.closest && e.closest('#' + CSS.escape(arguments[0])));",
                id));
  }

  /** Presses Tab until the focus is in the element {@code id}; fails after 150 presses. */
  private void tabTo(String id) {
    for (int i = 0; i < 150; i++) {
      if (focusIn(id)) {
        return;
      }
      browser.switchTo().activeElement().sendKeys(Keys.TAB);
    }
    throw new AssertionError("Tab never reached " + id);
  }

  @Test
  void aUserWithoutTheRightSeesNoSetup() throws Exception {
    ok(
        admin.send(
            "POST", "api/v1/users", "{\"username\":\"seller\",\"password\":\"" + PASSWORD + "\"}"));
    signIn("seller");
    assertTrue(
        browser.findElements(By.id("nav-setup")).stream().noneMatch(WebElement::isDisplayed),
        "no Setup in the drawer");
    for (String page : List.of("/setup/objects", "/setup/users", "/setup/explain")) {
      browser.get(server.uri(page).toString());
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
    }
    // who may change the model is not who may manage users
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/permission-sets/designer",
            "{\"name\":\"designer\",\"label\":\"Designer\",\"system\":[\"manage-metadata\"]}"));
    ok(
        admin.send(
            "POST",
            "api/v1/users",
            "{\"username\":\"designer\",\"password\":\""
                + PASSWORD
                + "\",\"permissionSets\":[\"designer\"]}"));
    browser.manage().deleteAllCookies();
    signIn("designer");
    browser.get(server.uri("/setup/objects").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("setup-new")));
    for (String page : List.of("/setup/users", "/setup/explain")) {
      browser.get(server.uri(page).toString());
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
    }
  }

  /** The venture, or empty while a change in flight tells the reader to try again. */
  private static java.util.Optional<JsonObject> record(String id) {
    try {
      HttpResponse<String> answer = admin.send("GET", "api/v1/records/venture/" + id, null);
      if (answer.statusCode() == 409) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(ApiClient.json(ok(answer)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The venture's object document. */
  private static JsonObject venture() {
    try {
      return ApiClient.json(ok(admin.send("GET", "api/v1/metadata/objects/venture", null)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long revision() {
    try {
      return ApiClient.json(ok(admin.send("GET", "api/v1/metadata/bundle", null)))
          .getJsonNumber("revision")
          .longValue();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> planSteps() {
    return actions.planSteps();
  }

  private static HttpResponse<String> ok(HttpResponse<String> answer) {
    assertTrue(answer.statusCode() / 100 == 2, answer.statusCode() + " " + answer.body());
    return answer;
  }

  private void click(String id) {
    actions.click(id);
  }

  private void type(String css, String text) {
    actions.type(css, text);
    actions.awaitServer();
  }

  private void awaitServer() {
    actions.awaitServer();
  }

  /** Opens the combo box {@code id} and picks the item labelled {@code label}. */
  private void combo(String id, String label) {
    actions.combo(id, label, label);
  }
}

package io.relata.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.testing.ApiClient;
import io.relata.testing.BrowserActions;
import io.relata.testing.BrowserStory;
import io.relata.testing.Screenshots;
import io.relata.testing.SharedRelata;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The object manager as a new admin uses it, in a real Chromium against relata.jar: an object
 * "Project" with eight fields of different types (a lookup and a coloured picklist among them), a
 * four-stage pipeline whose stages are put in order by dragging and one of which requires a field,
 * a layout whose fields are dragged between sections, a shared list view, the team's rights and the
 * app's objects — every name chosen, none typed where a choice exists — and a validation rule tried
 * on a record before it is saved. Then an end user creates three projects on the screens the
 * metadata now generates and moves one on the board.
 */
class ObjectManagerIT extends BrowserStory {

  private static final String PASSWORD = SharedRelata.PASSWORD;

  @BeforeAll
  static void prepare() throws Exception {
    // what a company has before its admin adds projects: customers, a team, an app
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/objects/customer",
            "{\"name\":\"customer\",\"label\":\"Customer\",\"pluralLabel\":\"Customers\","
                + "\"nameField\":\"name\",\"recordAccess\":\"read\",\"fields\":[{\"name\":\"name\","
                + "\"label\":\"Name\",\"type\":\"text\",\"required\":true}]}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/permission-sets/project_team",
            "{\"name\":\"project_team\",\"label\":\"Project team\","
                + "\"objects\":{\"customer\":{\"read\":true}}}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/apps/work",
            "{\"name\":\"work\",\"label\":\"Work\",\"icon\":\"briefcase\","
                + "\"objects\":[\"customer\"]}"));
    ok(
        admin.send(
            "POST",
            "api/v1/users",
            "{\"username\":\"erik\",\"password\":\""
                + PASSWORD
                + "\",\"displayName\":\"Erik Berg\",\"permissionSets\":[\"project_team\"]}"));
    ok(admin.send("POST", "api/v1/records/customer", "{\"name\":\"Acme Oy\"}"));
  }

  @Test
  void aNewAdminBuildsProjectsByPointingAndAnEndUserWorksWithThem() throws Exception {
    try {
      signIn("admin");
      click("nav-setup");
      click("setup-link-objects");
      click("setup-new");
      type("#setup-field-name", "project");
      type("#setup-field-label", "Project");
      type("#setup-field-pluralLabel", "Projects");

      // eight fields of different types
      field(0, "title", "Title", "Text");
      actions.clickCss("#setup-field-fields-0-required label");
      field(1, "account", "Account", "Lookup");
      actions.combo("setup-field-fields-1-target", "Cus", "Customer (customer)");
      field(2, "priority", "Priority", "Picklist");
      value(2, 0, "low", "Low", "#2e7d32");
      value(2, 1, "high", "High", "#c62828");
      value(2, 2, "normal", "Normal", "#f9a825");
      // the values put in order by dragging: normal between low and high
      actions.drag(handle("setup-field-fields-2-values-2"), panel("setup-field-fields-2-values-1"));
      field(3, "budget", "Budget", "Currency");
      type("#setup-field-fields-3-currency", "EUR");
      field(4, "start_date", "Start date", "Date");
      field(5, "progress", "Progress", "Percent");
      field(6, "billable", "Billable", "Yes/no");
      field(7, "contact_email", "Contact email", "Email");
      // the name field is one of the text fields just added, chosen, not typed
      actions.combo("setup-field-nameField", "Tit", "Title (title)");
      Screenshots.save(browser, "desktop-manager-fields");

      // a pipeline of four stages, put in order by dragging; going active needs a start date
      click("setup-field-pipeline");
      stage(0, "planned", "Planned", 10, "Open");
      stage(1, "done", "Done", 100, "Won");
      stage(2, "active", "Active", 50, "Open");
      stage(3, "cancelled", "Cancelled", 0, "Lost");
      actions.drag(handle("setup-field-pipeline-stages-2"), panel("setup-field-pipeline-stages-1"));
      wait.until(
          ExpectedConditions.attributeToBe(
              By.id("setup-field-pipeline-stages-1-name"), "value", "active"));
      actions.combo(
          "setup-field-pipeline-stages-1-requiredFields-add", "Start", "Start date (start_date)");
      Screenshots.save(browser, "desktop-manager-pipeline");

      // a layout: fields chosen into two sections, one dragged from the first to the second
      click("setup-field-layouts-add");
      type("#setup-field-layouts-0-name", "main");
      type("#setup-field-layouts-0-label", "Main");
      section(0, "Details", 2, "Title (title)", "Account (account)", "Priority (priority)");
      section(1, "Money and time", 2, "Budget (budget)", "Start date (start_date)");
      actions.combo(
          "setup-field-layouts-0-sections-0-fields-add", "Progress", "Progress (progress)");
      actions.drag(
          chip("setup-field-layouts-0-sections-0-fields", "progress"),
          chip("setup-field-layouts-0-sections-1-fields", "start_date"));
      actions.combo(
          "setup-field-layouts-0-sections-0-fields-add", "Billable", "Billable (billable)");
      actions.combo(
          "setup-field-layouts-0-sections-0-fields-add",
          "Contact",
          "Contact email (contact_email)");
      Screenshots.save(browser, "desktop-manager-layout");
      browser.manage().window().setSize(Screenshots.PHONE);
      actions.clickCss("#setup-field-layouts-0-sections-1-fields");
      Screenshots.save(browser, "phone-manager-layout");
      browser.manage().window().setSize(Screenshots.DESKTOP);

      // a shared list view: columns chosen, biggest budget first
      click("setup-field-listViews-add");
      type("#setup-field-listViews-0-name", "all_projects");
      type("#setup-field-listViews-0-label", "All projects");
      for (String column :
          List.of("Title (title)", "Account (account)", "Priority (priority)", "Budget (budget)")) {
        actions.combo("setup-field-listViews-0-columns-add", column.substring(0, 4), column);
      }
      actions.combo("setup-field-listViews-0-sort-add", "Budget", "Budget ↓ (-budget)");
      actions.select("setup-field-listViews-0-visibility", "Shared");
      Screenshots.save(browser, "desktop-manager-list-view");

      click("setup-save");
      List<String> steps = actions.planSteps();
      assertTrue(steps.contains("creates the table of project"), steps.toString());
      Screenshots.save(browser, "desktop-manager-plan");
      click("plan-apply");
      wait.until(ExpectedConditions.urlContains("/setup/objects/project"));
      JsonObject project = document("objects/project");
      assertEquals("title", project.getString("nameField"));
      assertTrue(project.getJsonArray("fields").getJsonObject(0).getBoolean("required"));
      assertEquals(8, project.getJsonArray("fields").size());
      assertEquals(
          List.of("low", "normal", "high"),
          names(project.getJsonArray("fields").getJsonObject(2).getJsonArray("values")));
      assertEquals(
          "#f9a825",
          project
              .getJsonArray("fields")
              .getJsonObject(2)
              .getJsonArray("values")
              .getJsonObject(1)
              .getString("colour"));
      assertEquals(
          List.of("planned", "active", "done", "cancelled"),
          names(project.getJsonObject("pipeline").getJsonArray("stages")));
      JsonArray sections =
          project.getJsonArray("layouts").getJsonObject(0).getJsonArray("sections");
      assertEquals(
          "[\"title\",\"account\",\"priority\",\"billable\",\"contact_email\"]",
          sections.getJsonObject(0).getJsonArray("fields").toString());
      assertEquals(
          "[\"budget\",\"progress\",\"start_date\"]",
          sections.getJsonObject(1).getJsonArray("fields").toString());
      JsonObject view = project.getJsonArray("listViews").getJsonObject(0);
      assertEquals("shared", view.getString("visibility"));
      assertEquals("[\"-budget\"]", view.getJsonArray("sort").toString());

      // the team may work with projects; the app shows them
      browser.get(server.uri("/setup/permission-sets/project_team").toString());
      // the matrix: creating brings reading with it
      click("perm-project-create");
      click("perm-project-edit");
      wait.until(ExpectedConditions.attributeToBe(By.id("perm-project-read"), "checked", "true"));
      long before = revision();
      Screenshots.save(browser, "desktop-manager-matrix");
      click("setup-save");
      wait.until(driver -> revision() > before);
      browser.get(server.uri("/setup/apps/work").toString());
      actions.combo("setup-field-objects-add", "Proj", "Project (project)");
      // the icon picked by seeing it
      browser
          .findElement(By.cssSelector("#setup-field-icon input"))
          .sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
      actions.combo("setup-field-icon", "rock", "rocket");
      long beforeApp = revision();
      click("setup-save");
      wait.until(driver -> revision() > beforeApp);
      JsonObject app = document("apps/work");
      assertEquals("[\"customer\",\"project\"]", app.getJsonArray("objects").toString());
      assertEquals("rocket", app.getString("icon"));

      // a shared dashboard: the widget's measure and grouping chosen, nothing typed but titles
      browser.get(server.uri("/setup/dashboards/new").toString());
      type("#setup-field-name", "project_budgets");
      type("#setup-field-label", "Project budgets");
      click("setup-field-widgets-add");
      actions.select("setup-field-widgets-0-type", "Bar chart");
      type("#setup-field-widgets-0-title", "Budget by stage");
      actions.combo("setup-field-widgets-0-object", "Proj", "Project (project)");
      actions.select("setup-field-widgets-0-measure-function", "Sum");
      actions.combo("setup-field-widgets-0-measure-field", "Bud", "Budget (budget)");
      // only what the widget's type may be grouped by is offered: a funnel, its stage
      actions.select("setup-field-widgets-0-type", "Funnel");
      assertEquals(List.of("Stage (stage)"), offered("setup-field-widgets-0-groupBy-field"));
      actions.select("setup-field-widgets-0-type", "Bar chart");
      // typed so that one item is left: "Start date" shares "Sta"
      actions.combo("setup-field-widgets-0-groupBy-field", "Stage (", "Stage (stage)");
      Screenshots.save(browser, "desktop-manager-dashboard");
      click("setup-save");
      wait.until(ExpectedConditions.urlContains("/setup/dashboards/project_budgets"));
      JsonObject widget =
          document("dashboards/project_budgets").getJsonArray("widgets").getJsonObject(0);
      assertEquals("sum:budget", widget.getString("measure"));
      assertEquals("stage", widget.getString("groupBy"));

      // a rule tried on a record before it is saved
      // a project to try the rule on, made as the end user will make theirs
      browser.get(server.uri("/o/project").toString());
      project("Apollo", "250000", null);
      browser.get(server.uri("/setup/objects/project").toString());
      click("setup-field-validationRules-add");
      type("#setup-field-validationRules-0-name", "budget_cap");
      type("#setup-field-validationRules-0-message", "Budget above the cap");
      type("#setup-field-validationRules-0-condition", "budget <= 200000");
      actions.combo("setup-field-validationRules-0-field", "Bud", "Budget (budget)");
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
              By.id("rule-test-result"), "Apollo would be refused: Budget above the cap"));
      Screenshots.save(browser, "desktop-manager-rule-test");
      click("rule-test-close");
      long beforeRule = revision();
      click("setup-save");
      wait.until(driver -> revision() > beforeRule);
    } catch (RuntimeException | AssertionError e) {
      Screenshots.save(browser, "failed-manager-admin");
      throw e;
    }

    // the end user: the app's projects, the shared view, the layout, the board
    browser.quit();
    openBrowser();
    try {
      signIn("erik");
      actions.clickCss("vaadin-side-nav[data-app='work'] [data-object='project']");
      wait.until(ExpectedConditions.textToBe(By.id("list-count"), "0"));
      project("Website relaunch", "120000", null);
      project("CRM rollout", "90000", "15/01/2027");
      project("Office move", "300000", null);
      // the budget cap: the third is refused at its field and not saved
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("quick-create")));
      WebElement budget = browser.findElement(By.cssSelector("[data-field='budget']"));
      wait.until(driver -> budget.getDomAttribute("invalid") != null);
      assertEquals("Budget above the cap", budget.getDomProperty("errorMessage"));
      Screenshots.save(browser, "desktop-manager-user-refused");
      WebElement amount = budget.findElement(By.cssSelector("input"));
      amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), "30000", Keys.TAB);
      click("quick-create-save");
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("quick-create")));
      wait.until(ExpectedConditions.textToBe(By.id("list-count"), "3"));
      // the admin's shared view: its columns, biggest budget first
      actions.select("list-view", "All projects");
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("records-grid"), "Budget"));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("records-grid"), "Office move"));
      String grid = browser.findElement(By.id("records-grid")).getText();
      assertTrue(
          grid.indexOf("Website relaunch") < grid.indexOf("CRM rollout")
              && grid.indexOf("CRM rollout") < grid.indexOf("Office move"),
          "the shared view's order, biggest budget first: " + grid);
      Screenshots.save(browser, "desktop-manager-user-list");

      click("list-board");
      wait.until(d -> lane("planned").getText().contains("CRM rollout"));
      Screenshots.save(browser, "desktop-manager-user-board");
      actions.drag(card("CRM rollout"), lane("active"));
      wait.until(d -> lane("active").getText().contains("CRM rollout"));
      assertTrue(
          admin
              .send("GET", "api/v1/records/project?filter=stage%20%3D%20%22active%22", null)
              .body()
              .contains("CRM rollout"));
      Screenshots.save(browser, "desktop-manager-user-moved");
    } catch (RuntimeException | AssertionError e) {
      Screenshots.save(browser, "failed-manager-user");
      throw e;
    }
  }

  /** Adds field {@code i} with its name, label and type. */
  private void field(int i, String name, String label, String type) {
    click("setup-field-fields-add");
    type("#setup-field-fields-" + i + "-name", name);
    type("#setup-field-fields-" + i + "-label", label);
    actions.combo("setup-field-fields-" + i + "-type", type.substring(0, 3), type);
  }

  /** Adds value {@code v} to the picklist field {@code f}, with its colour. */
  private void value(int f, int v, String name, String label, String colour) {
    String at = "setup-field-fields-" + f + "-values";
    click(at + "-add");
    type("#" + at + "-" + v + "-name", name);
    type("#" + at + "-" + v + "-label", label);
    actions.colour(at + "-" + v + "-colour", colour);
  }

  private void stage(int i, String name, String label, int probability, String category) {
    String at = "setup-field-pipeline-stages-" + i;
    click("setup-field-pipeline-stages-add");
    type("#" + at + "-name", name);
    type("#" + at + "-label", label);
    type("#" + at + "-probability", String.valueOf(probability));
    actions.select(at + "-category", category);
  }

  private void section(int i, String label, int columns, String... fields) {
    String at = "setup-field-layouts-0-sections-" + i;
    click("setup-field-layouts-0-sections-add");
    type("#" + at + "-label", label);
    type("#" + at + "-columns", String.valueOf(columns));
    for (String field : fields) {
      actions.combo(at + "-fields-add", field.substring(0, 3), field);
    }
  }

  /** Creates a project in the list's dialog, as an end user does. */
  private void project(String title, String budget, String start) {
    click("list-new");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("quick-create")));
    type("vaadin-text-field[data-field='title']", title);
    type("vaadin-big-decimal-field[data-field='budget']", budget);
    if (start != null) {
      browser
          .findElement(By.cssSelector("vaadin-date-picker[data-field='start_date'] input"))
          .sendKeys(start, Keys.ENTER);
    }
    click("quick-create-save");
    if (Integer.parseInt(budget) <= 200000 || title.equals("Apollo")) {
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("quick-create")));
    }
  }

  /** The drag handle of a list's panel. */
  private WebElement handle(String panel) {
    return panel(panel).findElement(By.cssSelector(".relata-drag-handle"));
  }

  private WebElement panel(String id) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
  }

  private WebElement chip(String list, String name) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(list + "-chip-" + name)));
  }

  private WebElement lane(String value) {
    return new BrowserActions(browser, wait).lane(value);
  }

  private WebElement card(String name) {
    return new BrowserActions(browser, wait).card(name);
  }

  private static List<String> names(JsonArray items) {
    return items.stream().map(v -> v.asJsonObject().getString("name")).toList();
  }

  private static JsonObject document(String path) {
    try {
      return ApiClient.json(ok(admin.send("GET", "api/v1/metadata/" + path, null)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long revision() {
    return document("bundle").getJsonNumber("revision").longValue();
  }

  private static HttpResponse<String> ok(HttpResponse<String> answer) {
    assertTrue(answer.statusCode() / 100 == 2, answer.statusCode() + " " + answer.body());
    return answer;
  }

  private void click(String id) {
    actions.click(id);
    actions.awaitServer();
  }

  private void type(String css, String text) {
    actions.type(css, text);
    actions.awaitServer();
  }

  /** The items the combo box {@code id} offers when opened, then closed again. */
  private List<String> offered(String id) {
    WebElement input =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)))
            .findElement(By.cssSelector("input"));
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
    input.click();
    wait.until(
        driver ->
            driver.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .anyMatch(WebElement::isDisplayed));
    List<String> items =
        browser.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
            .filter(WebElement::isDisplayed)
            .map(WebElement::getText)
            .toList();
    input.sendKeys(Keys.ESCAPE);
    actions.awaitServer();
    return items;
  }
}

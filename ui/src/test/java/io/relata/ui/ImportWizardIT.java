package io.relata.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relata.testing.ApiClient;
import io.relata.testing.BrowserStory;
import io.relata.testing.Screenshots;
import io.relata.testing.SharedRelata;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The import wizard in a real Chromium against relata.jar: a clerk who may create suppliers (not an
 * admin) uploads the semicolon file Excel writes on a Nordic Windows, maps its columns, checks it
 * without saving, imports it — the good rows written, one existing supplier updated by its code —
 * and downloads the refused rows with why; someone who may only read suppliers is offered no
 * import.
 */
class ImportWizardIT extends BrowserStory {

  private static final String PASSWORD = SharedRelata.PASSWORD;

  @BeforeAll
  static void prepare() throws Exception {
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/objects/supplier",
            "{\"name\":\"supplier\",\"label\":\"Supplier\",\"pluralLabel\":\"Suppliers\","
                + "\"nameField\":\"name\",\"fields\":["
                + "{\"name\":\"name\",\"label\":\"Name\",\"type\":\"text\",\"required\":true},"
                + "{\"name\":\"code\",\"label\":\"Code\",\"type\":\"text\",\"unique\":true},"
                + "{\"name\":\"employees\",\"label\":\"Employees\",\"type\":\"number\"},"
                + "{\"name\":\"revenue\",\"label\":\"Revenue\",\"type\":\"number\","
                + "\"scale\":2}]}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/permission-sets/supplier_clerks",
            "{\"name\":\"supplier_clerks\",\"label\":\"Supplier clerks\",\"objects\":{\"supplier\":"
                + "{\"create\":true,\"read\":true,\"edit\":true,\"delete\":true,\"viewAll\":true,"
                + "\"modifyAll\":true}}}"));
    ok(
        admin.send(
            "PUT",
            "api/v1/metadata/permission-sets/supplier_readers",
            "{\"name\":\"supplier_readers\",\"label\":\"Supplier readers\",\"objects\":{"
                + "\"supplier\":{\"read\":true,\"viewAll\":true}}}"));
    for (String[] user :
        new String[][] {{"vera", "supplier_clerks"}, {"wilma", "supplier_readers"}}) {
      ok(
          admin.send(
              "POST",
              "api/v1/users",
              "{\"username\":\""
                  + user[0]
                  + "\",\"password\":\""
                  + PASSWORD
                  + "\",\"permissionSets\":[\""
                  + user[1]
                  + "\"]}"));
    }
    ok(
        admin.send(
            "POST",
            "api/v1/records/supplier",
            "{\"name\":\"Nordic Steel\",\"code\":\"S-1\",\"employees\":10}"));
  }

  @Test
  void aClerkChecksThenImportsAnExcelFileAndDownloadsTheRefusedRows() throws Exception {
    // as Excel saves "CSV" where the comma is the decimal sign: semicolons, Windows-1252
    Path folder = Files.createTempDirectory("relata-import");
    Path twice = folder.resolve("twice.csv");
    Files.writeString(twice, "Code;Code\r\nS-9;S-9\r\n");
    Path file = folder.resolve("suppliers.csv");
    Files.writeString(
        file,
        "Supplier name;Code;Staff;Revenue;Notes\r\n"
            + "Nordic Steel;S-1;12;1000,50;renewed\r\n"
            + "Åbo Trä;S-2;40;2500,75;\r\n"
            + ";S-3;5;10;no name\r\n"
            + "Göta Bygg;S-4;many;1;\r\n"
            + "Bergen Bolt;S-5;7;99,9;\r\n",
        Charset.forName("windows-1252"));
    try {
      signIn("vera");
      browser.get(server.uri("/o/supplier").toString());
      actions.click("list-import");
      wait.until(ExpectedConditions.urlContains("/o/supplier/import"));
      Screenshots.save(browser, "desktop-import-file");
      // two columns of one name cannot be told apart: refused at the upload, which takes the next
      upload(twice);
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("import-file-problem"), "is a second column named Code: rename one of them"));
      upload(file);

      // read as written: semicolons, Windows-1252, decimal comma; columns guessed by label
      WebElement summary =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-summary")));
      assertEquals("suppliers.csv: 5 columns, 5 rows.", summary.getText());
      assertEquals("Semicolon ( ; )", selected("import-delimiter"));
      assertEquals("windows-1252", selected("import-encoding"));
      assertEquals("Comma (1234,5)", selected("import-decimal"));
      assertEquals("Do not import", selected("import-map-0"));
      assertEquals("Code", selected("import-map-1"));
      assertEquals("Revenue", selected("import-map-3"));
      assertEquals("Do not import", selected("import-map-4"));
      actions.select("import-map-0", "Name");
      actions.select("import-map-2", "Employees");
      // two columns for one field are refused at the second, and nothing runs
      actions.select("import-map-4", "Code");
      actions.click("import-check");
      WebElement notes = browser.findElement(By.id("import-map-4"));
      wait.until(driver -> notes.getDomAttribute("invalid") != null);
      actions.select("import-map-4", "Do not import");
      actions.select("import-match", "Update the record with the same Code, add the others");
      Screenshots.save(browser, "desktop-import-columns");
      browser.manage().window().setSize(Screenshots.PHONE);
      Screenshots.save(browser, "phone-import-columns");
      browser.manage().window().setSize(Screenshots.DESKTOP);

      // checked without saving
      actions.click("import-check");
      wait.until(
          ExpectedConditions.textToBe(
              By.id("import-result"),
              "Checked 5 rows: 3 can be imported, 2 would be refused. Nothing was saved."));
      assertEquals(1, suppliers().size(), "a check writes nothing");
      WebElement refused = browser.findElement(By.id("import-refused"));
      assertTrue(refused.getText().contains("Name:"), refused.getText());
      assertTrue(refused.getText().contains("Employees:"), refused.getText());

      // imported: the good rows written, Nordic Steel updated by its code
      actions.click("import-run-now");
      wait.until(
          ExpectedConditions.textToBe(By.id("import-result"), "Imported 3 of 5 rows; 2 refused."));
      Screenshots.save(browser, "desktop-import-result");
      browser.manage().window().setSize(Screenshots.PHONE);
      Screenshots.save(browser, "phone-import-result");
      browser.manage().window().setSize(Screenshots.DESKTOP);
      Map<String, JsonObject> byCode = suppliers();
      assertEquals(3, byCode.size(), "S-1 updated, S-2 and S-5 added: " + byCode);
      assertEquals("Nordic Steel", byCode.get("S-1").getString("name"));
      assertEquals(12, byCode.get("S-1").getJsonNumber("employees").intValue());
      assertEquals("1000.50", byCode.get("S-1").getJsonNumber("revenue").toString());
      assertEquals("Åbo Trä", byCode.get("S-2").getString("name"));
      assertEquals("99.90", byCode.get("S-5").getJsonNumber("revenue").toString());
      assertFalse(byCode.containsKey("S-3"));
      assertFalse(byCode.containsKey("S-4"));

      // the refused rows as they were, with why, to correct and import again
      String href = browser.findElement(By.id("import-download")).getDomAttribute("href");
      String refusedRows =
          (String)
              ((JavascriptExecutor) browser)
                  .executeAsyncScript(
                      "const done = arguments[arguments.length - 1];"
                          + "fetch(arguments[0]).then(r => r.text()).then(done);",
                      href);
      String[] lines = refusedRows.replace("\uFEFF", "").split("\r?\n");
      assertEquals(
          "Supplier name;Code;Staff;Revenue;Notes;Why it was refused", lines[0], refusedRows);
      assertEquals(3, lines.length, refusedRows);
      // an empty first cell is quoted, so that the line is not read as empty
      assertEquals("\"\";S-3;5;10;no name;Name: is required", lines[1]);
      assertEquals("Göta Bygg;S-4;many;1;;Employees: must be a number", lines[2]);

      actions.click("import-open");
      wait.until(ExpectedConditions.urlMatches(".*/o/supplier$"));

      // a supplier made by hand with a code one has already: refused at the code
      actions.click("list-new");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("quick-create")));
      actions.type("vaadin-text-field[data-field='name']", "Copy Steel");
      actions.type("vaadin-text-field[data-field='code']", "S-1");
      actions.click("quick-create-save");
      WebElement code = browser.findElement(By.cssSelector("vaadin-text-field[data-field='code']"));
      wait.until(driver -> code.getDomAttribute("invalid") != null);
      assertTrue(
          code.getDomProperty("errorMessage").contains("taken"),
          code.getDomProperty("errorMessage"));
      assertEquals(3, suppliers().size(), "nothing created");
    } catch (RuntimeException | AssertionError e) {
      Screenshots.save(browser, "failed-import");
      throw e;
    }

    // someone who may only read suppliers is offered no import
    browser.manage().deleteAllCookies();
    signIn("wilma");
    browser.get(server.uri("/o/supplier").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list-title")));
    assertTrue(
        browser.findElements(By.id("list-import")).stream().noneMatch(WebElement::isDisplayed));
    browser.get(server.uri("/o/supplier/import").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
  }

  /** Gives the file to the upload's file input, as choosing it in the dialog would. */
  private void upload(Path file) {
    WebElement upload =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-upload")));
    WebElement input =
        (WebElement)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return arguments[0].shadowRoot.querySelector('input[type=file]')"
                        + " || arguments[0].querySelector('input[type=file]')",
                    upload);
    input.sendKeys(file.toAbsolutePath().toString());
  }

  /** The text a select shows. */
  private String selected(String id) {
    WebElement select = browser.findElement(By.id(id));
    return select.findElement(By.cssSelector("vaadin-select-value-button")).getText().trim();
  }

  private static Map<String, JsonObject> suppliers() throws Exception {
    JsonObject page =
        ApiClient.json(ok(admin.send("GET", "api/v1/records/supplier?limit=50", null)));
    Map<String, JsonObject> byCode = new HashMap<>();
    page.getJsonArray("items")
        .forEach(
            item -> {
              JsonObject record = item.asJsonObject();
              byCode.put(record.getString("code"), record);
            });
    return byCode;
  }

  private static HttpResponse<String> ok(HttpResponse<String> answer) {
    assertTrue(answer.statusCode() / 100 == 2, answer.statusCode() + " " + answer.body());
    return answer;
  }
}

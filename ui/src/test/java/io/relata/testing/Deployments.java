package io.relata.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Builds every test deployment: the real relata.war as the build made it, plus the test. */
public final class Deployments {

  private Deployments() {}

  /**
   * relata.war with {@code testClass} (and this package) added for in-container execution, and the
   * metadata fixtures (object documents) as resources.
   */
  public static WebArchive relataWar(Class<?> testClass) {
    File war = new File(System.getProperty("relata.war", "target/relata.war"));
    return ShrinkWrap.create(ZipImporter.class, "relata.war")
        .importFrom(war)
        .as(WebArchive.class)
        .addClass(testClass)
        .addPackage(Deployments.class.getPackage())
        .addAsResource("fixtures/objects/account.json")
        .addAsResource("fixtures/objects/opportunity.json")
        .addAsResource("fixtures/objects/line_item.json")
        .addAsResource("fixtures/objects/company.json")
        .addAsResource("fixtures/objects/deal.json")
        .addAsResource("fixtures/objects/contact.json")
        .addAsResource("fixtures/objects/deal_contact.json");
  }
}

package io.relata.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.relata.metadata.fixture.MetadataThatUsesJpa;
import io.relata.metadata.name.NameRules;
import io.relata.platform.database.DatabaseSchema;
import io.relata.platform.fixture.PlatformThatUsesVaadin;
import io.relata.plugin.api.ProviderFactory;
import io.relata.ui.login.LoginView;
import org.junit.jupiter.api.Test;

class LayeringTest {

  @Test
  void productionCodeKeepsTheLayering() {
    JavaClasses production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.relata");
    // every module was imported: a rule over nothing would pass vacuously
    for (Class<?> fromEachModule :
        new Class<?>[] {
          ProviderFactory.class, NameRules.class, DatabaseSchema.class, LoginView.class
        }) {
      assertTrue(production.contain(fromEachModule), fromEachModule.getName());
    }
    for (ArchRule rule : LayeringRules.ALL) {
      rule.check(production);
    }
  }

  @Test
  void ruleCatchesMetadataImportingJpa() {
    EvaluationResult result =
        LayeringRules.METADATA_IS_PURE_JAVA.evaluate(
            new ClassFileImporter().importClasses(MetadataThatUsesJpa.class));
    assertTrue(result.hasViolation());
    assertTrue(result.getFailureReport().toString().contains("jakarta.persistence.EntityManager"));
  }

  @Test
  void ruleCatchesPlatformImportingVaadin() {
    EvaluationResult result =
        LayeringRules.PLATFORM_HAS_NO_SCREENS.evaluate(
            new ClassFileImporter().importClasses(PlatformThatUsesVaadin.class));
    assertTrue(result.hasViolation());
    assertTrue(
        result.getFailureReport().toString().contains("com.vaadin.flow.component.Component"));
  }

  @Test
  void ruleCatchesAPackageCycle() {
    EvaluationResult result =
        LayeringRules.PLATFORM_PACKAGES_FREE_OF_CYCLES.evaluate(
            new ClassFileImporter()
                .importClasses(
                    io.relata.platform.fixture.cycle.lower.Lower.class,
                    io.relata.platform.fixture.cycle.upper.Upper.class));
    assertTrue(result.hasViolation());
    assertTrue(result.getFailureReport().toString().contains("fixture.cycle"));
  }

  @Test
  void ruleCatchesALifecycleCallbackWithAnOverload() {
    EvaluationResult result =
        LayeringRules.LIFECYCLE_CALLBACKS_HAVE_THEIR_OWN_NAME.evaluate(
            new ClassFileImporter()
                .importClasses(io.relata.platform.fixture.OverloadedCallback.class));
    assertTrue(result.hasViolation());
    assertTrue(result.getFailureReport().toString().contains("OverloadedCallback.start()"));
  }
}

package io.relata.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * ARCHITECTURE.md, "Layout and dependency direction": {@code plugins/api <- metadata <- platform <-
 * ui}; metadata is pure Java; only platform's automation package touches GraalJS.
 */
final class LayeringRules {

  static final ArchRule METADATA_IS_PURE_JAVA =
      noClasses()
          .that()
          .resideInAPackage("io.relata.metadata..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "jakarta..",
              "javax.persistence..",
              "com.vaadin..",
              "org.graalvm..",
              "io.relata.platform..",
              "io.relata.ui..")
          .as("metadata imports no Jakarta EE, JPA, Vaadin, GraalJS, platform or ui");

  static final ArchRule PLATFORM_HAS_NO_SCREENS =
      noClasses()
          .that()
          .resideInAPackage("io.relata.platform..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.vaadin..", "io.relata.ui..", "io.relata.launcher..")
          .as("platform imports no Vaadin and nothing of ui");

  static final ArchRule GRAALJS_ONLY_IN_AUTOMATION =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.relata.platform.automation..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.graalvm..")
          .as("only platform's automation package imports GraalJS");

  static final ArchRule PLUGIN_API_STANDS_ALONE =
      classes()
          .that()
          .resideInAPackage("io.relata.plugin.api..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "io.relata.plugin.api..")
          .allowEmptyShould(true)
          .as("plugins/api depends on the JDK only");

  /**
   * STYLE.md, "Package cycles are bugs": a lower room never imports a higher one. Each package is a
   * slice of its own, sub-packages included ({@code audit.trail} apart from {@code audit}).
   */
  static final ArchRule PLATFORM_PACKAGES_FREE_OF_CYCLES =
      slices()
          .matching("io.relata.platform.(**)")
          .should()
          .beFreeOfCycles()
          .as("platform packages depend on each other without cycles");

  static final List<ArchRule> ALL =
      List.of(
          METADATA_IS_PURE_JAVA,
          PLATFORM_HAS_NO_SCREENS,
          GRAALJS_ONLY_IN_AUTOMATION,
          PLUGIN_API_STANDS_ALONE,
          PLATFORM_PACKAGES_FREE_OF_CYCLES);

  private LayeringRules() {}
}

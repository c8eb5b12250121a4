package io.relata.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
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

  /**
   * Payara finds a bean's {@code @PostConstruct} or {@code @PreDestroy} method again by its name
   * alone and takes the first declared method of that name, in an order the JVM does not fix: an
   * overload (a static {@code migrate(DataSource)} beside {@code @PostConstruct migrate()}) made
   * one start in seven fail under CPU load ("wrong number of arguments"). So a callback's name is
   * its own.
   */
  static final ArchRule LIFECYCLE_CALLBACKS_HAVE_THEIR_OWN_NAME =
      methods()
          .that()
          .areAnnotatedWith("jakarta.annotation.PostConstruct")
          .or()
          .areAnnotatedWith("jakarta.annotation.PreDestroy")
          .should(
              new com.tngtech.archunit.lang.ArchCondition<
                  com.tngtech.archunit.core.domain.JavaMethod>(
                  "be the only method of their class with their name") {
                @Override
                public void check(
                    com.tngtech.archunit.core.domain.JavaMethod method,
                    com.tngtech.archunit.lang.ConditionEvents events) {
                  long named =
                      method.getOwner().getMethods().stream()
                          .filter(other -> other.getName().equals(method.getName()))
                          .count();
                  if (named > 1) {
                    events.add(
                        com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                            method,
                            method.getFullName()
                                + " shares its name with another method of "
                                + method.getOwner().getName()));
                  }
                }
              })
          .allowEmptyShould(true)
          .as("lifecycle callbacks are the only methods of their class with their name");

  static final List<ArchRule> ALL =
      List.of(
          METADATA_IS_PURE_JAVA,
          PLATFORM_HAS_NO_SCREENS,
          GRAALJS_ONLY_IN_AUTOMATION,
          PLUGIN_API_STANDS_ALONE,
          PLATFORM_PACKAGES_FREE_OF_CYCLES,
          LIFECYCLE_CALLBACKS_HAVE_THEIR_OWN_NAME);

  private LayeringRules() {}
}

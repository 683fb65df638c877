package dev.foyer.application;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ApplicationDependencyTests {

    @Test
    void applicationDependsOnNothingInFoyerButTenant() {
        noClasses().that().resideInAPackage("dev.foyer.application..")
                .should().dependOnClassesThat(resideInAPackage("dev.foyer..")
                        .and(not(resideInAnyPackage("dev.foyer.application..", "dev.foyer.tenant.."))))
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.foyer"));
    }
}

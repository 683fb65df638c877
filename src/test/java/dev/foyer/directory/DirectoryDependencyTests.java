package dev.foyer.directory;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class DirectoryDependencyTests {

    @Test
    void directoryDependsOnNothingInFoyerButTenant() {
        noClasses().that().resideInAPackage("dev.foyer.directory..")
                .should().dependOnClassesThat(resideInAPackage("dev.foyer..")
                        .and(not(resideInAnyPackage("dev.foyer.directory..", "dev.foyer.tenant.."))))
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.foyer"));
    }
}

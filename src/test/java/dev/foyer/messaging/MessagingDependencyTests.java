package dev.foyer.messaging;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Messaging may use the tenant context and nothing else of Foyer's. */
class MessagingDependencyTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.foyer");

    @Test
    void messagingWhenCompiledThenDependsOnlyOnTenant() {
        noClasses().that().resideInAPackage("dev.foyer.messaging..")
                .should().dependOnClassesThat(resideInAPackage("dev.foyer..")
                        .and(not(resideInAnyPackage("dev.foyer.messaging..", "dev.foyer.tenant.."))))
                .check(classes);
    }
}

package dev.foyer.audit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The audit log may use the tenant context and nothing else of Foyer's (its package-info). */
class AuditDependencyTests {

    @Test
    void auditWhenCompiledThenDependsOnlyOnTenant() {
        noClasses().that().resideInAPackage("dev.foyer.audit..")
                .should().dependOnClassesThat(resideInAPackage("dev.foyer..")
                        .and(not(resideInAnyPackage("dev.foyer.audit..", "dev.foyer.tenant.."))))
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.foyer"));
    }
}

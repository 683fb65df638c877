package dev.foyer.lockout;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rule stated in lockout's package-info: sign-in steps and administration use it, not the reverse. */
class LockoutDependencyTests {

    @Test
    void lockoutDependsOnTenantDirectorySecurityAndAuditOnly() {
        noClasses().that().resideInAPackage("dev.foyer.lockout..")
                .should().dependOnClassesThat(resideInAPackage("dev.foyer..").and(not(resideInAnyPackage(
                        "dev.foyer.lockout..", "dev.foyer.tenant..", "dev.foyer.directory..", "dev.foyer.security..",
                        "dev.foyer.audit.."))))
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.foyer"));
    }
}

package dev.foyer;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules stated in the package-info of keys, secrets, tls and web. */
class PlatformDependencyTests {

    private static final JavaClasses FOYER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.foyer");

    @Test
    void keysWhenCompiledThenDependsOnTenantAndSecretsOnly() {
        noClasses().that().resideInAPackage("dev.foyer.keys..")
                .should().dependOnClassesThat(foyerOutside("dev.foyer.keys..", "dev.foyer.tenant..",
                        "dev.foyer.secrets.."))
                .check(FOYER);
    }

    @Test
    void secretsWhenCompiledThenDependsOnNothingElseInFoyer() {
        noClasses().that().resideInAPackage("dev.foyer.secrets..")
                .should().dependOnClassesThat(foyerOutside("dev.foyer.secrets.."))
                .check(FOYER);
    }

    @Test
    void tlsWhenCompiledThenDependsOnNothingElseInFoyer() {
        noClasses().that().resideInAPackage("dev.foyer.tls..")
                .should().dependOnClassesThat(foyerOutside("dev.foyer.tls.."))
                .check(FOYER);
    }

    @Test
    void webWhenCompiledThenDependsOnNothingElseInFoyer() {
        noClasses().that().resideInAPackage("dev.foyer.web..")
                .should().dependOnClassesThat(foyerOutside("dev.foyer.web.."))
                .check(FOYER);
    }

    private static DescribedPredicate<JavaClass>
            foyerOutside(String... allowed) {
        return resideInAPackage("dev.foyer..").and(not(resideInAnyPackage(allowed)))
                .as("Foyer classes outside " + String.join(", ", allowed));
    }
}

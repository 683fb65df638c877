package dev.foyer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Conditional;

/**
 * The house rules of STYLE.md that span features: protocol and journey meet only through the
 * journey's two-call contract (rule 7), user flows are plain data over tenants, feature packages
 * form no cycles, and each feature says in its package-info what it owns (rule 1).
 */
class ArchitectureTests {

    private static final JavaClasses FOYER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.foyer");

    private static final Path SOURCES = Path.of("src/main/java/dev/foyer");

    @Test
    void beansWhenCompiledThenNoneDependsOnABeanCondition() {
        String why = "a build processed ahead of time (Spring AOT, README: Faster start-up) fixes bean conditions "
                + "at build time; what configuration turns on or off is decided when the server starts";
        noClasses().that().resideInAPackage("dev.foyer..")
                .should().beMetaAnnotatedWith(Conditional.class).because(why).check(FOYER);
        noMethods().that().areDeclaredInClassesThat().resideInAPackage("dev.foyer..")
                .should().beMetaAnnotatedWith(Conditional.class).because(why).check(FOYER);
    }

    @Test
    void oidcWhenCompiledThenDoesNotDependOnMfaFederationMessagingOrLocalAccounts() {
        noClasses().that().resideInAPackage("dev.foyer.oidc..")
                .should().dependOnClassesThat().resideInAnyPackage("..mfa..", "..federation..", "..messaging..",
                        "..localaccount..")
                .because("the protocol side only asks the journey to run and reads its result (STYLE.md rule 7)")
                .check(FOYER);
    }

    @Test
    void journeyWhenCompiledThenDoesNotDependOnOidcLocalAccountsOrMessaging() {
        noClasses().that().resideInAPackage("dev.foyer.journey..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.foyer.oidc..", "..localaccount..",
                        "..messaging..")
                .because("the engine runs steps behind the Step interface and knows no protocol (STYLE.md rule 7)")
                .check(FOYER);
    }

    @Test
    void localAccountsAndFederationWhenCompiledThenDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("dev.foyer.localaccount..")
                .should().dependOnClassesThat().resideInAPackage("dev.foyer.federation..")
                .because("the sign-in page shows the providers' buttons through journey's ExternalSignIns")
                .check(FOYER);
        noClasses().that().resideInAPackage("dev.foyer.federation..")
                .should().dependOnClassesThat().resideInAPackage("dev.foyer.localaccount..")
                .because("federated sign-up shares only userflow's SignUpAttribute with the local sign-up")
                .check(FOYER);
    }

    @Test
    void userflowWhenCompiledThenDependsOnlyOnTenantJdkSpringAndJackson() {
        classes().that().resideInAPackage("dev.foyer.userflow..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.foyer.userflow..", "dev.foyer.tenant..",
                        "java..", "org.springframework..", "tools.jackson..", "com.fasterxml.jackson..")
                .because("a user flow is data (STYLE.md rule 2)")
                .check(FOYER);
    }

    @Test
    void featurePackagesWhenCompiledThenFormNoCycles() {
        slices().matching("dev.foyer.(*)..").should().beFreeOfCycles().check(FOYER);
    }

    @Test
    void everyTopLevelPackageHasAPackageInfo() throws IOException {
        List<Path> packages;
        try (Stream<Path> entries = Files.list(SOURCES)) {
            packages = entries.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(packages).as("feature packages under " + SOURCES.toAbsolutePath()).hasSizeGreaterThan(5);
        assertThat(packages)
                .filteredOn(dir -> !Files.isRegularFile(dir.resolve("package-info.java")))
                .as("packages without package-info.java")
                .isEmpty();
    }
}

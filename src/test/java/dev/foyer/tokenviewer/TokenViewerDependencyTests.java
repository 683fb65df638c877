package dev.foyer.tokenviewer;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class TokenViewerDependencyTests {

    @Test
    void tokenviewerDependsOnlyOnTenantApplicationKeysUserflowSecurityAndWeb() {
        noClasses().that().resideInAPackage("dev.foyer.tokenviewer..")
                .should().dependOnClassesThat(resideInAPackage("dev.foyer..")
                        .and(not(resideInAnyPackage("dev.foyer.tokenviewer..", "dev.foyer.tenant..",
                                "dev.foyer.application..", "dev.foyer.keys..", "dev.foyer.userflow..",
                                "dev.foyer.security..", "dev.foyer.web.."))))
                .because("the viewer reads tokens like any relying party; it knows no protocol internals")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.foyer"));
    }
}

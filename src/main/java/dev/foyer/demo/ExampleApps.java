package dev.foyer.demo;

import dev.foyer.application.ApplicationType;
import java.util.List;
import java.util.Optional;

/**
 * The sample applications under {@code examples/} in the repository, registered in the demo tenant
 * at their fixed local addresses. {@code key} names them in the demo clients file. "Contoso Auto
 * Insurance" and "Contoso Home Insurance" are also the demo landing page's applications.
 */
final class ExampleApps {

    /** One sample application: how the demo tenant registers it, beside the demo's own reply URLs. */
    record ExampleApp(String key, String name, ApplicationType type, List<String> redirectUris,
                      Optional<String> logoutUrl, Optional<String> landingPageFlow) {

        boolean confidential() {
            return type.isConfidential();
        }
    }

    static final String INSURANCE = "http://localhost:8092";
    static final String BANK = "http://localhost:8091";
    static final String SPA = "http://localhost:5173";

    static final List<ExampleApp> ALL = List.of(
            new ExampleApp("auto-insurance", DemoTenant.APP_NAME, ApplicationType.WEB,
                    List.of(INSURANCE + "/login/oauth2/code/auto"), Optional.of(INSURANCE + "/"),
                    Optional.of("B2C_1_susi")),
            new ExampleApp("home-insurance", DemoTenant.HOME_APP_NAME, ApplicationType.WEB,
                    List.of(INSURANCE + "/login/oauth2/code/home"), Optional.of(INSURANCE + "/"),
                    Optional.of("B2C_1_susi_mfa")),
            new ExampleApp("bank", "Contoso Bank", ApplicationType.WEB,
                    List.of(BANK + "/login/oauth2/code/susi", BANK + "/login/oauth2/code/susi-mfa"),
                    Optional.of(BANK + "/"), Optional.empty()),
            new ExampleApp("rewards", "Contoso Rewards (single-page app)", ApplicationType.SPA,
                    List.of(SPA + "/"), Optional.empty(), Optional.empty()));

    private ExampleApps() {
    }
}

package dev.foyer.demo;

import com.nimbusds.jwt.SignedJWT;
import dev.foyer.application.Application;
import dev.foyer.application.ApplicationRepository;
import dev.foyer.security.OpaqueTokens;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TenantRepository;
import dev.foyer.tokenviewer.TokenViewerApplication;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The landing page, with "Run user flow" links for the demo tenant, and the demo application's
 * callback, which shows what the application received (the ID token's header and claims).
 */
@Controller
class DemoPages {

    /** B2C's code for "Forgot your password?" in a flow without self-service password reset. */
    static final String FORGOT_PASSWORD = "AADB2C90118";

    private final TenantRepository tenants;
    private final ApplicationRepository applications;
    private final UserFlowRepository flows;
    private final TokenViewerApplication viewer;

    DemoPages(TenantRepository tenants, ApplicationRepository applications, UserFlowRepository flows,
              TokenViewerApplication viewer) {
        this.tenants = tenants;
        this.applications = applications;
        this.flows = flows;
        this.viewer = viewer;
    }

    /** A flow row; {@code viewerUrl} runs the flow for the token viewer, null when it has no reply URL here. */
    record FlowLink(String application, String name, boolean mfa, String runUrl, String discoveryUrl,
                    String viewerUrl) {
    }

    @GetMapping("/")
    String landing(HttpServletRequest request, Model model) {
        String origin = origin(request);
        Optional<Tenant> demo = tenants.findByNameOrId(DemoTenant.TENANT);
        model.addAttribute("tenant", demo.map(Tenant::name).orElse(null));
        model.addAttribute("flows", demo.map(t -> TenantContext.call(t, () -> links(t, origin))).orElse(List.of()));
        return "demo/index";
    }

    @PostMapping(DemoLinks.CALLBACK)
    String formPostCallback(@RequestParam Map<String, String> params, Model model, HttpServletRequest request) {
        return callback(params, model, request);
    }

    @GetMapping(DemoLinks.CALLBACK)
    String queryCallback(@RequestParam Map<String, String> params, Model model, HttpServletRequest request) {
        return callback(params, model, request);
    }

    private String callback(Map<String, String> params, Model model, HttpServletRequest request) {
        model.addAttribute("error", params.get("error"));
        String description = params.get("error_description");
        if (description != null && description.startsWith(FORGOT_PASSWORD)) {
            // What an MSAL app does with AADB2C90118: start the password reset flow.
            model.addAttribute("resetPasswordUrl", passwordResetUrl(origin(request)));
        }
        model.addAttribute("errorDescription", params.get("error_description"));
        model.addAttribute("code", params.get("code"));
        String idToken = params.get("id_token");
        if (idToken != null) {
            try {
                SignedJWT jwt = SignedJWT.parse(idToken);
                model.addAttribute("header", jwt.getHeader().toString());
                Map<String, Object> claims = new LinkedHashMap<>(jwt.getJWTClaimsSet().toJSONObject());
                model.addAttribute("claims", claims);
            } catch (ParseException e) {
                model.addAttribute("error", "invalid_token");
                model.addAttribute("errorDescription", "The id_token could not be read.");
            }
        }
        return "demo/callback";
    }

    /** The password reset flow's authorize URL for the first demo app, if the demo tenant has both here. */
    private String passwordResetUrl(String origin) {
        return tenants.findByNameOrId(DemoTenant.TENANT).flatMap(t -> TenantContext.call(t, () -> {
            String redirectUri = origin + DemoLinks.CALLBACK;
            Optional<Application> app = demoApp(DemoTenant.APP_NAME, redirectUri);
            Optional<UserFlow> flow = flows.findByName(DemoTenant.PASSWORD_RESET_FLOW);
            return app.isPresent() && flow.isPresent()
                    ? Optional.of(link(t, flow.get(), app.get(), redirectUri, null).runUrl()) : Optional.<String>empty();
        })).orElse(null);
    }

    private Optional<Application> demoApp(String name, String redirectUri) {
        return applications.findAll().stream()
                .filter(a -> a.displayName().equals(name) && a.hasRedirectUri(redirectUri)).findFirst();
    }

    private static String origin(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).replacePath(null).build().toUriString();
    }

    private List<FlowLink> links(Tenant tenant, String origin) {
        String redirectUri = origin + DemoLinks.CALLBACK;
        boolean viewerRepliesHere = viewer.repliesTo(tenant, origin);
        List<FlowLink> links = new ArrayList<>();
        Map<String, String> rows = new LinkedHashMap<>();
        DemoTenant.APP_FLOWS.forEach((appName, flowName) -> rows.put(flowName, appName));
        rows.put(DemoTenant.PASSWORD_RESET_FLOW, DemoTenant.APP_NAME);
        rows.put(DemoTenant.PROFILE_EDIT_FLOW, DemoTenant.APP_NAME);
        rows.forEach((flowName, appName) -> {
            Optional<Application> app = demoApp(appName, redirectUri);
            Optional<UserFlow> flow = flows.findByName(flowName);
            if (app.isPresent() && flow.isPresent()) {
                String viewerUrl = viewerRepliesHere ? viewer.runUrl(tenant, flow.get(), origin) : null;
                links.add(link(tenant, flow.get(), app.get(), redirectUri, viewerUrl));
            }
        });
        return links;
    }

    private static FlowLink link(Tenant tenant, UserFlow flow, Application app, String redirectUri,
                                 String viewerUrl) {
        String base = "/" + tenant.name() + "/" + flow.canonicalName();
        String run = base + "/oauth2/v2.0/authorize?client_id=" + app.clientId()
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
                + "&response_type=id_token&response_mode=form_post&scope=openid&nonce="
                + OpaqueTokens.generate().substring(0, 12);
        return new FlowLink(app.displayName(), flow.name(), flow.properties().mfa().isOn(), run,
                base + "/v2.0/.well-known/openid-configuration", viewerUrl);
    }
}

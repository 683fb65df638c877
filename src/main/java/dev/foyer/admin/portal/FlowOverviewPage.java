package dev.foyer.admin.portal;

import dev.foyer.application.Application;
import dev.foyer.application.ApplicationRepository;
import dev.foyer.security.OpaqueTokens;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tokenviewer.TokenViewerApplication;
import dev.foyer.userflow.TokenCompatibility;
import dev.foyer.userflow.UserFlow;
import dev.foyer.web.ServerOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A flow's Overview: its addresses and "Run user flow", which sends the administrator's browser
 * through the hosted flow to a reply URL registered for the chosen application — or to the
 * built-in token viewer, the tenant's test application whose reply URL is Foyer's own page.
 */
@Controller
class FlowOverviewPage {

    static final String TOKEN_VIEWER = "tokenviewer";

    private final PortalFlows flows;
    private final ApplicationRepository applications;
    private final ServerOrigins origins;
    private final TokenViewerApplication viewer;

    FlowOverviewPage(PortalFlows flows, ApplicationRepository applications, ServerOrigins origins,
                     TokenViewerApplication viewer) {
        this.flows = flows;
        this.applications = applications;
        this.origins = origins;
        this.viewer = viewer;
    }

    @GetMapping("/admin/tenants/{tenant}/userFlows/{flow}")
    String overview(@PathVariable String tenant, @PathVariable String flow,
                    @RequestParam(required = false) String runApplication, HttpServletRequest request, Model model) {
        PortalFlows.Target target = flows.get(tenant, flow);
        describe(target, runApplication, null, request, model);
        return "admin/flow-overview";
    }

    @GetMapping("/admin/tenants/{tenant}/userFlows/{flow}/run")
    String run(@PathVariable String tenant, @PathVariable String flow,
               @RequestParam(required = false) String runApplication,
               @RequestParam(required = false) String runReplyUrl,
               HttpServletRequest request, HttpServletResponse response, Model model) {
        PortalFlows.Target target = flows.get(tenant, flow);
        if (TOKEN_VIEWER.equals(runApplication)) {
            return runForTokenViewer(target, request, response, model);
        }
        Optional<Application> app = TenantContext.call(target.tenant(),
                () -> runApplication == null ? Optional.<Application>empty() : applications.findByClientId(runApplication));
        if (app.isEmpty()) {
            response.setStatus(400);
            describe(target, runApplication, "Choose an application to run the user flow for.", request, model);
            return "admin/flow-overview";
        }
        if (!app.get().hasRedirectUri(runReplyUrl)) {
            response.setStatus(400);
            describe(target, runApplication, "Choose one of the reply URLs of " + app.get().displayName() + ".",
                    request, model);
            return "admin/flow-overview";
        }
        return "redirect:" + authorizeUrl(target, app.get(), runReplyUrl);
    }

    private String runForTokenViewer(PortalFlows.Target target, HttpServletRequest request,
                                     HttpServletResponse response, Model model) {
        String origin = origins.of(request);
        // Tenants made after start (by the admin API) get their viewer on first use.
        viewer.ensureFor(target.tenant());
        if (!viewer.repliesTo(target.tenant(), origin)) {
            response.setStatus(400);
            describe(target, TOKEN_VIEWER, "The token viewer has no reply URL at " + origin
                    + "; choose an application of your own.", request, model);
            return "admin/flow-overview";
        }
        return "redirect:" + viewer.runUrl(target.tenant(), target.flow(), origin);
    }

    private void describe(PortalFlows.Target target, String runApplication, String runError,
                          HttpServletRequest request, Model model) {
        PortalFlows.describe(target, "overview", model);
        String origin = origins.of(request);
        String base = origin + "/" + target.tenant().name() + "/" + target.flow().canonicalName();
        boolean tenantIssuer = target.flow().properties().tokenCompatibility().issuer()
                == TokenCompatibility.IssuerFormat.TENANT;
        model.addAttribute("issuer", tenantIssuer ? origin + "/" + target.tenant().id() + "/v2.0/" : base + "/v2.0");
        model.addAttribute("discoveryUrl", base + "/v2.0/.well-known/openid-configuration");
        model.addAttribute("authorizeUrl", base + "/oauth2/v2.0/authorize");
        Tenant tenant = target.tenant();
        List<Application> runnable = TenantContext.call(tenant, () -> applications.findAll().stream()
                .filter(a -> !a.redirectUris().isEmpty() && !a.clientId().equals(viewer.clientIdFor(tenant)))
                .toList());
        Optional<Application> selected = runnable.stream()
                .filter(a -> a.clientId().toString().equals(runApplication)).findFirst();
        model.addAttribute("runApplications", runnable);
        model.addAttribute("tokenViewer", true);
        model.addAttribute("tokenViewerUrl", TokenViewerApplication.redirectUri(origin));
        model.addAttribute("selectedApplication", selected.map(a -> a.clientId().toString()).orElse(TOKEN_VIEWER));
        model.addAttribute("selectedReplyUrl", selected.map(a -> a.redirectUris().get(0)).orElse(null));
        model.addAttribute("runError", runError);
    }

    private static String authorizeUrl(PortalFlows.Target target, Application app, String replyUrl) {
        UserFlow flow = target.flow();
        return "/" + target.tenant().name() + "/" + flow.canonicalName() + "/oauth2/v2.0/authorize"
                + "?client_id=" + app.clientId()
                + "&redirect_uri=" + URLEncoder.encode(replyUrl, StandardCharsets.UTF_8)
                + "&response_type=id_token&response_mode=form_post&scope=openid"
                + "&nonce=" + OpaqueTokens.generate().substring(0, 16);
    }
}

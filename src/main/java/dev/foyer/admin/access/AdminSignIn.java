package dev.foyer.admin.access;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.foyer.application.Application;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.User;
import dev.foyer.oidc.BearerTokens;
import dev.foyer.security.OpaqueTokens;
import dev.foyer.tenant.TenantContext;
import dev.foyer.userflow.UserFlow;
import dev.foyer.web.BrowserCookies;
import dev.foyer.web.ServerOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal signs administrators in as any application would: an authorize request to the
 * system tenant's {@code B2C_1_admin} flow (the user's own hosted pages, with MFA), and an ID token
 * posted back to {@code /admin/callback}, checked for signature, audience, nonce, state and MFA.
 */
@Controller
class AdminSignIn {

    static final String LOGIN_COOKIE = "foyer_admin_login";
    static final String SIGN_IN_PATH = "/admin/signin";

    private final SystemTenant system;
    private final BearerTokens tokens;
    private final Accounts accounts;
    private final AdminSessions sessions;
    private final ServerOrigins origins;

    AdminSignIn(SystemTenant system, BearerTokens tokens, Accounts accounts, AdminSessions sessions,
                ServerOrigins origins) {
        this.origins = origins;
        this.system = system;
        this.tokens = tokens;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @GetMapping(SIGN_IN_PATH)
    String signIn(HttpServletRequest request, HttpServletResponse response) {
        String state = OpaqueTokens.generate();
        String nonce = OpaqueTokens.generate();
        String origin = origins.of(request);
        Application portal = TenantContext.call(system.tenant(), () -> system.portal().orElseThrow());
        // Lax, not Strict: the callback is a form post from the sign-in pages, which may have been
        // reached through another site (an upstream identity provider).
        BrowserCookies.set(request, response, LOGIN_COOKIE, state + "." + nonce, AdminSessions.PATH,
                BrowserCookies.LAX, Duration.ofMinutes(30));
        return "redirect:/" + SystemTenant.NAME + "/" + UserFlow.canonicalName(SystemTenant.FLOW)
                + "/oauth2/v2.0/authorize?client_id=" + portal.clientId()
                + "&redirect_uri=" + URLEncoder.encode(origin + SystemTenant.CALLBACK, StandardCharsets.UTF_8)
                + "&response_type=id_token&response_mode=form_post&scope=openid&state=" + state + "&nonce=" + nonce;
    }

    @PostMapping(SystemTenant.CALLBACK)
    String callback(@RequestParam(name = "id_token", required = false) String idToken,
                    @RequestParam(name = "state", required = false) String state,
                    @RequestParam(name = "error", required = false) String error,
                    @RequestParam(name = "error_description", required = false) String errorDescription,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<String[]> expected = loginCookie(request);
        BrowserCookies.clear(request, response, LOGIN_COOKIE, AdminSessions.PATH, BrowserCookies.LAX);
        if (error != null) {
            return refused(response, model, "Sign-in did not complete: " + (errorDescription == null ? error
                    : errorDescription));
        }
        if (idToken == null || expected.isEmpty() || state == null || !OpaqueTokens.equal(expected.get()[0], state)) {
            return refused(response, model, "This sign-in response does not belong to a sign-in started here.");
        }
        Optional<UUID> admin = TenantContext.call(system.tenant(), () -> verify(idToken, expected.get()[1], request));
        if (admin.isEmpty()) {
            return refused(response, model, "Only administrators who signed in with multi-factor authentication may"
                    + " use the admin portal.");
        }
        sessions.start(admin.get(), request, response);
        return "redirect:/admin";
    }

    @PostMapping("/admin/signout")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        sessions.end(request, response);
        return "redirect:/" + SystemTenant.NAME + "/" + UserFlow.canonicalName(SystemTenant.FLOW)
                + "/oauth2/v2.0/logout";
    }

    /** The administrator's object id, if the ID token is genuine, for the portal, fresh, and proves MFA. */
    private Optional<UUID> verify(String idToken, String nonce, HttpServletRequest request) {
        Optional<JWTClaimsSet> claims = tokens.verifyIdToken(idToken, SystemTenant.FLOW, request);
        Optional<String> portal = system.portal().map(a -> a.clientId().toString());
        if (claims.isEmpty() || portal.isEmpty() || !claims.get().getAudience().equals(List.of(portal.get()))) {
            return Optional.empty();
        }
        try {
            List<String> amr = claims.get().getStringListClaim("amr");
            if (!OpaqueTokens.equal(nonce, claims.get().getStringClaim("nonce")) || amr == null
                    || !amr.contains("mfa")) {
                return Optional.empty();
            }
            return accounts.find(UUID.fromString(claims.get().getSubject())).filter(User::enabled).map(User::objectId);
        } catch (ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String[]> loginCookie(HttpServletRequest request) {
        return BrowserCookies.read(request, LOGIN_COOKIE, AdminSessions.PATH)
                .map(v -> v.split("\\.", 2)).filter(p -> p.length == 2);
    }

    private static String refused(HttpServletResponse response, Model model, String message) {
        response.setStatus(403);
        model.addAttribute("message", message);
        return "admin/setup-done";
    }
}

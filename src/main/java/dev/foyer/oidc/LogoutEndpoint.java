package dev.foyer.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.foyer.application.Application;
import dev.foyer.application.ApplicationRepository;
import dev.foyer.session.SsoSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * RP-initiated logout: ends the browser's SSO session in the tenant, then returns to the
 * application only at a URI registered for it — never to an address the request alone names.
 */
@Controller
class LogoutEndpoint {

    private final FlowEndpoints endpoints;
    private final BearerTokens bearerTokens;
    private final ApplicationRepository applications;
    private final SsoSessions sessions;

    LogoutEndpoint(FlowEndpoints endpoints, BearerTokens bearerTokens, ApplicationRepository applications,
                   SsoSessions sessions) {
        this.endpoints = endpoints;
        this.bearerTokens = bearerTokens;
        this.applications = applications;
        this.sessions = sessions;
    }

    @RequestMapping(path = "/{tenant}/{policy}/oauth2/v2.0/logout", method = {RequestMethod.GET, RequestMethod.POST})
    ModelAndView logout(@PathVariable String policy,
                        @RequestParam(name = "id_token_hint", required = false) String idTokenHint,
                        @RequestParam(name = "post_logout_redirect_uri", required = false) String redirectUri,
                        @RequestParam(name = "client_id", required = false) String clientId,
                        @RequestParam(name = "state", required = false) String state,
                        @RequestParam MultiValueMap<String, String> all,
                        HttpServletRequest request, HttpServletResponse response) {
        Optional<FlowEndpoint> endpoint = endpoints.resolve(policy, request);
        if (endpoint.isEmpty()) {
            return AuthorizeEndpoint.problem(response, 404, "This tenant or user flow does not exist.");
        }
        Optional<String> repeated = Parameters.repeated(all);
        if (repeated.isPresent()) {
            // Spring would join the values with a comma; refuse instead of guessing, as authorize does.
            return AuthorizeEndpoint.problem(response, 400, "The request repeats the parameter " + repeated.get() + ".");
        }
        Optional<JWTClaimsSet> hint = Optional.empty();
        if (idTokenHint != null && !idTokenHint.isBlank()) {
            hint = bearerTokens.verify(idTokenHint, JOSEObjectType.JWT, endpoint.get().issuer(), false);
            if (hint.isEmpty()) {
                return AuthorizeEndpoint.problem(response, 400, "The id_token_hint is not a valid ID token of this"
                        + " user flow.");
            }
        } else if (endpoint.get().flow().properties().session().requireIdTokenInLogout()) {
            return AuthorizeEndpoint.problem(response, 400, "This user flow requires id_token_hint in logout"
                    + " requests.");
        }
        Optional<String> audience = hint.map(JWTClaimsSet::getAudience).filter(a -> a.size() == 1).map(a -> a.get(0));
        if (audience.isPresent() && clientId != null && !clientId.equals(audience.get())) {
            return AuthorizeEndpoint.problem(response, 400, "client_id does not match the id_token_hint.");
        }
        sessions.current(request).ifPresent(sessions::end);
        sessions.clearCookie(request, response);
        Optional<String> named = audience.or(() -> Optional.ofNullable(clientId));
        if (redirectUri == null || redirectUri.isBlank()) {
            return signedOut(null);
        }
        // MSAL's logoutRedirect names no application (no hint, no client_id), as B2C allows: then the
        // address must be registered for some application of this tenant — never any other.
        Optional<Application> application = named.isPresent() ? named.flatMap(applications::findByClientId)
                : applications.findAll().stream().filter(a -> allowed(a, redirectUri)).findFirst();
        if (application.isEmpty() || !allowed(application.get(), redirectUri)) {
            return signedOut("You are signed out, but we could not return you to the application: its sign-out"
                    + " address is not registered.");
        }
        String location = redirectUri + (state == null ? ""
                : (redirectUri.contains("?") ? "&" : "?") + "state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
        RedirectView redirect = new RedirectView(location);
        redirect.setExpandUriTemplateVariables(false);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }

    @RequestMapping(path = "/{tenant}/oauth2/v2.0/logout", params = "p", method = {RequestMethod.GET, RequestMethod.POST})
    ModelAndView logoutWithQueryPolicy(@RequestParam("p") String policy,
                                       @RequestParam(name = "id_token_hint", required = false) String idTokenHint,
                                       @RequestParam(name = "post_logout_redirect_uri", required = false) String uri,
                                       @RequestParam(name = "client_id", required = false) String clientId,
                                       @RequestParam(name = "state", required = false) String state,
                                       @RequestParam MultiValueMap<String, String> all,
                                       HttpServletRequest request, HttpServletResponse response) {
        return logout(policy, idTokenHint, uri, clientId, state, all, request, response);
    }

    private static boolean allowed(Application application, String uri) {
        return application.hasRedirectUri(uri) || application.logoutUrl().map(uri::equals).orElse(false);
    }

    private static ModelAndView signedOut(String message) {
        ModelAndView page = new ModelAndView("oidc/signed-out");
        page.addObject("message", message);
        return page;
    }

}

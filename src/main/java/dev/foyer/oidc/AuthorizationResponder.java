package dev.foyer.oidc;

import dev.foyer.directory.Accounts;
import dev.foyer.directory.User;
import dev.foyer.userflow.TokenLifetimes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Answers a validated authorize request: issues the code and/or ID token and delivers them, or an
 * error, by the requested response mode — query, fragment, or an auto-submitted form post.
 */
@Component
class AuthorizationResponder {

    private final Grants grants;
    private final TokenIssuer tokens;
    private final Accounts accounts;
    private final Clock clock;

    AuthorizationResponder(Grants grants, TokenIssuer tokens, Accounts accounts, Clock clock) {
        this.grants = grants;
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public ModelAndView success(FlowEndpoint endpoint, AuthorizationRequest request, Authentication authentication) {
        User user = accounts.find(authentication.objectId()).orElse(null);
        if (user == null || !user.enabled()) {
            return error(request.redirectUri(), request.responseMode(), request.state(),
                    new OAuthError("access_denied", "The account is not available.", 400));
        }
        Instant now = clock.instant();
        Map<String, String> params = new LinkedHashMap<>();
        String code = null;
        if (request.wantsCode()) {
            UUID grantId = grants.create(authentication, now);
            code = grants.issueCode(grantId, new Grants.CodeGrant(request, authentication),
                    now.plus(TokenLifetimes.AUTHORIZATION_CODE));
            params.put("code", code);
        }
        if (request.wantsIdToken()) {
            params.put("id_token", tokens.idToken(endpoint, authentication, user, request.nonce(), code, null).value());
        }
        if (request.state() != null) {
            params.put("state", request.state());
        }
        return deliver(request.redirectUri(), request.responseMode(), params);
    }

    ModelAndView error(String redirectUri, String responseMode, String state, OAuthError error) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error.code());
        params.put("error_description", error.description());
        if (state != null) {
            params.put("state", state);
        }
        return deliver(redirectUri, responseMode, params);
    }

    private static ModelAndView deliver(String redirectUri, String responseMode, Map<String, String> params) {
        if ("form_post".equals(responseMode)) {
            ModelAndView page = new ModelAndView("oidc/form-post");
            page.addObject("action", redirectUri);
            page.addObject("params", params);
            return page;
        }
        String encoded = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String location = "fragment".equals(responseMode)
                ? redirectUri + "#" + encoded
                : redirectUri + (redirectUri.contains("?") ? "&" : "?") + encoded;
        RedirectView redirect = new RedirectView(location);
        redirect.setExpandUriTemplateVariables(false);
        redirect.setExposeModelAttributes(false);
        redirect.setPropagateQueryParams(false);
        return new ModelAndView(redirect);
    }
}

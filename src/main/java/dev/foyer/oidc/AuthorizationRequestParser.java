package dev.foyer.oidc;

import dev.foyer.application.Application;
import dev.foyer.application.ApplicationRepository;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Validates authorize parameters in the order that keeps users safe: until the client and its
 * redirect URI are known good, errors are shown on a page and never redirected (no open
 * redirector); after that, errors go back to the application. Unknown parameters are ignored.
 */
@Component
class AuthorizationRequestParser {

    private static final Pattern PKCE_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43,128}");
    private static final Set<String> RESPONSE_MODES = Set.of("query", "fragment", "form_post");
    private static final Set<String> PROMPTS = Set.of("none", "login", "consent", "select_account");
    private static final int MAX_PARAMETER = 2048;

    private final ApplicationRepository applications;

    AuthorizationRequestParser(ApplicationRepository applications) {
        this.applications = applications;
    }

    /** The outcome: a request, an error shown on a page, or an error sent to the redirect URI. */
    sealed interface Parsed {
        record Valid(AuthorizationRequest request, Application application) implements Parsed {
        }

        record ShowError(String message) implements Parsed {
        }

        record RedirectError(OAuthError error, String redirectUri, String responseMode, String state)
                implements Parsed {
        }
    }

    Parsed parse(Map<String, String> params, FlowEndpoint endpoint) {
        String clientId = params.get("client_id");
        if (clientId == null || clientId.isBlank()) {
            return new Parsed.ShowError("The request has no client_id. The application that sent you here is"
                    + " misconfigured.");
        }
        Optional<Application> application = applications.findByClientId(clientId.strip());
        if (application.isEmpty()) {
            return new Parsed.ShowError("The application with client_id '" + printable(clientId)
                    + "' is not registered in this tenant.");
        }
        String redirectUri = params.get("redirect_uri");
        if (redirectUri == null || redirectUri.isBlank()) {
            return new Parsed.ShowError("The request has no redirect_uri.");
        }
        if (!application.get().hasRedirectUri(redirectUri)) {
            return new Parsed.ShowError("The redirect_uri '" + printable(redirectUri)
                    + "' is not registered for the application " + application.get().displayName() + ".");
        }
        String state = params.get("state");
        List<String> responseTypes = split(params.get("response_type"));
        String defaultMode = responseTypes.contains(AuthorizationRequest.ID_TOKEN) ? "fragment" : "query";
        String responseMode = Optional.ofNullable(params.get("response_mode")).filter(m -> !m.isBlank())
                .orElse(defaultMode);
        String errorMode = RESPONSE_MODES.contains(responseMode) && !(responseMode.equals("query")
                && responseTypes.contains(AuthorizationRequest.ID_TOKEN)) ? responseMode : defaultMode;
        Optional<OAuthError> error = check(params, application.get(), responseTypes, responseMode);
        if (error.isPresent()) {
            return new Parsed.RedirectError(error.get(), redirectUri, errorMode,
                    state != null && state.length() <= MAX_PARAMETER ? state : null);
        }
        String maxAge = params.get("max_age");
        return new Parsed.Valid(new AuthorizationRequest(
                application.get().clientId(), endpoint.flow().id(), redirectUri, responseTypes, responseMode,
                split(params.get("scope")), state, params.get("nonce"), params.get("code_challenge"),
                params.get("prompt"), maxAge == null || maxAge.isBlank() ? null : Long.parseLong(maxAge.strip()),
                params.get("login_hint"), split(params.get("acr_values")), params.get("ui_locales"),
                params.get("domain_hint")),
                application.get());
    }

    private Optional<OAuthError> check(Map<String, String> params, Application application,
                                       List<String> responseTypes, String responseMode) {
        for (String name : List.of("state", "nonce", "login_hint", "scope", "ui_locales", "acr_values",
                "code_challenge", "domain_hint")) {
            String value = params.get(name);
            if (value != null && value.length() > MAX_PARAMETER) {
                return Optional.of(OAuthError.invalidRequest("The " + name + " parameter is too long."));
            }
        }
        if (responseTypes.isEmpty()) {
            return Optional.of(OAuthError.invalidRequest("The response_type parameter is missing."));
        }
        if (!Set.of(AuthorizationRequest.CODE, AuthorizationRequest.ID_TOKEN).containsAll(responseTypes)) {
            return Optional.of(OAuthError.unsupportedResponseType("Supported response types are code, id_token"
                    + " and code id_token."));
        }
        if (!RESPONSE_MODES.contains(responseMode)) {
            return Optional.of(OAuthError.invalidRequest("Supported response modes are query, fragment and"
                    + " form_post."));
        }
        if (responseMode.equals("query") && responseTypes.contains(AuthorizationRequest.ID_TOKEN)) {
            return Optional.of(OAuthError.invalidRequest("Tokens are never sent in the query; use"
                    + " response_mode=fragment or form_post."));
        }
        List<String> scopes = split(params.get("scope"));
        if (!scopes.contains("openid")) {
            return Optional.of(OAuthError.invalidScope("The scope must include openid."));
        }
        String nonce = params.get("nonce");
        if (responseTypes.contains(AuthorizationRequest.ID_TOKEN) && (nonce == null || nonce.isBlank())) {
            return Optional.of(OAuthError.invalidRequest("A nonce is required when an ID token is returned from"
                    + " the authorize endpoint."));
        }
        String challenge = params.get("code_challenge");
        String method = params.get("code_challenge_method");
        if (challenge != null) {
            if (method != null && !method.equals("S256")) {
                return Optional.of(OAuthError.invalidRequest("Only code_challenge_method=S256 is supported."));
            }
            if (method == null) {
                return Optional.of(OAuthError.invalidRequest("code_challenge_method must be S256."));
            }
            if (!PKCE_CHALLENGE.matcher(challenge).matches()) {
                return Optional.of(OAuthError.invalidRequest("The code_challenge is not a valid S256 challenge."));
            }
        } else if (!application.type().isConfidential() && responseTypes.contains(AuthorizationRequest.CODE)) {
            return Optional.of(OAuthError.invalidRequest("PKCE (code_challenge with S256) is required for public"
                    + " clients."));
        }
        String prompt = params.get("prompt");
        if (prompt != null && !prompt.isBlank()) {
            List<String> prompts = split(prompt);
            if (!PROMPTS.containsAll(prompts) || (prompts.contains("none") && prompts.size() > 1)) {
                return Optional.of(OAuthError.invalidRequest("Unsupported prompt value."));
            }
        }
        String maxAge = params.get("max_age");
        if (maxAge != null && !maxAge.isBlank() && !maxAge.strip().matches("\\d{1,9}")) {
            return Optional.of(OAuthError.invalidRequest("max_age must be a number of seconds."));
        }
        return Optional.empty();
    }

    static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.strip().split("\\s+")).distinct().toList();
    }

    private static String printable(String value) {
        String cut = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
